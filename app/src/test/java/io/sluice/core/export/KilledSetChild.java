package io.sluice.core.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A process that exports {@code approved.csv}, {@code rejected.csv} and {@code findings.csv} into the folder it is
 * given as one set, says {@link #MOVED} once the first file is moved into place and then waits to be killed.
 */
public final class KilledSetChild {

    static final String MOVED = "first file moved";

    private KilledSetChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int[] moves = {0};
        try (StagedFiles staged = new StagedFiles((from, onto) -> {
            if (moves[0]++ == 1) {
                System.out.println(MOVED);
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException("woken before being killed");
                }
            }
            Files.move(from, onto, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        })) {
            for (String name : new String[] {"approved.csv", "rejected.csv", "findings.csv"}) {
                Files.writeString(staged.stage(dir.resolve(name)), "this month's " + name + "\n");
            }
            staged.commit();
        }
    }
}
