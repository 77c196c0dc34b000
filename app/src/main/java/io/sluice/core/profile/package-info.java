/**
 * The mapping profile as data: source settings, column mappings, transforms, rules, mode and natural key, read and
 * written as versioned JSON. {@link io.sluice.core.profile.Profile} is the record,
 * {@link io.sluice.core.profile.ProfileIO} reads and writes it, {@link io.sluice.core.profile.ProfileValidator} names
 * what is wrong with one ({@link io.sluice.core.profile.ProfileProblem}). A version-2 profile maps a workbook onto
 * several tables, one {@link io.sluice.core.profile.TableMapping} each, with unpivots and references by natural key
 * ordered by {@link io.sluice.core.profile.ReferenceOrder}. It depends on {@code io.sluice.core} and
 * {@code io.sluice.core.rules} (severities).
 */
package io.sluice.core.profile;
