/**
 * The entry point of Sluice. {@link io.sluice.Main} opens the desktop when started without arguments and runs one
 * command of the command line ({@code io.sluice.cli}) headless when given one. It may import the two front ends;
 * nothing else depends on it.
 */
package io.sluice;
