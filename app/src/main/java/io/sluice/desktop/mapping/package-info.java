/**
 * The Mapping step: connect a target, map source columns onto a table with suggestions, transforms and a live preview,
 * and confirm a profile. {@link io.sluice.desktop.mapping.MappingViewModel} and
 * {@link io.sluice.desktop.mapping.ConnectionViewModel} hold the state; {@link io.sluice.desktop.mapping.MappingView}
 * binds it. It depends on core values ({@code core.mapping}, {@code core.profile}, {@code core.source},
 * {@code core.database}), {@code io.sluice.desktop} and {@code io.sluice.desktop.task}.
 */
package io.sluice.desktop.mapping;
