package io.sluice.cli;

import io.sluice.core.review.Review;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a command line that picocli could not parse into one plain sentence about the command it was typed for. A
 * stray or misspelled word is reported before anything missing, because the typo is usually why the other is missing;
 * "did you mean" names only options and commands that exist where the mistake was made.
 */
final class UsageErrors {

    private static final int MAX_EXPLANATION = 60;
    private static final Pattern UNKNOWN_SUBCOMMAND = Pattern.compile("Unknown subcommand '(.*)'\\.?");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d.*");
    private static final List<Class<?>> WHOLE_NUMBERS = List.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class);

    private UsageErrors() {
    }

    /**
     * What went wrong on a command line.
     *
     * @param command  the command the mistake was made on, e.g. "sluice validate"
     * @param sentence the mistake in one sentence
     */
    record Mistake(String command, String sentence) {
    }

    /** The first mistake of this command line: the outermost command's stray words first. */
    static Mistake of(ParameterException e) {
        CommandLine commandLine = e.getCommandLine();
        for (CommandLine level : outermostFirst(commandLine)) {
            List<String> unmatched = level == commandLine ? unmatched(e, level) : partialUnmatched(level);
            if (!unmatched.isEmpty()) {
                CommandSpec spec = level.getCommandSpec();
                return new Mistake(spec.qualifiedName(), unmatched(spec, unmatched));
            }
        }
        return new Mistake(commandLine.getCommandSpec().qualifiedName(), message(e));
    }

    private static String message(ParameterException e) {
        CommandLine commandLine = e.getCommandLine();
        CommandSpec spec = commandLine.getCommandSpec();
        Matcher unknownCommand = UNKNOWN_SUBCOMMAND.matcher(String.valueOf(e.getMessage()));
        if (unknownCommand.matches()) {
            return unknownCommand(spec, unknownCommand.group(1));
        }
        if (e instanceof CommandLine.OverwrittenOptionException overwritten) {
            return "The " + label(overwritten.getOverwritten()) + " is given twice; give it once.";
        }
        if (e instanceof CommandLine.MissingParameterException missing) {
            return missing(spec, commandLine.getParseResult(), missing.getMissing(), missing.getMessage());
        }
        if (e instanceof CommandLine.MutuallyExclusiveArgsException) {
            String together = exclusiveGiven(spec, commandLine.getParseResult());
            if (together != null) {
                return together;
            }
        }
        boolean invalid = String.valueOf(e.getMessage()).startsWith("Invalid value");
        if (invalid && e.getArgSpec() != null && e.getValue() != null) {
            return invalidValue(e.getArgSpec(), e.getValue());
        }
        return e.getMessage();
    }

    /**
     * Picocli words two actions given together as "Error: --approve=FILTER, --reject=FILTER are mutually exclusive";
     * the steward gets the options by name and what to do instead, or null when the partial parse does not say which.
     */
    private static String exclusiveGiven(CommandSpec spec, ParseResult partial) {
        if (partial == null) {
            return null;
        }
        List<String> given = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (option.group() != null && option.group().exclusive() && partial.hasMatchedOption(option)) {
                given.add(option.longestName());
            }
        }
        if (given.size() < 2) {
            return null;
        }
        return "The options " + joined(given) + " cannot be given together; give one of them per command.";
    }

    private static List<String> unmatched(ParameterException e, CommandLine commandLine) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            return u.getUnmatched();
        }
        return partialUnmatched(commandLine);
    }

    /** A parse that failed for something missing may also have met a typo; the partial result keeps it. */
    private static List<String> partialUnmatched(CommandLine commandLine) {
        ParseResult partial = commandLine.getParseResult();
        return partial == null ? List.of() : partial.unmatched();
    }

    /** The command and the commands above it, the top-level one first: a mistake there came first. */
    private static List<CommandLine> outermostFirst(CommandLine commandLine) {
        List<CommandLine> chain = new ArrayList<>();
        for (CommandLine c = commandLine; c != null; c = c.getParent()) {
            chain.add(0, c);
        }
        return chain;
    }

    private static String unmatched(CommandSpec spec, List<String> unmatched) {
        for (String arg : unmatched) {
            if (arg.startsWith("-") && arg.length() > 1 && !NEGATIVE_NUMBER.matcher(arg).matches()) {
                return unknownOption(spec, arg);
            }
        }
        List<PositionalParamSpec> positionals = spec.positionalParameters();
        if (positionals.isEmpty() && !spec.subcommands().isEmpty()) {
            return unknownCommand(spec, unmatched.get(0));
        }
        String quoted = String.join(" ", unmatched.stream().map(a -> "'" + a + "'").toList());
        String name = spec.name();
        String takes;
        if (positionals.isEmpty()) {
            takes = name + " takes no arguments, only options";
        } else if (positionals.size() == 1) {
            takes = name + " takes one argument, " + positionals.get(0).paramLabel();
        } else {
            takes = name + " takes the arguments " + String.join(" ",
                    positionals.stream().map(PositionalParamSpec::paramLabel).toList());
        }
        return "Unexpected argument" + (unmatched.size() > 1 ? "s " : " ") + quoted + "; " + takes + ".";
    }

    private static String unknownOption(CommandSpec spec, String arg) {
        int equals = arg.indexOf('=');
        String typed = equals > 0 ? arg.substring(0, equals) : arg;
        List<String> names = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                names.add(option.longestName());
            }
        }
        String suggestion = didYouMean(typed, names);
        if (!suggestion.isEmpty()) {
            return "Unknown option '" + typed + "'" + suggestion;
        }
        List<String> owners = commandsWithOption(spec, typed);
        if (!owners.isEmpty()) {
            return "Unknown option '" + typed + "' for " + spec.qualifiedName() + " itself; it is an option of "
                    + joined(owners) + ", written after the command's name.";
        }
        return "Unknown option '" + typed + "'.";
    }

    /** The commands below this one that have the option, for an option typed before the command's name. */
    private static List<String> commandsWithOption(CommandSpec spec, String typed) {
        List<String> owners = new ArrayList<>();
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            OptionSpec option = sub.getValue().getCommandSpec().findOption(typed);
            if (option != null && !option.hidden() && !owners.contains(sub.getKey())) {
                owners.add(sub.getKey());
            }
        }
        return owners;
    }

    private static String unknownCommand(CommandSpec spec, String typed) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            if (!sub.getValue().getCommandSpec().usageMessage().hidden()) {
                names.add(sub.getKey());
            }
        }
        String suggestion = didYouMean(typed, names);
        return "Unknown command '" + typed + "'" + (suggestion.isEmpty() ? "." : suggestion);
    }

    /** "; did you mean X?" naming the closest of {@code names} (all of them on a tie), or "" when none is close. */
    private static String didYouMean(String typed, List<String> names) {
        String bare = bare(typed);
        int best = Integer.MAX_VALUE;
        List<String> closest = new ArrayList<>();
        for (String name : names) {
            int distance = Distance.of(bare, bare(name));
            if (distance < best) {
                best = distance;
                closest.clear();
            }
            if (distance == best && !closest.contains(name)) {
                closest.add(name);
            }
        }
        int allowed = bare.length() <= 4 ? 1 : 2;
        if (closest.isEmpty() || best > allowed) {
            return "";
        }
        return "; did you mean " + String.join(" or ", closest) + "?";
    }

    private static String bare(String name) {
        int start = 0;
        while (start < name.length() && name.charAt(start) == '-') {
            start++;
        }
        return name.substring(start).toLowerCase(Locale.ROOT);
    }

    private static String missing(CommandSpec spec, ParseResult partial, List<ArgSpec> missing, String message) {
        ArgSpec first = missing.get(0);
        if (first instanceof OptionSpec option && (partial != null && partial.hasMatchedOption(option)
                || String.valueOf(message).startsWith("Missing required parameter for option")
                || String.valueOf(message).startsWith("Expected parameter for option"))) {
            return "The option " + option.longestName() + " needs a value, " + option.paramLabel()
                    + explanation(option) + ".";
        }
        List<String> parts = new ArrayList<>();
        List<String> oneOf = new ArrayList<>();
        for (ArgSpec arg : allMissing(spec, partial, missing)) {
            if (arg.group() != null && arg.group().exclusive() && arg instanceof OptionSpec option) {
                oneOf.add(option.longestName());
            } else {
                parts.add("the " + what(arg) + explanation(arg));
            }
        }
        if (!oneOf.isEmpty()) {
            parts.add("one of the options " + joinedWith(oneOf, " or "));
        }
        return "Missing " + joined(parts) + ".";
    }

    /** Picocli stops at the first missing argument; the steward wants to hear of all of them at once. */
    private static List<ArgSpec> allMissing(CommandSpec spec, ParseResult partial, List<ArgSpec> reported) {
        if (partial == null) {
            return reported;
        }
        List<ArgSpec> missing = new ArrayList<>();
        for (ArgSpec arg : spec.args()) {
            // options of a group are required only as the group says: see below
            boolean required = arg instanceof OptionSpec option ? option.required() : arg.arity().min() > 0;
            if (required && arg.group() == null && !partial.matchedArgs().contains(arg)) {
                missing.add(arg);
            }
        }
        for (ArgGroupSpec group : spec.argGroups()) {
            boolean required = group.exclusive() && group.multiplicity().min() > 0;
            if (required && group.args().stream().noneMatch(partial.matchedArgs()::contains)) {
                missing.addAll(group.args());
            }
        }
        return missing.isEmpty() ? reported : missing;
    }

    private static String invalidValue(ArgSpec arg, String value) {
        Class<?> type = arg.type();
        if (WHOLE_NUMBERS.contains(type)) {
            if (WHOLE_NUMBER.matcher(value.strip()).matches()) {
                boolean negative = value.strip().startsWith("-");
                return "The " + label(arg) + " takes whole numbers " + (negative ? "down to " + smallest(type)
                        : "up to " + largest(type)) + "; '" + value + "' is too " + (negative ? "small." : "large.");
            }
            return "The " + label(arg) + " needs a whole number, not '" + value + "'.";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "The " + label(arg) + " takes no value; give it alone, not with '" + value + "'.";
        }
        if (type.isEnum()) {
            List<String> choices = Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
            String suggestion = didYouMean(value, choices);
            return "The " + label(arg) + " takes " + joinedWith(choices, " or ") + ", not '" + value + "'"
                    + (suggestion.isEmpty() ? "." : suggestion);
        }
        return "The " + label(arg) + " cannot be '" + value + "'.";
    }

    private static long largest(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return Integer.MAX_VALUE;
        }
        return type == short.class || type == Short.class ? Short.MAX_VALUE : Long.MAX_VALUE;
    }

    private static long smallest(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return Integer.MIN_VALUE;
        }
        return type == short.class || type == Short.class ? Short.MIN_VALUE : Long.MIN_VALUE;
    }

    /** "option --profile PROFILE.json" or "argument FILE". */
    private static String what(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return "option " + option.longestName() + (option.arity().max() > 0 ? " " + option.paramLabel() : "");
        }
        return "argument " + arg.paramLabel();
    }

    /** "option --limit" or "argument ID". */
    private static String label(ArgSpec arg) {
        return arg instanceof OptionSpec option ? "option " + option.longestName() : "argument " + arg.paramLabel();
    }

    /** " (mapping profile)": the first sentence of the help text, lower-cased to read inside a sentence. */
    private static String explanation(ArgSpec arg) {
        String[] description = arg.description();
        if (description == null || description.length == 0 || description[0].isBlank()) {
            return "";
        }
        String text = description[0].strip();
        // the gist only: the help has the defaults, examples and details
        for (String end : new String[] {". ", ": ", " (", "; ", ", e.g."}) {
            int at = text.indexOf(end);
            text = at > 0 ? text.substring(0, at) : text;
        }
        text = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (text.length() > MAX_EXPLANATION) {
            return "";
        }
        boolean acronym = text.length() > 1 && Character.isUpperCase(text.charAt(1));
        if (!acronym && !text.isEmpty()) {
            text = Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return " (" + text + ")";
    }

    private static String joined(List<String> parts) {
        return joinedWith(parts, " and ");
    }

    private static String joinedWith(List<String> parts, String last) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + last + parts.get(parts.size() - 1);
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit, as typos usually are. */
    static final class Distance {

        private Distance() {
        }

        static int of(String a, String b) {
            int[][] d = new int[a.length() + 1][b.length() + 1];
            for (int i = 0; i <= a.length(); i++) {
                d[i][0] = i;
            }
            for (int j = 0; j <= b.length(); j++) {
                d[0][j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                    if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                    }
                }
            }
            return d[a.length()][b.length()];
        }
    }

    /**
     * Refuses a review given where a source file goes, saying how the command takes one ({@code "import it"},
     * {@code --review R}); nothing when {@code file} is not a review.
     */
    static void refuseReviewAsSource(Path file, String doIt) {
        if (file != null && Files.isRegularFile(file) && Review.isReview(file)) {
            throw new UsageException(file.getFileName() + " is a review, not a source file; " + doIt
                    + " with --review " + file + ".");
        }
    }
}
