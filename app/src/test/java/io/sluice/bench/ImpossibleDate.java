package io.sluice.bench;

/** A date that looks right but does not exist (31/02/2021); each writer renders it in its own date pattern. */
public record ImpossibleDate(int day, int month, int year) {

    /** The date as text in a java.time-style pattern made of dd, MM and yyyy. */
    public String format(String pattern) {
        return pattern.replace("dd", "%02d".formatted(day))
                .replace("MM", "%02d".formatted(month))
                .replace("yyyy", "%04d".formatted(year));
    }
}
