package io.sluice.core.source;

/** A forward-only stream of every row of one sheet, header and junk included; blank rows may appear. */
interface RawRows extends AutoCloseable {

    /** The next row, or null at the end. */
    RawRow next();

    @Override
    void close();
}
