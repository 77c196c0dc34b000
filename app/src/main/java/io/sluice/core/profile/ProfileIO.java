package io.sluice.core.profile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.sluice.core.ReplacingFiles;
import io.sluice.core.SluiceException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Reads and writes mapping profiles (version 1, one table; version 2, several tables) as versioned, pretty-printed
 * JSON. Anything wrong with a profile file (malformed
 * JSON, unknown field, unknown version, unknown transform op or rule type, incomplete mapping) becomes one
 * {@link SluiceException#input(String)} naming the file, the reason and, where known, the line and column.
 */
public final class ProfileIO {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // "table": 5 is a mistake in a hand-edited profile, not the text "5".
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    // A tree for edits that keep the rest of the file: 0.80 stays 0.80, not the double 0.8.
    private static final ObjectMapper TREE = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    // Sorted keys and no whitespace: the hash must not change when the pretty layout or field order does.
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    // Always "\n": profiles are shared between Windows and Linux machines and kept in version control.
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private ProfileIO() {
    }

    /** Reads and checks a profile file. */
    public static Profile read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw SluiceException.input("Profile " + file + " is a folder, not a profile file.");
        }
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw SluiceException.input("Profile " + file + " does not exist.", e);
        } catch (AccessDeniedException e) {
            throw SluiceException.input("Profile " + file + " cannot be read: permission denied.", e);
        } catch (CharacterCodingException e) {
            // a review, a workbook or a CSV in another encoding given as the profile
            throw fail(name, "is not a Sluice profile (it is not JSON)", null, e);
        } catch (IOException e) {
            throw SluiceException.input("Profile " + file + " cannot be read: " + e.getMessage() + ".", e);
        }
        return fromJson(json, name);
    }

    /**
     * Writes a profile as pretty-printed JSON (UTF-8, trailing newline), replacing the file when it is a profile;
     * any other file is refused ({@link #requireReplaceable}).
     */
    public static void write(Profile profile, Path file) {
        if (Files.isDirectory(file)) {
            throw SluiceException.input("Profile " + file + " cannot be written: it is a folder.");
        }
        requireReplaceable(file);
        writeWhole(file, toJson(profile));
    }

    /**
     * Replaces {@code file} with {@code json} in one atomic step (written beside it first), so that a crash while
     * saving leaves the profile as it was, never cut short.
     */
    static void writeWhole(Path file, String json) {
        Path temp = null;
        try {
            temp = ReplacingFiles.createBeside(file, "." + file.getFileName(), ".tmp");
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (NoSuchFileException e) {
            throw SluiceException.input("Profile " + file + " cannot be written: its folder does not exist.", e);
        } catch (AccessDeniedException e) {
            throw SluiceException.input("Profile " + file + " cannot be written: permission denied.", e);
        } catch (IOException e) {
            throw SluiceException.input("Profile " + file + " cannot be written: " + e.getMessage() + ".", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the move succeeded or failed; a leftover temporary file is harmless
                }
            }
        }
    }

    /**
     * Refuses, in one sentence, to let a profile replace an existing file that is not a Sluice profile (the source
     * file, a review, a report): a mistyped output name must never destroy what it names. A missing file passes.
     */
    public static void requireReplaceable(Path file) {
        if (Files.isRegularFile(file) && !isProfile(file)) {
            throw SluiceException.input(file + " is not a Sluice profile, so it is not replaced by one; give the"
                    + " profile a file name of its own.");
        }
    }

    /** Whether the file is a JSON object whose top-level "format" is a profile's, read only as far as that field. */
    private static boolean isProfile(Path file) {
        try (JsonParser parser = MAPPER.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("format".equals(field)) {
                    return value == JsonToken.VALUE_STRING && Profile.FORMAT.equals(parser.getText());
                }
                parser.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** A profile file's JSON tree, field order kept, for an edit that must leave the rest of the file as it is. */
    static JsonNode readTree(String json) throws JsonProcessingException {
        return TREE.readTree(json);
    }

    /** A JSON tree pretty-printed as profiles are written, ending with a newline. */
    static String pretty(JsonNode tree) {
        try {
            return TREE.writer(PRETTY).writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A profile tree could not be serialised", e);
        }
    }

    /** The profile as pretty-printed JSON, ending with a newline. */
    public static String toJson(Profile profile) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(profile) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A profile record could not be serialised", e);
        }
    }

    /**
     * Parses and checks profile JSON.
     *
     * @param originName the file name used in error messages
     */
    public static Profile fromJson(String json, String originName) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // a file that does not even start like JSON (a CSV given as the profile) gets no parser jargon
            boolean notJson = json.isBlank() || "{[".indexOf(json.strip().charAt(0)) < 0;
            throw fail(originName, notJson ? "is not a Sluice profile (it is not JSON)"
                    : "is not valid JSON: " + jsonProblem(e), notJson ? null : e.getLocation(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw fail(originName, "is not a Sluice profile (expected a JSON object)", null, null);
        }
        // Format and version first: a newer file must say "newer version", not trip over fields it added.
        JsonNode format = tree.get("format");
        if (format == null || !Profile.FORMAT.equals(format.asText(null))) {
            throw fail(originName, "is not a Sluice profile (\"format\" must be \"" + Profile.FORMAT + "\")", null,
                    null);
        }
        JsonNode version = tree.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw fail(originName, "has no profile \"version\" number", null, null);
        }
        boolean known = version.canConvertToInt()
                && (version.asInt() == Profile.CURRENT_VERSION || version.asInt() == Profile.TABLES_VERSION);
        if (!known) {
            throw fail(originName, "is profile version " + version.asText() + ", which this Sluice cannot read (it"
                    + " reads versions " + Profile.CURRENT_VERSION + " and " + Profile.TABLES_VERSION + ")", null,
                    null);
        }
        Profile profile;
        try {
            profile = MAPPER.readValue(json, Profile.class);
        } catch (UnrecognizedPropertyException e) {
            throw fail(originName, "unknown field \"" + e.getPropertyName() + "\" in " + describe(e.getReferringClass())
                    + " (known: " + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().toList()) + ")", locate(json, e), e);
        } catch (MismatchedInputException e) {
            throw fail(originName, "field " + path(e) + " must be " + kindOf(e.getTargetType()), locate(json, e), e);
        } catch (JsonProcessingException e) {
            throw fail(originName, e.getOriginalMessage(), e.getLocation(), e);
        }
        ProfileProblem problem = ProfileValidator.firstProblem(profile);
        if (problem != null) {
            throw fail(originName, problem.message(), locate(json, problem.pointer()), null);
        }
        return profile;
    }

    /**
     * Parses one rule as it would be written in a profile's {@code rules}, e.g. {@code {"id": "cap", "type":
     * "range", "column": "cement_kg", "max": 400}}; malformed JSON, an unknown field or a value of the wrong kind is
     * one sentence naming {@code originName}. Whether the rule can run is checked where it is used, with its profile.
     */
    public static RuleSpec ruleFromJson(String json, String originName) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw fail(originName, "is not a rule (expected a JSON object such as {\"type\": \"range\","
                        + " \"column\": \"cement_kg\", \"max\": 400})", null, null);
            }
            return MAPPER.readValue(json, RuleSpec.class);
        } catch (UnrecognizedPropertyException e) {
            throw fail(originName, "unknown field \"" + e.getPropertyName() + "\" in a rule (known: "
                    + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList())
                    + ")", locate(json, e), e);
        } catch (MismatchedInputException e) {
            throw fail(originName, "field " + path(e) + " must be " + kindOf(e.getTargetType()), locate(json, e), e);
        } catch (JsonProcessingException e) {
            throw fail(originName, "is not valid JSON: " + jsonProblem(e), e.getLocation(), e);
        }
    }

    /**
     * The parser's complaint in words a steward reads: without the excerpt of the source Jackson appends to an
     * unclosed object or array, and "it ends before a closing } or ]" for a text cut short.
     */
    private static String jsonProblem(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message.startsWith("Unexpected end-of-input")) {
            return "it ends before a closing } or ]";
        }
        int excerpt = message.indexOf(" (start marker at ");
        return excerpt < 0 ? message : message.substring(0, excerpt);
    }

    /** SHA-256 (hex) of the profile's canonical JSON: recorded with each batch to tell which profile was used. */
    public static String sha256(Profile profile) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(profile);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("A profile could not be hashed", e);
        }
    }

    private static SluiceException fail(String origin, String reason, JsonLocation where, Throwable cause) {
        String at = where == null || where.getLineNr() < 1 ? ""
                : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
        String text = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
        return SluiceException.input(origin + ": " + text + at + ".", cause);
    }

    /** Where the element a mapping exception is about starts, else where Jackson stopped. */
    private static JsonLocation locate(String json, JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            pointer.append('/').append(r.getFieldName() != null ? r.getFieldName().replace("~", "~0")
                    .replace("/", "~1") : String.valueOf(r.getIndex()));
        }
        JsonLocation start = locate(json, pointer.toString());
        return start != null ? start : e.getLocation();
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "(top level)" : b.toString();
    }

    private static String kindOf(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text in quotes";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list in [ ]";
        }
        return "an object in { }";
    }

    private static String describe(Class<?> type) {
        if (type == ColumnMapping.class) {
            return "a column mapping";
        }
        if (type == TransformSpec.class) {
            return "a transform";
        }
        if (type == RuleSpec.class) {
            return "a rule";
        }
        if (type == GateSpec.class) {
            return "a quality gate";
        }
        if (type == TableMapping.class) {
            return "a table of \"tables\"";
        }
        if (type == Unpivot.class) {
            return "an unpivot";
        }
        if (type == UnpivotTarget.class) {
            return "an unpivot's header or value";
        }
        if (type == TableReference.class) {
            return "a reference";
        }
        if (type == SourceSettings.class) {
            return "the source settings";
        }
        return "the profile";
    }

    /** Where the element at a JSON pointer starts in the text, or null when it cannot be found. */
    private static JsonLocation locate(String json, String pointer) {
        Map<String, JsonLocation> starts = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token.isStructEnd()) {
                    continue;
                }
                // A field's name comes before its value, so a pointer to a field locates its name.
                var context = token.isStructStart() ? parser.getParsingContext().getParent()
                        : parser.getParsingContext();
                starts.putIfAbsent(context.pathAsPointer().toString(), parser.currentTokenLocation());
            }
        } catch (IOException e) {
            return null;
        }
        return starts.get(pointer);
    }
}
