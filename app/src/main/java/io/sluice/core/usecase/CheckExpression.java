package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.cleaning.ValueSimilarity;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.rules.ExpressionKinds;
import io.sluice.core.rules.ExpressionLanguage;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a rule expression as the steward types it: whether it parses and names only mapped columns, with the
 * position of the first problem and a sentence saying what to write instead; which functions and operators
 * expressions allow; and the expression's value on one row of a review, as an editor shows it beside the text.
 */
public final class CheckExpression {

    /** How close a name must come to a known one (0-100) before it is offered as "did you mean". */
    private static final int SUGGESTION_SCORE = 60;

    /**
     * The answer of {@link #check}.
     *
     * @param position 1-based character position of the problem in the expression, 0 when there is none
     * @param problem  one sentence, or null when the expression is usable
     */
    public record Check(int position, String problem) {

        static final Check OK = new Check(0, null);

        public boolean ok() {
            return problem == null;
        }
    }

    /** A function or operator, as it is written, with a line of help. */
    public record FunctionHelp(String name, String help) {
    }

    /**
     * The answer of {@link #evaluate}.
     *
     * @param value   the value as displayed ("0.5", "true", "2024-03-31"), or null
     * @param problem why there is no value, in one sentence, or null
     */
    public record Evaluation(String value, String problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    private CheckExpression() {
    }

    /**
     * As {@link #check(String, List)}, and whether each comparison can be computed with the columns' kinds
     * ({@link RulesInForce.Listing#kinds()}): a date compared with a text, say, never can, and the sentence says
     * what to write instead.
     */
    public static Check check(String expression, List<String> columns, Map<String, ExpressionKinds.Kind> kinds) {
        Check check = check(expression, columns);
        if (!check.ok() || kinds == null || kinds.isEmpty()) {
            return check;
        }
        ExpressionKinds.Mismatch mismatch = ExpressionKinds.firstMismatch(expression, kinds);
        return mismatch == null ? check : new Check(mismatch.position(), mismatch.sentence());
    }

    /** Whether {@code expression} parses and reads only {@code columns} (mapped target columns, any case). */
    public static Check check(String expression, List<String> columns) {
        if (expression == null || expression.isBlank()) {
            return new Check(1, "The expression is empty; write one such as water_kg / cement_kg.");
        }
        ExpressionLanguage.SyntaxProblem syntax = ExpressionLanguage.syntaxProblem(expression);
        if (syntax != null) {
            return new Check(syntax.position(), sentence(syntax));
        }
        Set<String> known = columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (ExpressionLanguage.Variable variable : ExpressionLanguage.variables(expression)) {
            if (!known.contains(variable.name().toLowerCase(Locale.ROOT))) {
                String closest = closest(variable.name(), columns);
                return new Check(variable.position(), "'" + variable.name() + "' at position "
                        + variable.position() + " is not a mapped column; " + (closest != null
                        ? "did you mean " + closest + "?"
                        : "the mapped columns are " + String.join(", ", columns) + "."));
            }
        }
        return Check.OK;
    }

    /** The functions rule expressions may call, then the operators and literals, each with a line of help. */
    public static List<FunctionHelp> functions() {
        return ExpressionLanguage.functions().stream().map(h -> new FunctionHelp(h.usage(), h.help())).toList();
    }

    /**
     * The expression's value on source row {@code row} of the review, mapped with {@code profile} (the steward's
     * edits included), or a sentence why there is none: the expression does not check, the row does not exist, an
     * input is blank, or it divides by zero.
     */
    public static Evaluation evaluate(OpenReview review, Profile profile, String expression, long row) {
        Objects.requireNonNull(profile, "profile");
        TargetDatabase db = review.target();
        if (db == null) {
            return new Evaluation(null, review.file().getFileName() + " records no mapping profile yet, so it"
                    + " has no target to map its rows for.");
        }
        try {
            Mapper mapper = Mapper.compile(profile, review.columns(), db.table(profile.table()));
            List<String> mapped = mapper.targetColumns().stream().map(ColumnInfo::name).toList();
            // The profile's spelling reads better than the table's (H2 answers WATER_KG for water_kg).
            Check check = check(expression, profile.columns().stream().map(ColumnMapping::target).toList());
            if (!check.ok()) {
                return new Evaluation(null, check.problem());
            }
            review.rows(List.of(row));
            ExpressionLanguage.Value value = ExpressionLanguage.evaluate(expression, "the expression", mapped,
                    mapper.map(review.session().effectiveRow(row)));
            return new Evaluation(value.text(), value.problem());
        } catch (SluiceException e) {
            return new Evaluation(null, e.getMessage());
        }
    }

    private static String sentence(ExpressionLanguage.SyntaxProblem problem) {
        String at = " at position " + problem.position();
        String token = problem.token() == null ? "" : problem.token();
        String reason = problem.reason() == null ? "" : problem.reason();
        if (reason.startsWith("Closing brace not found")) {
            return "The parenthesis" + at + " is never closed; add a ')'.";
        }
        if (reason.startsWith("Unexpected closing brace")) {
            return "The ')'" + at + " closes no parenthesis.";
        }
        if (reason.startsWith("Undefined function")) {
            String closest = closest(token, ExpressionLanguage.functionNames());
            return "'" + token + "'" + at + " is not a function rules know; " + (closest != null
                    ? "did you mean " + closest + "?" : "see the list of functions.");
        }
        if (reason.startsWith("Not enough parameters") || reason.startsWith("Too many parameters")) {
            String usage = ExpressionLanguage.functions().stream().map(ExpressionLanguage.Help::usage)
                    .filter(u -> u.startsWith(token.toUpperCase(Locale.ROOT) + "(")).findFirst().orElse(token);
            return token + at + " takes " + (reason.startsWith("Not") ? "more" : "fewer") + " values: write "
                    + usage + ".";
        }
        if (reason.startsWith("Missing second operand") || reason.startsWith("Missing operand")) {
            return "'" + token + "'" + at + " has nothing to work on after it.";
        }
        if (reason.startsWith("Unexpected token after infix operator")) {
            return "'" + token + "'" + at + " cannot follow an operator.";
        }
        if (reason.startsWith("Empty expression")) {
            return "The expression is empty; write one such as water_kg / cement_kg.";
        }
        return "The expression cannot be read" + at + (token.isEmpty() ? "" : " ('" + token + "')") + ": "
                + reason.toLowerCase(Locale.ROOT) + ".";
    }

    /** The candidate closest to {@code name}, when it comes close enough, else null. */
    private static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestScore = SUGGESTION_SCORE - 1;
        for (String candidate : candidates) {
            int score = ValueSimilarity.of(name, candidate).score();
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }
}
