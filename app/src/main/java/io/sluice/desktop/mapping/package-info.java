/**
 * The Mapping step: connect a target, map source columns onto a table with suggestions, transforms and a live preview,
 * and confirm a profile. {@link io.sluice.desktop.mapping.MappingViewModel} holds the state (its undoable edits in
 * {@link io.sluice.desktop.mapping.MappingEdits}, its profile file in {@link io.sluice.desktop.ProfileFile}, shared with the Rules step),
 * {@link io.sluice.desktop.mapping.MappingView} binds it; the PostgreSQL form is
 * {@link io.sluice.desktop.mapping.ConnectionView} over {@link io.sluice.desktop.mapping.ConnectionViewModel}. A workbook
 * onto several tables (a version-2 profile) is {@link io.sluice.desktop.mapping.TablesMappingViewModel}, one
 * {@link io.sluice.desktop.mapping.TablePart} per table (its unpivot in {@link io.sluice.desktop.mapping.UnpivotEditor}),
 * shown by {@code TablesMappingView} with a {@code TablePartPane} per table. It depends on core values
 * ({@code core.mapping}, {@code core.profile}, {@code core.source}, {@code core.database}, {@code core.tables}), the use
 * case {@code SuggestTables}, {@code io.sluice.desktop} and {@code io.sluice.desktop.task}.
 */
package io.sluice.desktop.mapping;
