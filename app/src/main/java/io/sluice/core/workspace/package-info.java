/**
 * The review file: one SQLite file per review holding the raw rows, findings, decisions, edits, the undo history and
 * the audit log. {@link io.sluice.core.workspace.Review} opens and creates it;
 * {@link io.sluice.core.workspace.ReviewStager} stages validated rows into it;
 * {@link io.sluice.core.workspace.ReviewQuery} pages, filters and sorts rows for a grid;
 * {@link io.sluice.core.workspace.DecisionLedger} keeps decisions. It depends on {@code io.sluice.core},
 * {@code core.source}, {@code core.rules}, {@code core.validate}, {@code core.profile} and {@code core.target}.
 */
package io.sluice.core.workspace;
