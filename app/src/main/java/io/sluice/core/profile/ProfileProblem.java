package io.sluice.core.profile;

/**
 * Why a profile cannot be used.
 *
 * @param pointer JSON pointer of the offending element, e.g. {@code /columns/2/transforms/0}, "" for the whole profile
 * @param message plain words without a trailing period, e.g. "column cement_kg: unknown transform op 'trimm'"
 */
public record ProfileProblem(String pointer, String message) {
}
