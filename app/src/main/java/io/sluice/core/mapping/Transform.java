package io.sluice.core.mapping;

/** One compiled transform step; sets {@link Working#error} instead of throwing when the value does not fit. */
@FunctionalInterface
interface Transform {
    void apply(Working w);
}
