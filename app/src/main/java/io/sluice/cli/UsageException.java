package io.sluice.cli;

/** A command line that cannot work as given; exits 2 with its message. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
