package io.sluice.core.rules;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.AbstractFunction;
import com.ezylang.evalex.functions.FunctionParameter;
import com.ezylang.evalex.parser.Token;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The two date functions rule expressions add to EvalEx's own: {@code TODAY()}, the start of today, and
 * {@code DATE(d)}, the start of the day of a date or date-time value (or of a day written {@code "2021-01-01"}, the
 * date literal a comparison with a date column needs), so that {@code DATE(delivered_on) <= TODAY()}
 * holds for every moment of today whether the column stores dates or timestamps. A date column's value (a
 * {@code LocalDate} or {@code LocalDateTime} from the mapping) reaches EvalEx as an instant in the expression's zone.
 */
final class DateFunctions {

    private DateFunctions() {
    }

    /** TODAY(): the start of the current day in the expression's zone. */
    static final class Today extends AbstractFunction {
        @Override
        public EvaluationValue evaluate(Expression expression, Token functionToken,
                                        EvaluationValue... parameterValues) {
            ZoneId zone = expression.getConfiguration().getZoneId();
            return EvaluationValue.dateTimeValue(LocalDate.now(zone).atStartOfDay(zone).toInstant());
        }
    }

    /** DATE(value): the start of the day a date or date-time falls on, or an ISO day's, in the expression's zone. */
    @FunctionParameter(name = "value")
    static final class DateOf extends AbstractFunction {
        @Override
        public EvaluationValue evaluate(Expression expression, Token functionToken,
                                        EvaluationValue... parameterValues) throws EvaluationException {
            EvaluationValue value = parameterValues[0];
            ZoneId zone = expression.getConfiguration().getZoneId();
            LocalDate day = value.isStringValue() ? Comparisons.day(value.getStringValue()) : null;
            if (day != null) {
                return EvaluationValue.dateTimeValue(day.atStartOfDay(zone).toInstant());
            }
            if (!value.isDateTimeValue()) {
                throw new EvaluationException(functionToken, "DATE needs a date or a day written 2021-01-01, not '"
                        + value.getStringValue() + "'");
            }
            return EvaluationValue.dateTimeValue(value.getDateTimeValue().atZone(zone).toLocalDate()
                    .atStartOfDay(zone).toInstant());
        }
    }
}
