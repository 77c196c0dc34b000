package io.sluice.cli;

import io.sluice.core.profile.SourceSettings;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.usecase.ReaderOptions;
import picocli.CommandLine.Option;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/** How to read the source file: sheet, header row, CSV encoding and delimiter. */
final class SourceOptionsMixin {

    @Option(names = "--sheet", paramLabel = "NAME", description = "Sheet to read (default: first visible sheet).")
    String sheet;

    @Option(names = "--header-row", paramLabel = "N",
            description = "1-based row holding the column names (default: detected past junk rows).")
    Integer headerRow;

    @Option(names = "--no-header", description = "The data starts at the first row; columns are named A, B, C...")
    boolean noHeader;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "CSV encoding, e.g. UTF-8 or windows-1252 (default: detected).")
    String encoding;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "CSV delimiter: , ; | or TAB (default: detected).")
    String delimiter;

    /** The options given on the command line; those not given are null (the profile's, else detected). */
    SourceOptions chosen() {
        if (noHeader && headerRow != null) {
            throw new UsageException("Use either --header-row or --no-header, not both.");
        }
        if (headerRow != null && headerRow < 1) {
            throw new UsageException("--header-row must be 1 or more.");
        }
        return new SourceOptions(sheet, headerRow, noHeader, charset(encoding), delimiter(delimiter));
    }

    /** The options given on the command line, falling back to what the profile says. */
    SourceOptions toOptions(SourceSettings fromProfile) {
        return ReaderOptions.of(chosen(), fromProfile);
    }

    SourceOptions toOptions() {
        return chosen();
    }

    /** Whether any reading option was given. */
    boolean anyGiven() {
        return sheet != null || headerRow != null || noHeader || encoding != null || delimiter != null;
    }

    private static Charset charset(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UsageException("Unknown encoding '" + name + "'; try UTF-8, UTF-16 or windows-1252.");
        }
    }

    private static Character delimiter(String text) {
        if (text == null) {
            return null;
        }
        if (text.equalsIgnoreCase("tab") || text.equals("\\t")) {
            return '\t';
        }
        if (text.length() != 1) {
            throw new UsageException("The delimiter must be one character (or TAB), not '" + text + "'.");
        }
        return text.charAt(0);
    }
}
