package io.sluice.core.cleaning;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Scores and reasons for a bad value against a valid one, as a table of cases. */
class ValueSimilarityTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}, {3}")
    @CsvSource(delimiter = '|', value = {
        "NRD               | NORD           | 92 | one letter missing",
        "nord              | NORD           | 99 | the same but for case",
        "Koln              | Köln           | 99 | the same but for accents",
        "Nörd              | NORD           | 99 | the same but for accents and case",
        "' ALPC'           | ALPC           | 99 | the same but for spaces",
        "bad homburg       | Bad  Homburg   | 99 | the same but for case and spaces",
        "Muenchen          | München        | 98 | the same but for an umlaut written out",
        "Strasse           | Straße         | 99 | the same but for accents",
        "'Müller, Hans'    | Hans Müller    | 96 | the same words in another order",
        "Hans-Müller       | Hans Müller    | 96 | the same words with other punctuation",
        "NODR              | NORD           | 93 | two letters swapped",
        "SUP-00123         | SUP-00132      | 97 | two digits swapped",
        "NORDX             | NORD           | 96 | one letter too many at the end",
        "NOXD              | NORD           | 86 | one letter different",
        "12O               | 120            | 82 | one character different",
        "10023             | 10024          | 92 | one digit different",
        "Hamb              | Hamburg        | 91 | cut short: the first 4 characters match",
        "Hamburgxyz        | Hamburg        | 94 | 3 characters too many at the end",
        "Frankfurt am Main | Frankfurt/Main | 92 | an edit distance of 4, the first 9 characters shared",
        "Bremen            | Berlin         | 69 | an edit distance of 3",
    })
    void scoresAndExplainsHowCloseAValidValueIs(String bad, String valid, int score, String reason) {
        Candidate candidate = ValueSimilarity.of(bad, valid);

        assertThat(candidate.value()).isEqualTo(valid);
        assertThat(candidate.reason()).isEqualTo(reason);
        assertThat(candidate.score()).isEqualTo(score);
    }

    @ParameterizedTest(name = "{0} outranks {1} for {2}")
    @CsvSource(delimiter = '|', value = {
        "NORD    | NORT    | nord",
        "NORD    | NORDX   | NRD",
        "München | Münster | Muenchen",
        "ALPC    | ALP     | alpc",
    })
    void theSameOnceNormalisedOutranksAnyEdit(String better, String worse, String bad) {
        assertThat(ValueSimilarity.of(bad, better).score()).isGreaterThan(ValueSimilarity.of(bad, worse).score());
    }
}
