/**
 * The templates feature's face: the template service other features use
 * (validation, claims, assignment, reads and writes). Routes are mounted by
 * app.ts; the pure modules the UI imports (schema, rules/vocabulary, shipping,
 * readiness-report) are imported by path from web/.
 */
export { claimedOrThrow, orThrow } from "./api/errors";
export { TemplateRuleInput } from "./api/body";
export { effectiveTemplate } from "./assignment/effective";
export { loadTemplatesWithRules } from "./assignment/load";
export { overlaps } from "./assignment/overlaps";
export { previewPageSchema, previewTemplate } from "./assignment/preview";
export type { TemplateWithRules } from "./assignment/types";
export { checkCategory, missingRequired } from "./check";
export { type Claimed, claimedBy, countClaimed } from "./claims";
export type { DryRun, Readiness } from "./readiness-report";
export { getTemplate, type LoadedTemplate, templateConfig } from "./repo";
export { parseRuleSet } from "./rules/schema";
export { TemplateConfig } from "./schema";
export { prepareTemplate, resolveCategory, type TemplateFailure, validateConfig } from "./service";
export { deleteTemplate, setTemplateActive } from "./store";
