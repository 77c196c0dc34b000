package io.sluice.core.source;

import io.sluice.core.SluiceException;

import java.nio.file.Path;

/** Builds the one-sentence input errors the readers throw: "<file name>: <reason>." */
final class Problems {

    private Problems() {
    }

    static SluiceException input(Path file, String reason) {
        return SluiceException.input(sentence(file, reason));
    }

    static SluiceException input(Path file, String reason, Throwable cause) {
        return SluiceException.input(sentence(file, reason), cause);
    }

    static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    private static String sentence(Path file, String reason) {
        String r = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
        return name(file) + ": " + r + ".";
    }
}
