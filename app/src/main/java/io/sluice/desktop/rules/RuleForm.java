package io.sluice.desktop.rules;

import io.sluice.core.profile.RuleSpec;
import io.sluice.core.rules.ExpressionKinds;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.usecase.CheckExpression;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One profile rule being written or changed: a field per parameter of every kind of rule, the kind deciding which
 * count. Loading a {@link RuleSpec} and taking it back out gives the same spec; {@link #problemProperty()} says in
 * one sentence what keeps the rule from running, and {@link #changedProperty()} whether it differs from what was
 * loaded. Switching the kind keeps what the kinds share (id, column, severity, message, bounds).
 */
public final class RuleForm {

    public static final String ERROR = "error";
    public static final String WARNING = "warning";

    private final ObjectProperty<RuleKind> kind = new SimpleObjectProperty<>(RuleKind.RANGE);
    private final StringProperty id = new SimpleStringProperty("");
    private final StringProperty severity = new SimpleStringProperty(ERROR);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty column = new SimpleStringProperty();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final StringProperty min = new SimpleStringProperty("");
    private final StringProperty max = new SimpleStringProperty("");
    private final BooleanProperty minExclusive = new SimpleBooleanProperty();
    private final BooleanProperty maxExclusive = new SimpleBooleanProperty();
    private final BooleanProperty ignoreCase = new SimpleBooleanProperty();
    private final StringProperty pattern = new SimpleStringProperty("");
    private final StringProperty values = new SimpleStringProperty("");
    private final StringProperty table = new SimpleStringProperty();
    private final StringProperty key = new SimpleStringProperty();
    private final BooleanProperty conditionTyped = new SimpleBooleanProperty();
    private final StringProperty whenColumn = new SimpleStringProperty();
    private final StringProperty whenOperator = new SimpleStringProperty(RuleCondition.HAS_VALUE);
    private final StringProperty whenValue = new SimpleStringProperty("");
    private final StringProperty when = new SimpleStringProperty("");
    private final StringProperty expression = new SimpleStringProperty("");
    private final StringProperty patternSample = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<RuleSpec> spec = new ReadOnlyObjectWrapper<>();
    private final List<String> mapped = new ArrayList<>();
    private Map<String, ExpressionKinds.Kind> kinds = Map.of();
    private final Set<String> takenIds = new TreeSet<>();
    private RuleSpec loaded;
    /** Kept so that a rule read back writes what it had: "error" spelt out, one unique column as "column". */
    private boolean severityWritten;
    private boolean uniqueAsColumn;
    private boolean idTyped;
    private boolean loading;
    /** Each bound as the message quotes it, so that the message follows a retyped bound; null when it does not. */
    private String quotedMin;
    private String quotedMax;

    public RuleForm() {
        Observable[] fields = {kind, id, severity, message, column, columns, min, max, minExclusive, maxExclusive,
                ignoreCase, pattern, values, table, key,
                conditionTyped, whenColumn, whenOperator, whenValue, when, expression};
        for (Observable field : fields) {
            field.addListener(o -> update());
        }
        id.addListener((o, was, now) -> {
            if (!loading) {
                idTyped = true;
            }
        });
        min.addListener((o, was, now) -> quotedMin = followBound(quotedMin, now));
        max.addListener((o, was, now) -> quotedMax = followBound(quotedMax, now));
        column.addListener((o, was, now) -> suggestId());
        kind.addListener((o, was, now) -> suggestId());
        update();
    }

    /** The target columns the profile maps: the only ones a rule may be about. */
    public void mappedColumns(List<String> names) {
        mapped.clear();
        mapped.addAll(names);
        update();
    }

    /**
     * The kinds of the target table's columns (by lower-case name), so that a comparison that can never be computed,
     * a date with a text say, is a problem of the form before the rule is kept or applied; empty while not known.
     */
    public void columnKinds(Map<String, ExpressionKinds.Kind> byLowerName) {
        kinds = Map.copyOf(byLowerName);
        update();
    }

    Map<String, ExpressionKinds.Kind> kinds() {
        return kinds;
    }

    /** The ids of the other rules in force; the form's id must differ from each (case-insensitively). */
    public void takenIds(Set<String> ids) {
        takenIds.clear();
        ids.forEach(i -> takenIds.add(i.toLowerCase(Locale.ROOT)));
        suggestId();
        update();
    }

    /** Fills the form from a rule of the profile. */
    public void load(RuleSpec spec) {
        loading = true;
        try {
            RuleKind k = RuleKind.of(spec);
            kind.set(k == null ? RuleKind.EXPRESSION : k);
            id.set(text(spec.id()));
            idTyped = true;
            severityWritten = spec.severity() != null;
            severity.set(spec.severity() == null ? ERROR : spec.severity().toLowerCase(Locale.ROOT));
            message.set(text(spec.message()));
            uniqueAsColumn = spec.column() != null && spec.columns().isEmpty();
            column.set(spec.column());
            columns.setAll(uniqueAsColumn ? List.of(spec.column()) : spec.columns());
            min.set(spec.min() == null ? "" : spec.min().toPlainString());
            max.set(spec.max() == null ? "" : spec.max().toPlainString());
            minExclusive.set(spec.excludesMin());
            maxExclusive.set(spec.excludesMax());
            ignoreCase.set(spec.ignoresCase());
            pattern.set(text(spec.pattern()));
            values.set(String.join("\n", spec.values()));
            table.set(spec.table());
            key.set(spec.key());
            RuleCondition condition = RuleCondition.parse(spec.when());
            conditionTyped.set(spec.when() != null && condition == null);
            when.set(text(spec.when()));
            whenColumn.set(condition == null ? null : condition.column());
            whenOperator.set(condition == null ? RuleCondition.HAS_VALUE : condition.operator());
            whenValue.set(condition == null ? "" : condition.value());
            expression.set(text(spec.expression()));
            quotedMin = quoted(min.get());
            quotedMax = quoted(max.get());
            loaded = spec;
        } finally {
            loading = false;
        }
        update();
    }

    /** Empties the form for a new rule of {@code newKind}; its id is suggested from the kind and the column. */
    public void startNew(RuleKind newKind) {
        load(new RuleSpec(null, newKind.type(), null, null, null, null, null, null, null, null, null, null, null,
                null));
        loading = true;
        kind.set(newKind);
        idTyped = false;
        loading = false;
        loaded = null;
        suggestId();
        update();
    }

    /** Fills the form with a rule not yet in the profile, e.g. one a template wrote; its id stays as given. */
    public void startFrom(RuleSpec spec) {
        load(spec);
        loaded = null;
        update();
    }

    /** The bound's text when the message quotes it as a number of its own, else null. */
    private String quoted(String bound) {
        String text = bound.strip();
        return !text.isEmpty() && numberIn(message.get(), text).find() ? text : null;
    }

    /**
     * A message written for the old bounds ("between 0.25 and 0.80") would tell the steward a bound the rule no
     * longer has: the quoted number is replaced by each number typed for the bound, half-typed ones ("", "-")
     * leaving it as it was. A message rewritten so that it no longer quotes the bound is left alone from then on.
     */
    private String followBound(String quoted, String typed) {
        if (loading || quoted == null) {
            return quoted;
        }
        String now = typed == null ? "" : typed.strip();
        try {
            new BigDecimal(now);
        } catch (NumberFormatException e) {
            return quoted;
        }
        Matcher at = numberIn(message.get(), quoted);
        if (!at.find()) {
            return null;
        }
        message.set(message.get().substring(0, at.start()) + now + message.get().substring(at.end()));
        return now;
    }

    /** Where {@code number} stands in {@code text} as a number of its own, not as part of a longer one. */
    private static Matcher numberIn(String text, String number) {
        return Pattern.compile("(?<![\\d.])" + Pattern.quote(number) + "(?!\\d|\\.\\d)").matcher(text);
    }

    /** The rule the form holds, as the profile writes it; null while {@link #problemProperty()} names a problem. */
    public RuleSpec toSpec() {
        return problem.get() == null ? build() : null;
    }

    private RuleSpec build() {
        RuleKind k = kind.get();
        boolean bounded = k == RuleKind.RANGE || k == RuleKind.EXPRESSION;
        String oneColumn = k.oneColumn() ? blankToNull(column.get())
                : k == RuleKind.UNIQUE && uniqueAsColumn && columns.size() == 1 ? columns.get(0) : null;
        List<String> several = k == RuleKind.UNIQUE && oneColumn == null ? List.copyOf(columns) : List.of();
        String sev = ERROR.equals(severity.get()) && !severityWritten ? null : severity.get();
        return new RuleSpec(blankToNull(id.get()), k.type(), oneColumn, several,
                bounded ? bound(min.get(), loaded == null ? null : loaded.min()) : null,
                bounded ? bound(max.get(), loaded == null ? null : loaded.max()) : null,
                k == RuleKind.PATTERN && !blank(pattern.get()) ? pattern.get() : null,
                k == RuleKind.ALLOWED ? valueLines() : List.of(),
                k == RuleKind.LOOKUP ? blankToNull(table.get()) : null,
                k == RuleKind.LOOKUP ? blankToNull(key.get()) : null,
                k == RuleKind.REQUIRED_WHEN ? condition() : null,
                k == RuleKind.EXPRESSION ? blankToNull(expression.get()) : null,
                sev, blankToNull(message.get()),
                bounded ? flag(minExclusive.get(), loaded == null ? null : loaded.minExclusive()) : null,
                bounded ? flag(maxExclusive.get(), loaded == null ? null : loaded.maxExclusive()) : null,
                k == RuleKind.ALLOWED ? flag(ignoreCase.get(), loaded == null ? null : loaded.ignoreCase()) : null);
    }

    /** An option as the profile writes it: true, or left out unless the rule loaded spelt out false. */
    private static Boolean flag(boolean now, Boolean was) {
        return now ? Boolean.TRUE : Boolean.FALSE.equals(was) ? Boolean.FALSE : null;
    }

    /** The bound typed; the one loaded when it is the same number, so that 1E+2 read back stays 1E+2. */
    private static BigDecimal bound(String typed, BigDecimal was) {
        BigDecimal now = number(typed);
        return now != null && was != null && now.compareTo(was) == 0 ? was : now;
    }

    /** The condition the "Required when…" form writes: the typed one, or the one built from its three parts. */
    String condition() {
        if (conditionTyped.get()) {
            return blankToNull(when.get());
        }
        if (blank(whenColumn.get())) {
            return null;
        }
        // until the table's kinds are read, a day stays written as the rule loaded had it
        ExpressionKinds.Kind kind = kinds.get(whenColumn.get().toLowerCase(Locale.ROOT));
        boolean dateColumn = kinds.isEmpty() ? loaded != null && loaded.when() != null
                && loaded.when().contains(" DATE(\"") : kind == ExpressionKinds.Kind.DATE;
        return new RuleCondition(whenColumn.get(), whenOperator.get(), whenValue.get()).expression(dateColumn);
    }

    /** The allowed values, one a line; blank lines are left out, spaces kept. */
    List<String> valueLines() {
        return Arrays.stream(values.get().split("\\R")).filter(v -> !v.isBlank()).toList();
    }

    private void update() {
        if (loading) {
            return;
        }
        problem.set(RuleFormCheck.problem(this));
        changed.set(loaded == null || problem.get() != null || !build().equals(loaded));
        spec.set(toSpec());
    }

    /** Suggests an id for a new rule, from its kind and column, unused by the other rules, until one is typed. */
    private void suggestId() {
        if (loading || idTyped) {
            return;
        }
        String base = kind.get().type() + (blank(column.get()) ? "" : "-" + column.get().replace('_', '-'));
        String candidate = base.toLowerCase(Locale.ROOT);
        for (int n = 2; takenIds.contains(candidate); n++) {
            candidate = base.toLowerCase(Locale.ROOT) + "-" + n;
        }
        loading = true;
        id.set(candidate);
        loading = false;
        update();
    }

    /** The id the rule's findings carry: the typed one, else the one the profile derives. */
    public String effectiveId() {
        return blank(id.get()) ? RuleSet.idOf(build()) : id.get().strip();
    }

    boolean idTaken() {
        return takenIds.contains(effectiveId().toLowerCase(Locale.ROOT));
    }

    List<String> mapped() {
        return mapped;
    }

    public ObjectProperty<RuleKind> kindProperty() {
        return kind;
    }

    public StringProperty idProperty() {
        return id;
    }

    /** "error" or "warning". */
    public StringProperty severityProperty() {
        return severity;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The column a one-column rule checks. */
    public StringProperty columnProperty() {
        return column;
    }

    /** The columns a unique rule takes together. */
    public ObservableList<String> columns() {
        return columns;
    }

    public StringProperty minProperty() {
        return min;
    }

    public StringProperty maxProperty() {
        return max;
    }

    /** Whether a value equal to min fails (range and expression). */
    public BooleanProperty minExclusiveProperty() {
        return minExclusive;
    }

    /** Whether a value equal to max fails (range and expression). */
    public BooleanProperty maxExclusiveProperty() {
        return maxExclusive;
    }

    /** What a value must be to pass the lower bound: "0.25 or more", or "above 0.25" when the bound itself fails. */
    public String lowerBoundReading(boolean exclusive) {
        return lowerBound(min.get(), exclusive);
    }

    /** What a value must be to pass the upper bound: "0.8 or less", or "below 0.8" when the bound itself fails. */
    public String upperBoundReading(boolean exclusive) {
        return upperBound(max.get(), exclusive);
    }

    private static String lowerBound(String min, boolean exclusive) {
        String bound = min == null || min.isBlank() ? "min" : min.strip();
        return exclusive ? "above " + bound : bound + " or more";
    }

    private static String upperBound(String max, boolean exclusive) {
        String bound = max == null || max.isBlank() ? "max" : max.strip();
        return exclusive ? "below " + bound : bound + " or less";
    }

    /** Whether allowed values match whatever their upper and lower case. */
    public BooleanProperty ignoreCaseProperty() {
        return ignoreCase;
    }

    public StringProperty patternProperty() {
        return pattern;
    }

    /** A value to try the pattern on. */
    public StringProperty patternSampleProperty() {
        return patternSample;
    }

    /** Whether the value tried matches the pattern in full, as a rule checks it; "" with nothing to try. */
    public StringBinding patternVerdictBinding() {
        return Bindings.createStringBinding(() -> {
            if (RuleForm.blank(pattern.get()) || patternSample.get().isEmpty()) {
                return "";
            }
            String invalid = RuleFormCheck.invalidPattern(pattern.get());
            if (invalid != null) {
                return invalid;
            }
            return Pattern.compile(pattern.get()).matcher(patternSample.get()).matches()
                    ? "“" + patternSample.get() + "” matches." : "“" + patternSample.get() + "” does not match.";
        }, pattern, patternSample);
    }

    /** The allowed values, one a line. */
    public StringProperty valuesProperty() {
        return values;
    }

    public StringProperty tableProperty() {
        return table;
    }

    public StringProperty keyProperty() {
        return key;
    }

    /** True when the condition is typed as an expression, false when built from column, operator and value. */
    public BooleanProperty conditionTypedProperty() {
        return conditionTyped;
    }

    public StringProperty whenColumnProperty() {
        return whenColumn;
    }

    public StringProperty whenOperatorProperty() {
        return whenOperator;
    }

    public StringProperty whenValueProperty() {
        return whenValue;
    }

    /** The condition as typed. */
    public StringProperty whenProperty() {
        return when;
    }

    public StringProperty expressionProperty() {
        return expression;
    }

    /** What keeps the rule from running, as one sentence; null when it can run. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * The expression being typed (the cross-field expression, or the typed condition) with a caret under the
     * character where it breaks, for a monospaced label; "" when it checks.
     */
    public StringBinding expressionMarkerBinding() {
        return Bindings.createStringBinding(() -> {
            String text = kind.get() == RuleKind.EXPRESSION ? expression.get()
                    : kind.get() == RuleKind.REQUIRED_WHEN && conditionTyped.get() ? when.get() : null;
            if (blank(text)) {
                return "";
            }
            CheckExpression.Check check = CheckExpression.check(text, mapped, kinds);
            if (check.ok() || check.position() < 1) {
                return "";
            }
            return text + "\n" + " ".repeat(Math.min(check.position(), text.length() + 1) - 1) + "^";
        }, kind, expression, when, conditionTyped, problem);
    }

    /** The rule as {@link #toSpec()} gives it, changing with every field; null while there is a problem. */
    public ReadOnlyObjectProperty<RuleSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    /** Whether the form differs from the rule loaded (always, for a new rule). */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** The rule loaded, or null for a new one. */
    public RuleSpec loaded() {
        return loaded;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    static BigDecimal number(String s) {
        if (blank(s)) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
