package io.sluice.core.cleaning;

/**
 * A valid value offered for a bad one.
 *
 * @param value  the valid value, exactly as the target or the rule holds it
 * @param score  similarity 0-100; 99 means the same once case, accents and spaces are ignored
 * @param reason why it is offered, in words: "one letter missing", "the same but for case", ...
 */
public record Candidate(String value, int score, String reason) {
}
