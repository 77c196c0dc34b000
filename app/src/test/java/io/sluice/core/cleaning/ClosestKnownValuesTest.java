package io.sluice.core.cleaning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The index over bad values that valid values stream past, as tables of bad value, valid values, best first. */
class ClosestKnownValuesTest {

    private static final List<String> VALID = List.of("NORD", "SUED", "OST", "WEST", "MITTE", "Hamburg", "Hannover",
            "München", "Köln", "Frankfurt am Main", "Bad Homburg", "Hans Müller", "10023", "10032", "SUP-00123");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "NRD             | NORD",
        "nord            | NORD",
        "wets            | WEST",
        "Hambrug         | Hamburg",
        "Hamb            | Hamburg",
        "Hamburg-Nord    | Hamburg",
        "Muenchen        | München",
        "Koln            | Köln",
        "'Müller, Hans'  | Hans Müller",
        "bad  homburg    | Bad Homburg",
        "10203           | 10023",
        "SUP-0123        | SUP-00123",
    })
    void findsTheClosestValidValue(String bad, String best) {
        ClosestKnownValues closest = new ClosestKnownValues(List.of(bad, "unrelated"));
        VALID.forEach(closest::offer);

        assertThat(closest.candidates(0)).isNotEmpty();
        assertThat(closest.candidates(0).get(0).value()).isEqualTo(best);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"XYZ", "Stuttgart", "N", "99999"})
    void offersNothingForAValueCloseToNone(String bad) {
        ClosestKnownValues closest = new ClosestKnownValues(List.of(bad));
        VALID.forEach(closest::offer);

        assertThat(closest.candidates(0)).isEmpty();
    }

    @Test
    void keepsTheThreeBestOnceEachEvenWhenAValueIsOfferedTwice() {
        ClosestKnownValues closest = new ClosestKnownValues(List.of("10000"));
        for (String valid : List.of("10001", "10002", "10003", "1000", "10001", "20000", "10000")) {
            closest.offer(valid);
        }

        assertThat(closest.candidates(0)).extracting(Candidate::value).doesNotHaveDuplicates().hasSize(3)
                .doesNotContain("10000");
        assertThat(closest.candidates(0).get(0).score()).isGreaterThanOrEqualTo(closest.candidates(0).get(2).score());
    }

    @Test
    void findsTyposAmongThousandsOfCodesWithTheSameBeginning() {
        List<String> bad = List.of("SUP-01234X", "SUP-0124", "SUP-02134");
        ClosestKnownValues closest = new ClosestKnownValues(bad);
        for (int i = 0; i < 20_000; i++) {
            closest.offer(String.format("SUP-%05d", i));
        }

        assertThat(closest.candidates(0).get(0).value()).isEqualTo("SUP-01234");
        assertThat(closest.candidates(1)).extracting(Candidate::reason).containsOnly("one digit missing");
        assertThat(closest.candidates(2).get(0)).isEqualTo(new Candidate("SUP-01234", 97, "two digits swapped"));
    }
}
