package io.sluice.core.cleaning;

import io.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clustering methods as tables: values in (with their row counts), clusters out. A case lists the values
 * separated by ';' with an optional '=N' row count, and the clusters expected as groups separated by '|' within the
 * cell, the value to keep first.
 */
class ClusteringTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '!', value = {
        // case and accents
        "fingerprint ! NORD=36;nord=2;Nörd=1;ALPC=40 ! NORD,nord,Nörd",
        // punctuation and word order
        "fingerprint ! Müller, Hans=5;Hans Müller=3;hans-muller=1;Hans Meier=4"
            + " ! \"Müller, Hans\",Hans Müller,hans-muller",
        // spaces
        "fingerprint ! Bad Homburg=9; Bad  Homburg=2;Bad Hamburg=1 ! Bad Homburg, Bad  Homburg",
        // a written-out umlaut is another word: fingerprint keeps Mueller apart
        "fingerprint ! Müller=7;Muller=2;Mueller=3 ! Müller,Muller",
        // values that must not cluster
        "fingerprint ! Meier=1;Maurer=1;Hans=1;Hanna=1;A1=1;A2=1 ! ",
        // n-grams ignore spaces and the order of letter pairs
        "ngram ! Paris=4;PA RIS=1;Pairs=1 ! Paris,PA RIS",
        "ngram ! Gmbh Schulz=3;GmbHSchulz=1;Schulz=1 ! Gmbh Schulz,GmbHSchulz",
        // German names that sound alike
        "phonetic ! Müller=7;Mueller=3;Muller=2;Meier=5;Meyer=2;Maier=1 ! Müller,Mueller,Muller | Meier,Meyer,Maier",
        "phonetic ! Schmidt=4;Schmitt=2;Schmid=1;Smith=3 ! Schmidt,Schmitt,Schmid",
        "phonetic ! Hans Meier=2;Meyer Hans=1 ! Hans Meier,Meyer Hans",
        // values that must not cluster: other names, other numbers
        "phonetic ! Meier=1;Maurer=1;Hans=1;Hanna=1;Meier 2=1;Meier 3=1;Smith=1;Schmidt=1 ! ",
        // nearest neighbours: typos, swaps, case and accents
        "knn ! NORD=36;NRD=1;NODR=1;nord=2;ALPC=40;ALPS=1 ! NORD,nord,NODR,NRD | ALPC,ALPS",
        "knn ! Müller=7;Muller=2;Miller=1 ! Müller,Muller,Miller",
        // values that must not cluster: short codes, words two edits apart at radius 1
        "knn ! A1=1;B2=1;AB=1;Meier=1;Maurer=1;Hans=1;Hanna=1 ! ",
        // no chains: Hamborg is one edit from Hamburg, Hanborg one from Hamborg but two from Hamburg
        "knn ! Hamburg=9;Hamborg=2;Hanborg=1 ! Hamburg,Hamborg",
    })
    void clustersAsTheMethodFindsThem(String method, String values, String expected) {
        List<ValueCluster> clusters = cluster(ClusterMethod.parse(method), counts(values), 1);

        assertThat(clusters.stream().map(c -> c.values().stream().map(ValueCount::value).toList()).toList())
                .isEqualTo(groups(expected));
    }

    @Test
    void aClusterKeepsTheMostFrequentValueAndCountsTheRowsThatWouldChange() {
        List<ValueCluster> clusters = KeyCollision.clusters(counts("nord=2;NORD=36;Nord=1"),
                KeyCollision.keyOf(ClusterMethod.FINGERPRINT));

        assertThat(clusters).hasSize(1);
        ValueCluster cluster = clusters.get(0);
        assertThat(cluster.keep()).isEqualTo("NORD");
        assertThat(cluster.rowsAffected()).isEqualTo(3);
        assertThat(cluster.rows()).isEqualTo(39);
        assertThat(cluster.replacements("Supplier")).containsExactly(
                new Replacement("Supplier", "nord", "NORD", 2), new Replacement("Supplier", "Nord", "NORD", 1));
    }

    @Test
    void aClusterKeepsTheMostFrequentValueWithoutStraySpacesSinceTheScreenCannotShowThem() {
        List<ValueCluster> clusters = KeyCollision.clusters(List.of(new ValueCount("Holcim ", 359),
                new ValueCount("HOLCIM", 346), new ValueCount("Holcim", 318), new ValueCount("Bad  Homburg", 9),
                new ValueCount(" Bad Homburg", 2)), KeyCollision.keyOf(ClusterMethod.FINGERPRINT));

        assertThat(clusters).extracting(ValueCluster::keep).containsExactlyInAnyOrder("HOLCIM", "Bad  Homburg");
        ValueCluster holcim = clusters.stream().filter(c -> c.keep().equals("HOLCIM")).findFirst().orElseThrow();
        assertThat(holcim.values()).as("the value to keep first").extracting(ValueCount::value)
                .containsExactly("HOLCIM", "Holcim ", "Holcim");
        assertThat(holcim.rowsAffected()).isEqualTo(359 + 318);
        assertThat(clusters.stream().filter(c -> c.keep().equals("Bad  Homburg")).findFirst().orElseThrow()
                .rowsAffected()).as("every value has stray spaces: the most frequent").isEqualTo(2);
    }

    @Test
    void aWiderRadiusReachesValuesTwoEditsApart() {
        List<ValueCount> values = counts("Hamburg=10;Hambrug=2;Hamborg=1;Hmbrg=1");

        assertThat(NearestNeighbours.clusters(values, 1).get(0).values()).extracting(ValueCount::value)
                .containsExactly("Hamburg", "Hambrug", "Hamborg");
        assertThat(NearestNeighbours.clusters(values, 2).get(0).values()).extracting(ValueCount::value)
                .containsExactly("Hamburg", "Hambrug", "Hamborg", "Hmbrg");
    }

    @Test
    void nearestNeighboursFindTyposAmongManyValuesWithTheSameBeginning() {
        List<ValueCount> values = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            values.add(new ValueCount("Musterstraße " + (10_000 + i * 7), 1));
        }
        values.add(new ValueCount("Musterstrase 10007", 1));

        List<ValueCluster> clusters = NearestNeighbours.clusters(values, 1);

        assertThat(clusters).anySatisfy(c -> assertThat(c.values()).extracting(ValueCount::value)
                .contains("Musterstraße 10007", "Musterstrase 10007"));
    }

    @ParameterizedTest(name = "method ''{0}''")
    @CsvSource({"fingerprnt", "knnn", "''", "phonetics"})
    void anUnknownMethodIsAnInputErrorListingTheMethods(String typed) {
        assertThatThrownBy(() -> ClusterMethod.parse(typed)).isInstanceOf(SluiceException.class)
                .hasMessage("There is no clustering method '" + typed + "'; use fingerprint, ngram, phonetic or knn.");
    }

    private static List<ValueCluster> cluster(ClusterMethod method, List<ValueCount> values, int radius) {
        return method == ClusterMethod.KNN ? NearestNeighbours.clusters(values, radius)
                : KeyCollision.clusters(values, KeyCollision.keyOf(method));
    }

    private static List<ValueCount> counts(String values) {
        List<ValueCount> counts = new ArrayList<>();
        for (String v : values.split(";")) {
            int eq = v.lastIndexOf('=');
            counts.add(eq < 0 ? new ValueCount(v, 1) : new ValueCount(v.substring(0, eq),
                    Long.parseLong(v.substring(eq + 1))));
        }
        return counts;
    }

    private static List<List<String>> groups(String expected) {
        if (expected == null || expected.isBlank()) {
            return List.of();
        }
        List<List<String>> groups = new ArrayList<>();
        for (String group : expected.split("\\|")) {
            List<String> members = new ArrayList<>();
            for (String m : group.strip().split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
                members.add(m.startsWith("\"") ? m.substring(1, m.length() - 1) : m);
            }
            groups.add(members);
        }
        return groups;
    }

    static List<String> list(String... values) {
        return Arrays.asList(values);
    }
}
