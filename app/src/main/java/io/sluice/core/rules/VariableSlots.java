package io.sluice.core.rules;

import com.ezylang.evalex.data.DataAccessorIfc;
import com.ezylang.evalex.data.EvaluationValue;

import java.util.Arrays;

/**
 * An expression's variables, one slot each, case-insensitive as EvalEx's own map: a rule sets them by position for
 * every row and EvalEx finds them by the very name strings of its parsed expression, so neither side searches a
 * sorted map of names per value.
 */
final class VariableSlots implements DataAccessorIfc {

    private String[] names = new String[0];
    private EvaluationValue[] values = new EvaluationValue[0];

    @Override
    public EvaluationValue getData(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public void setData(String name, EvaluationValue value) {
        int i = indexOf(name);
        if (i < 0) {
            i = names.length;
            names = Arrays.copyOf(names, i + 1);
            values = Arrays.copyOf(values, i + 1);
            names[i] = name;
        }
        values[i] = value;
    }

    /** The slot of a name, or -1; {@link #setData} gives each new name the next slot, from 0. */
    int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Sets the value of the variable in slot {@code i}. */
    void set(int i, EvaluationValue value) {
        values[i] = value;
    }
}
