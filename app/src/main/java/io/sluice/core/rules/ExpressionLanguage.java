package io.sluice.core.rules;

import com.ezylang.evalex.BaseException;
import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.config.MapBasedFunctionDictionary;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.FunctionIfc;
import com.ezylang.evalex.functions.basic.AbsFunction;
import com.ezylang.evalex.functions.basic.AverageFunction;
import com.ezylang.evalex.functions.basic.CeilingFunction;
import com.ezylang.evalex.functions.basic.CoalesceFunction;
import com.ezylang.evalex.functions.basic.FloorFunction;
import com.ezylang.evalex.functions.basic.IfFunction;
import com.ezylang.evalex.functions.basic.MaxFunction;
import com.ezylang.evalex.functions.basic.MinFunction;
import com.ezylang.evalex.functions.basic.NotFunction;
import com.ezylang.evalex.functions.basic.RoundFunction;
import com.ezylang.evalex.functions.basic.SqrtFunction;
import com.ezylang.evalex.functions.basic.SumFunction;
import com.ezylang.evalex.functions.datetime.DateTimeNewFunction;
import com.ezylang.evalex.functions.string.StringContains;
import com.ezylang.evalex.functions.string.StringEndsWithFunction;
import com.ezylang.evalex.functions.string.StringLengthFunction;
import com.ezylang.evalex.functions.string.StringLowerFunction;
import com.ezylang.evalex.functions.string.StringMatchesFunction;
import com.ezylang.evalex.functions.string.StringStartsWithFunction;
import com.ezylang.evalex.functions.string.StringTrimFunction;
import com.ezylang.evalex.functions.string.StringUpperFunction;
import com.ezylang.evalex.parser.ASTNode;
import com.ezylang.evalex.parser.Token;
import io.sluice.core.mapping.MappedRow;

import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The language of rule expressions ({@code expression}, {@code when}): EvalEx arithmetic in exact decimals,
 * comparisons, logic, and a fixed set of functions listed by {@link #functions()}, with no access to Java classes,
 * files or scripts, and nothing that changes from one run to the next but {@code TODAY()}. Also answers what an
 * editor needs: where an expression fails to parse, which variables it reads and where, and its value on one row.
 */
public final class ExpressionLanguage {

    /** One function or operator, written as it is used, with a line of help. */
    public record Help(String usage, String help) {
    }

    /** Why an expression does not parse: the 1-based position in the text, the text there, EvalEx's words. */
    public record SyntaxProblem(int position, String token, String reason) {
    }

    /** A variable an expression reads, with the 1-based position of its first use. */
    public record Variable(String name, int position) {
    }

    /** An expression's value on one row as the steward would read it, or why there is none. */
    public record Value(String text, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private static final Map<String, FunctionIfc> FUNCTIONS = new LinkedHashMap<>();
    private static final List<Help> HELP = new ArrayList<>();

    static {
        function("IF", new IfFunction(), "IF(condition, then, else)", "then when the condition holds, else else");
        function("COALESCE", new CoalesceFunction(), "COALESCE(a, b, ...)",
                "the first of its values that is not blank");
        function("NOT", new NotFunction(), "NOT(condition)", "true when the condition does not hold");
        function("ABS", new AbsFunction(), "ABS(x)", "x without its sign");
        function("ROUND", new RoundFunction(), "ROUND(x, decimals)", "x rounded half up to that many decimals");
        function("FLOOR", new FloorFunction(), "FLOOR(x)", "the largest whole number not above x");
        function("CEILING", new CeilingFunction(), "CEILING(x)", "the smallest whole number not below x");
        function("MIN", new MinFunction(), "MIN(a, b, ...)", "the smallest of its values");
        function("MAX", new MaxFunction(), "MAX(a, b, ...)", "the largest of its values");
        function("SUM", new SumFunction(), "SUM(a, b, ...)", "its values added up");
        function("AVERAGE", new AverageFunction(), "AVERAGE(a, b, ...)", "the mean of its values");
        function("SQRT", new SqrtFunction(), "SQRT(x)", "the square root of x");
        function("STR_LENGTH", new StringLengthFunction(), "STR_LENGTH(text)", "how many characters the text has");
        function("STR_UPPER", new StringUpperFunction(), "STR_UPPER(text)", "the text in capitals");
        function("STR_LOWER", new StringLowerFunction(), "STR_LOWER(text)", "the text in small letters");
        function("STR_TRIM", new StringTrimFunction(), "STR_TRIM(text)", "the text without spaces at either end");
        function("STR_CONTAINS", new StringContains(), "STR_CONTAINS(text, part)",
                "true when the text contains the part");
        function("STR_STARTS_WITH", new StringStartsWithFunction(), "STR_STARTS_WITH(text, start)",
                "true when the text starts with start");
        function("STR_ENDS_WITH", new StringEndsWithFunction(), "STR_ENDS_WITH(text, end)",
                "true when the text ends with end");
        function("STR_MATCHES", new StringMatchesFunction(), "STR_MATCHES(text, regex)",
                "true when the whole text matches the regular expression");
        function("TODAY", new DateFunctions.Today(), "TODAY()", "the start of today");
        function("DATE", new DateFunctions.DateOf(), "DATE(d)",
                "the day of a date or timestamp, without its time; DATE(\"2021-01-01\") is that day");
        function("DT_DATE_NEW", new DateTimeNewFunction(), "DT_DATE_NEW(year, month, day)", "that date");
        operator("a + b, a - b, a * b, a / b", "arithmetic in exact decimals; a division by zero gives no value");
        operator("a % b, a ^ b", "the remainder of a / b; a to the power b");
        operator("a = b, a != b, a < b, a <= b, a > b, a >= b", "comparisons of two numbers, two texts or two dates;"
                + " a date with a text or a number, or a number with a text that is not one, cannot be computed");
        operator("a && b, a || b, !a", "and, or, not");
        operator("\"text\", 'text', TRUE, FALSE, NULL",
                "a text in double or single quotes, the truth values, no value");
    }

    /**
     * The configuration every rule expression is compiled with: these functions only, 16 significant digits, texts in
     * double or single quotes (stewards coming from SQL write {@code plant = 'P2'}).
     */
    static final ExpressionConfiguration CONFIGURATION = ExpressionConfiguration.builder()
            .mathContext(MathContext.DECIMAL64)
            .singleQuoteStringLiteralsAllowed(true)
            .functionDictionary(MapBasedFunctionDictionary.ofFunctions(entries()))
            .build()
            .withAdditionalOperators(Comparisons.operators());

    private ExpressionLanguage() {
    }

    /** The functions an expression may call, then the operators and literals, each with a line of help. */
    public static List<Help> functions() {
        return List.copyOf(HELP);
    }

    /** The names of the functions an expression may call, in upper case. */
    public static Set<String> functionNames() {
        return Set.copyOf(FUNCTIONS.keySet());
    }

    /** Why the expression does not parse, or null when it does (its variables are not checked here). */
    public static SyntaxProblem syntaxProblem(String source) {
        try {
            new Expression(source, CONFIGURATION).validate();
            return null;
        } catch (BaseException e) {
            return new SyntaxProblem(Math.max(1, e.getStartPosition()), e.getTokenString(), e.getMessage());
        }
    }

    /** The variables a parsing expression reads, in order of first use; empty when it does not parse. */
    public static List<Variable> variables(String source) {
        try {
            Expression expression = new Expression(source, CONFIGURATION);
            Set<String> used = expression.getUsedVariables();
            Map<String, Integer> first = new LinkedHashMap<>();
            for (ASTNode node : expression.getAllASTNodes()) {
                Token token = node.getToken();
                if (token.getType() == Token.TokenType.VARIABLE_OR_CONSTANT && used.contains(token.getValue())) {
                    first.merge(token.getValue(), token.getStartPosition(), Math::min);
                }
            }
            List<Variable> variables = new ArrayList<>();
            first.forEach((name, position) -> variables.add(new Variable(name, position)));
            variables.sort((a, b) -> Integer.compare(a.position(), b.position()));
            return variables;
        } catch (BaseException e) {
            return List.of();
        }
    }

    /**
     * The expression's value on a mapped row.
     *
     * @param where         "the expression" or "rule 'wc-ratio' of profile 'ds1'", for the sentence of a column
     *                      the profile does not map
     * @param mappedColumns the target columns the profile maps
     */
    public static Value evaluate(String source, String where, List<String> mappedColumns, MappedRow row) {
        Map<String, String> byLowerName = new LinkedHashMap<>();
        mappedColumns.forEach(c -> byLowerName.put(c.toLowerCase(Locale.ROOT), c));
        RuleExpression expression = RuleExpression.compile(source, where, byLowerName);
        for (Variable variable : variables(source)) {
            String target = byLowerName.get(variable.name().toLowerCase(Locale.ROOT));
            if (row.get(target).value() == null) {
                return new Value(null, variable.name() + " has no value on row " + row.sourceRow()
                        + (row.get(target).error() == null ? "" : " that converts (" + row.get(target).text() + ")")
                        + ", so the expression has none.");
            }
        }
        try {
            EvaluationValue value = expression.evaluateStrictly(row);
            return new Value(shown(value), null);
        } catch (EvaluationException | ArithmeticException e) {
            return new Value(null, "On row " + row.sourceRow() + " the expression has no value: "
                    + RuleExpression.reason(e) + " (" + expression.inputs(row) + ").");
        }
    }

    /** A value as the steward reads it: 637.1, true, 2021-01-01, a text as it is. */
    static String shown(EvaluationValue value) {
        if (value.isNullValue()) {
            return "no value";
        }
        if (value.isNumberValue()) {
            return value.getNumberValue().round(new MathContext(10)).stripTrailingZeros().toPlainString();
        }
        if (value.isBooleanValue()) {
            return value.getBooleanValue() ? "true" : "false";
        }
        if (value.isDateTimeValue()) {
            ZoneId zone = CONFIGURATION.getZoneId();
            Instant instant = value.getDateTimeValue();
            LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
            return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate().toString()
                    : local.toString();
        }
        return value.getStringValue();
    }

    private static void function(String name, FunctionIfc function, String usage, String help) {
        FUNCTIONS.put(name, function);
        HELP.add(new Help(usage, help));
    }

    private static void operator(String usage, String help) {
        HELP.add(new Help(usage, help));
    }

    @SuppressWarnings("unchecked")
    private static Map.Entry<String, FunctionIfc>[] entries() {
        return FUNCTIONS.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toArray(Map.Entry[]::new);
    }
}
