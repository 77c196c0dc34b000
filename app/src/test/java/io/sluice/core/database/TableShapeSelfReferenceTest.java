package io.sluice.core.database;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recorded table shape tells whether the table has a foreign key to itself, so that a decision on a review of any
 * other table needs no database.
 */
class TableShapeSelfReferenceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PUBLIC.EMPLOYEE | (MANAGER_ID) references PUBLIC.EMPLOYEE (ID) | true",
            "public.employee | (manager_id) references public.employee (id)  | true",
            "employee        | (manager_id) references public.employee (id)  | true",
            "public.category | (parent_a, parent_b) references public.category (a, b) | true",
            "public.concrete_mix | (supplier_code) references public.supplier (code) | false",
            "public.employee | (manager_id) references hr.employee (id)      | false",
            "public.employee | (team) references public.employee_team (id)   | false"})
    void aForeignKeyOfTheTableToItselfIsToldFromTheRecordedText(String table, String foreignKey, boolean itself) {
        TableShape shape = new TableShape(table, List.of(), List.of(), List.of(), List.of(foreignKey), List.of(),
                List.of());

        assertThat(shape.referencesItself()).isEqualTo(itself);
    }
}
