package io.sluice.desktop.mapping;

import io.sluice.core.profile.TransformSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TransformSettingsTest {

    private static TransformSpec spec(String op, List<String> values, String locale, String decimal,
                                      List<String> patterns, String value) {
        return new TransformSpec(op, null, null, null, values, locale, decimal, null, patterns, value, null, null);
    }

    @Test
    void readsEveryFieldTheDialogEdits() {
        TransformSettings s = TransformSettings.of(List.of(TransformSpec.of("trim"), TransformSpec.of("upper"),
                spec("null-if", List.of("k.A.", "-"), null, null, null, null),
                spec("number", null, null, ",", null, null),
                spec("date", null, null, null, List.of("dd.MM.yyyy"), null),
                spec("default", null, null, null, null, "0")));

        assertThat(s.trim()).isTrue();
        assertThat(s.letterCase()).isEqualTo("upper");
        assertThat(s.nullMarkers()).containsExactly("k.A.", "-");
        assertThat(s.decimalComma()).isTrue();
        assertThat(s.datePatterns()).containsExactly("dd.MM.yyyy");
        assertThat(s.defaultValue()).isEqualTo("0");
        assertThat(s.others()).isEmpty();
    }

    @Test
    void writesTheTransformsBackInTheOrderThatWorks() {
        TransformSettings s = new TransformSettings(true, "lower", List.of("n/a"), false, "de-CH",
                List.of("d.M.yyyy", "yyyy-MM-dd"), "x", List.of(TransformSpec.of("collapse-spaces")));

        assertThat(s.toSpecs()).extracting(TransformSpec::op)
                .containsExactly("trim", "collapse-spaces", "lower", "null-if", "number", "date", "default");
        assertThat(TransformSettings.of(s.toSpecs())).isEqualTo(s);
    }

    @Test
    void keepsTransformsItHasNoFieldFor() {
        TransformSpec replace = new TransformSpec("replace", "kg", "", null, null, null, null, null, null, null,
                null, null);

        List<TransformSpec> specs = TransformSettings.of(List.of(replace)).toSpecs();

        assertThat(specs).containsExactly(replace);
    }

    @Test
    void describesTransformsInShortWords() {
        assertThat(TransformSettings.describe(List.of(TransformSpec.of("trim"),
                spec("number", null, null, ",", null, null), spec("date", null, null, null, List.of("dd.MM.yyyy"),
                        null)))).isEqualTo("trim, decimal comma, date dd.MM.yyyy");
    }

    @Test
    void splitsFieldsAtTheirSeparatorIgnoringBlanks() {
        assertThat(TransformSettings.split(" N/A, -, ,n.a.", ',')).containsExactly("N/A", "-", "n.a.");
        assertThat(TransformSettings.split("MMM d, yyyy | yyyy-MM-dd", '|'))
                .containsExactly("MMM d, yyyy", "yyyy-MM-dd");
    }
}
