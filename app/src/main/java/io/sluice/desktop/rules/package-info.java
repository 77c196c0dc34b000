/**
 * The Rules step: every rule in force for the workbench's profile and target, with its origin, and a form per kind of
 * profile rule with a live hit preview. {@link io.sluice.desktop.rules.RulesViewModel} holds the list and changes
 * the workbench's profile, {@link io.sluice.desktop.rules.RuleForm} one rule's fields (checked by
 * {@code RuleFormCheck}), {@link io.sluice.desktop.rules.RuleHitPreview} what the rule would flag,
 * {@code RuleTemplateQuestions} a template's questions and {@code RuleOnReview} a rule applied to, or taken out of,
 * the open review;
 * {@link io.sluice.desktop.rules.RulesView} and {@code RuleFormPane} bind them. It depends on core values
 * ({@code core.profile}, {@code core.rules}, {@code core.review}), the use cases ({@code RulesInForce},
 * {@code RulePreview}, {@code ApplyRule}, {@code ColumnStatistics}, {@code TargetTables}), {@code io.sluice.desktop} and
 * {@code io.sluice.desktop.task}.
 */
package io.sluice.desktop.rules;
