package io.sluice.core.usecase;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestTablesSheetNameTest {

    @ParameterizedTest(name = "sheet ''{0}'' names table {1}: {2}")
    @CsvSource({
            "Materials, material, true",
            "Strength tests, strength_test, true",
            "MIX_COMPONENTS, mix_component, true",
            "Categories, category, true",
            "Boxes, box, true",
            "Glass, glass, true",
            "Suppliers, material, false",
            "Mixes, concrete_mix, false",
            "Sheet1, material, false"
    })
    void aSheetNamesATableIgnoringCaseSeparatorsAndAPluralEnding(String sheet, String table, boolean names) {
        assertThat(SuggestTables.namesTable(sheet, table)).isEqualTo(names);
    }
}
