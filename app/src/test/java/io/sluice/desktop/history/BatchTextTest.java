package io.sluice.desktop.history;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch's table reads as the steward named it: two tables of one name in two schemas never read alike. */
class BatchTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PUBLIC.CONCRETE_MIX | concrete_mix",
            "public.concrete_mix | concrete_mix",
            "CONCRETE_MIX | concrete_mix",
            "LAB.SAMPLE_TEST | lab.sample_test",
            "lab.sample_test | lab.sample_test",
            "Lab Data.Sample Run | Lab Data.Sample Run",
            "PUBLIC.MATERIAL, PUBLIC.SUPPLIER, LAB.SAMPLE_TEST | material, supplier, lab.sample_test"})
    void aTableInThePublicSchemaReadsBareAndOneElsewhereWithItsSchema(String stored, String shown) {
        assertThat(BatchText.tableName(stored)).isEqualTo(shown);
    }
}
