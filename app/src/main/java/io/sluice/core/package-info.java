/**
 * The core of Sluice: what both front ends share, free of JavaFX, picocli and printing ({@code ArchitectureTest} keeps
 * it so). This package itself holds the two types every layer uses: {@link io.sluice.core.SluiceException}, the one-
 * sentence failure a person can act on, and {@link io.sluice.core.Progress}, rows done and cancel. The sub-packages
 * hold the model and machinery; the front ends reach the machinery only through {@code io.sluice.core.usecase}. It
 * depends on the JDK alone.
 */
package io.sluice.core;
