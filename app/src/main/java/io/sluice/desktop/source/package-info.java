/**
 * The Source step: choose a file, its sheet and header row, and preview it.
 * {@link io.sluice.desktop.source.SourceViewModel} holds the state and calls core;
 * {@link io.sluice.desktop.source.SourceView} binds it. It depends on {@code io.sluice.core.source},
 * {@code io.sluice.desktop} and {@code io.sluice.desktop.task}.
 */
package io.sluice.desktop.source;
