package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.profile.SourceSettings;
import io.sluice.core.source.SourceOptions;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * How a source file is read: what the steward chose (on the command line or in the source step), and for every
 * choice not made, what the mapping profile records. The one place both front ends turn a profile into reader options.
 */
public final class ReaderOptions {

    private ReaderOptions() {
    }

    /**
     * The chosen options, each one not given (null) falling back to the profile's; a profile without source settings
     * leaves them to detection. Fails with one sentence on a bad header row, encoding or delimiter in the profile.
     */
    public static SourceOptions of(SourceOptions chosen, SourceSettings profile) {
        SourceOptions given = chosen == null ? SourceOptions.DEFAULTS : chosen;
        if (given.noHeader() && given.headerRow() != null) {
            throw SluiceException.input("A file is read either with a header row or without one, not both.");
        }
        if (profile == null) {
            return given;
        }
        String sheet = given.sheet() != null ? given.sheet() : profile.sheet();
        Integer headerRow = given.noHeader() ? null
                : given.headerRow() != null ? given.headerRow() : profile.headerRow();
        if (headerRow != null && headerRow < 1) {
            throw SluiceException.input("The header row must be 1 or more, not " + headerRow + ".");
        }
        Charset encoding = given.encoding() != null ? given.encoding() : charset(profile.encoding());
        Character delimiter = given.delimiter() != null ? given.delimiter() : delimiter(profile.delimiter());
        return new SourceOptions(sheet, headerRow, given.noHeader(), encoding, delimiter);
    }

    /** An encoding by name, e.g. windows-1252; null for none. */
    public static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw SluiceException.input("Unknown encoding '" + name + "'; try UTF-8, UTF-16 or windows-1252.");
        }
    }

    /** A delimiter as written by a person or a profile: one character, or TAB / \t; null for none. */
    public static Character delimiter(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.equalsIgnoreCase("tab") || text.equals("\\t")) {
            return '\t';
        }
        if (text.length() != 1) {
            throw SluiceException.input("The delimiter must be one character (or TAB), not '" + text + "'.");
        }
        return text.charAt(0);
    }
}
