package io.sluice.core.cleaning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keys values are compared and clustered by, as tables of text in, key out. */
class TextKeysTest {

    @ParameterizedTest(name = "normal({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "'  Café  Nord '  | cafe nord",
        "MÜLLER           | muller",
        "Straße           | strasse",
        "Øresund          | oresund",
        "Łódź             | lodz",
        "'Tab\tand  space' | tab and space",
    })
    void theNormalFormIgnoresCaseAccentsAndSpaces(String text, String normal) {
        assertThat(TextKeys.normal(text)).isEqualTo(normal);
    }

    @ParameterizedTest(name = "fingerprint({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "'Müller, Hans'          | hans muller",
        "hans  MULLER            | hans muller",
        "Hans-Müller             | hans muller",
        "'Schulz GmbH & Co. KG'  | co gmbh kg schulz",
        "'the the THE'           | the",
        "'---'                   | ''",
    })
    void theFingerprintIsTheSortedDistinctWords(String text, String fingerprint) {
        assertThat(TextKeys.fingerprint(text)).isEqualTo(fingerprint);
    }

    @ParameterizedTest(name = "ngram({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "Paris    | arispari",
        "PARIS!   | arispari",
        "pa ris   | arispari",
        "ab       | ab",
        "abab     | abba",
    })
    void theNgramFingerprintIsTheSortedDistinctLetterPairs(String text, String fingerprint) {
        assertThat(TextKeys.ngramFingerprint(text, 2)).isEqualTo(fingerprint);
    }

    @ParameterizedTest(name = "phonetic({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "Müller          | MLR",
        "Mueller         | MLR",
        "Muller          | MLR",
        "Meier           | MR",
        "Meyer           | MR",
        "Maurer          | MRR",
        "Schmidt         | XMT",
        "Smith           | SM0",
        "'Meyer, Hans'   | HNS MR",
        "Meier 2         | 2 MR",
        "A1              | A1",
    })
    void thePhoneticKeyIsTheDoubleMetaphoneOfEachWord(String text, String key) {
        assertThat(TextKeys.phonetic(text)).isEqualTo(key);
    }

    @Test
    void anNgramHasAtLeastOneLetter() {
        assertThatThrownBy(() -> TextKeys.ngramFingerprint("abc", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
