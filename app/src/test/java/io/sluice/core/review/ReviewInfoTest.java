package io.sluice.core.review;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewInfoTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db:5432/lab?user=steward&password=s3cret&ssl=true | jdbc:postgresql://db:5432/lab?user=steward&ssl=true",
        "jdbc:postgresql://db/lab?password=s3cret                          | jdbc:postgresql://db/lab",
        "jdbc:postgresql://db/lab?user=a&PASSWORD=s3cret                   | jdbc:postgresql://db/lab?user=a",
        "jdbc:postgresql://steward:s3cret@db:5432/lab                      | jdbc:postgresql://steward@db:5432/lab",
        "jdbc:h2:file:/data/lab;USER=sa;PASSWORD=s3cret;MODE=PostgreSQL    | jdbc:h2:file:/data/lab;USER=sa;MODE=PostgreSQL",
        "jdbc:h2:file:/data/lab;PASSWORD=s3cret                            | jdbc:h2:file:/data/lab",
        "jdbc:postgresql://db:5432/lab                                     | jdbc:postgresql://db:5432/lab",
    })
    void removesThePasswordFromTheTargetUrl(String url, String stored) {
        ReviewInfo info = ReviewTestSupport.info().withTargetUrl(url);

        assertThat(info.targetUrl()).isEqualTo(stored);
    }
}
