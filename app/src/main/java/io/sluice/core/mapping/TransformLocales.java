package io.sluice.core.mapping;

import io.sluice.core.SluiceException;

import java.text.DateFormatSymbols;
import java.text.NumberFormat;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves the {@code locale} of a number or date transform, refusing a tag the runtime has no data for: Java would
 * otherwise fall back to the root locale's separators and month names without a word, and the installer's trimmed
 * runtime carries only a list of locales (see installer/pom.xml).
 */
final class TransformLocales {

    /** Shown when the language itself is missing; present in every runtime Sluice builds. */
    private static final String EXAMPLES = "de-DE, fr-FR, en-US";
    /** English alone has over a hundred regional locales: the message lists the first few. */
    private static final int MAX_LISTED = 12;

    private TransformLocales() {
    }

    /** The locale for a number transform; its separators come from {@link java.text.DecimalFormatSymbols}. */
    static Locale forNumbers(String tag, String where) {
        return resolve(tag, NumberFormat.getAvailableLocales(), where, "give decimal/grouping separators instead");
    }

    /** The locale for a date transform's month and day names. */
    static Locale forDates(String tag, String where) {
        return resolve(tag, DateFormatSymbols.getAvailableLocales(), where,
                "leave the locale out for English month and day names");
    }

    private static Locale resolve(String tag, Locale[] available, String where, String alternative) {
        Locale locale = parse(tag);
        if (locale == null) {
            throw SluiceException.input(where + ": the locale '" + tag + "' is not a well-formed language tag; write"
                    + " it like " + EXAMPLES + " or " + alternative + ".");
        }
        Set<String> sameLanguage = new TreeSet<>();
        for (Locale a : available) {
            if (a.getLanguage().equals(locale.getLanguage())) {
                if (locale.getCountry().isEmpty() || a.getCountry().equals(locale.getCountry())) {
                    return locale;
                }
                sameLanguage.add(a.getCountry().isEmpty() ? a.getLanguage() : a.getLanguage() + "-" + a.getCountry());
            }
        }
        String choices = sameLanguage.isEmpty() ? "one of its locales (e.g. " + EXAMPLES + ")"
                : "one of " + listed(sameLanguage);
        throw SluiceException.input(where + ": the locale '" + tag + "' is not available in this Sluice runtime; use "
                + choices + " or " + alternative + ".");
    }

    private static String listed(Set<String> tags) {
        String first = String.join(", ", tags.stream().limit(MAX_LISTED).toList());
        return tags.size() <= MAX_LISTED ? first : first + " (and " + (tags.size() - MAX_LISTED) + " more)";
    }

    /** The locale of a BCP 47 tag, or null when the tag is blank, ill-formed or names no language. */
    private static Locale parse(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            return locale.getLanguage().isEmpty() ? null : locale;
        } catch (IllformedLocaleException e) {
            return null;
        }
    }
}
