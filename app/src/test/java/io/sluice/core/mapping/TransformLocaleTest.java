package io.sluice.core.mapping;

import io.sluice.core.SluiceException;
import io.sluice.core.profile.TransformSpec;
import io.sluice.core.source.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.sluice.core.mapping.MapOne.map;
import static io.sluice.core.mapping.MapOne.numberLocale;
import static java.sql.JDBCType.DATE;
import static java.sql.JDBCType.NUMERIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A transform's locale must be one the runtime has data for; Java would otherwise fall back to the root locale. */
class TransformLocaleTest {

    private static final String WHERE = "Profile 'test', column v: ";

    static TransformSpec dateLocale(String locale, String pattern) {
        return new TransformSpec("date", null, null, null, null, locale, null, null, List.of(pattern), null, null,
                null);
    }

    @ParameterizedTest(name = "number with {0}")
    @ValueSource(strings = {"de-DE", "fr-CH", "en-US", "pt-BR", "ja-JP", "de"})
    void acceptsNumberLocaleTheRuntimeHas(String locale) {
        MappedValue v = map(NUMERIC, Cell.text("12345"), numberLocale(locale));

        assertThat(v.error()).isNull();
        assertThat(v.value()).isEqualTo(new BigDecimal("12345"));
    }

    @ParameterizedTest(name = "date with {0}")
    @ValueSource(strings = {"de-DE", "fr-CH", "en-US", "pt-BR", "ja-JP"})
    void acceptsDateLocaleTheRuntimeHas(String locale) {
        MappedValue v = map(DATE, Cell.text("2024-03-05"), dateLocale(locale, "yyyy-MM-dd"));

        assertThat(v.error()).isNull();
        assertThat(v.value()).isEqualTo(LocalDate.of(2024, 3, 5));
    }

    @Test
    void readsMonthNamesOfTheDateLocale() {
        assertThat(map(DATE, Cell.text("5. März 2024"), dateLocale("de-DE", "d. MMMM yyyy")).value())
                .isEqualTo(LocalDate.of(2024, 3, 5));
    }

    @Test
    void readsSeparatorsOfTheNumberLocale() {
        assertThat(map(NUMERIC, Cell.text("12.345,6"), numberLocale("de-DE")).value())
                .isEqualTo(new BigDecimal("12345.6"));
    }

    @Test
    void refusesNumberLocaleTheRuntimeLacksInsteadOfUsingTheRootLocale() {
        assertRefused(numberLocale("xx-YY"), "the locale 'xx-YY' is not available in this Sluice runtime; use one"
                + " of its locales (e.g. de-DE, fr-FR, en-US) or give decimal/grouping separators instead.");
    }

    @Test
    void refusesDateLocaleTheRuntimeLacksInsteadOfUsingTheRootLocale() {
        assertRefused(dateLocale("xx-YY", "dd.MM.yyyy"), "the locale 'xx-YY' is not available in this Sluice"
                + " runtime; use one of its locales (e.g. de-DE, fr-FR, en-US) or leave the locale out for English"
                + " month and day names.");
    }

    @Test
    void refusesUnknownCountryListingTheCountriesOfTheLanguage() {
        assertThatThrownBy(() -> map(NUMERIC, Cell.text("1"), numberLocale("de-YY")))
                .isInstanceOf(SluiceException.class)
                .hasMessageStartingWith(WHERE + "the locale 'de-YY' is not available in this Sluice runtime; use one"
                        + " of de, de-AT, de-BE, de-CH, de-DE,")
                .hasMessageEndingWith(" or give decimal/grouping separators instead.");
    }

    @ParameterizedTest(name = "date locale ''{0}''")
    @ValueSource(strings = {"de_DE", "12-34", "not a locale", "und", " "})
    void refusesMalformedDateLocale(String locale) {
        assertRefused(dateLocale(locale, "dd.MM.yyyy"), "the locale '" + locale + "' is not a well-formed language"
                + " tag; write it like de-DE, fr-FR, en-US or leave the locale out for English month and day names.");
    }

    @ParameterizedTest(name = "number locale ''{0}''")
    @CsvSource(delimiter = '|', value = {
            "de_DE | number has an invalid locale 'de_DE' (use a tag like de-DE).",
            "und   | the locale 'und' is not a well-formed language tag; write it like de-DE, fr-FR, en-US or give"
                    + " decimal/grouping separators instead."})
    void refusesMalformedNumberLocale(String locale, String message) {
        // ProfileValidator already refuses what Locale.Builder cannot parse; the transform also refuses "no language".
        assertThatThrownBy(() -> map(NUMERIC, Cell.text("1"), numberLocale(locale)))
                .isInstanceOfSatisfying(SluiceException.class,
                        e -> assertThat(e.kind()).isEqualTo(SluiceException.Kind.INPUT))
                .hasMessageEndingWith(message);
    }

    private static void assertRefused(TransformSpec transform, String reason) {
        assertThatThrownBy(() -> map(transform.op().equals("date") ? DATE : NUMERIC, Cell.text("1"), transform))
                .isInstanceOfSatisfying(SluiceException.class,
                        e -> assertThat(e.kind()).isEqualTo(SluiceException.Kind.INPUT))
                .hasMessage(WHERE + reason);
    }
}
