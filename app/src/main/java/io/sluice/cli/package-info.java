/**
 * The command line: picocli commands, exit codes, and the only code that prints to standard streams.
 * {@link io.sluice.cli.SluiceCommand} is the root command and lists the sub-commands ({@code inspect},
 * {@code preview}, {@code load}, {@code suggest}, {@code validate}, {@code review}, {@code decide}, {@code import},
 * {@code batches}, {@code batch}, {@code rollback}, {@code export}). It depends on {@code io.sluice.core.usecase} and
 * on core values (findings, counts, profiles, batch records), never on {@code io.sluice.desktop} or JavaFX, nor on the
 * machinery that {@code ArchitectureTest} reserves for the use cases.
 */
package io.sluice.cli;
