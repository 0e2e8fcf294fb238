/**
 * The normal form of a rule's condition, shared by both evaluators so that they
 * compare exactly the same strings and numbers: text through the catalogue's
 * `searchText` (the form of every search column), numbers through
 * `canonicalNumber` (the form of the numeric search lists).
 * @see ../../catalog/rows.ts for the stored side of the contract
 */
import { canonicalNumber, searchText } from "../../catalog";
import type { Rule } from "./schema";

export { SEP } from "../../catalog";

export function textCondition(rule: Rule): string {
	return searchText(rule.condition);
}

/** A validated numeric condition (schema.ts allows plain decimals only). */
export function numberCondition(rule: Rule): { value: number; canonical: string } {
	const value = Number(rule.condition);
	if (!Number.isFinite(value))
		throw new Error(`rule condition ${JSON.stringify(rule.condition)} is not a number; validate with ruleSetSchema first`);
	return { value, canonical: canonicalNumber(value) };
}

/** Product status as stored on the row (rows.ts lower-cases it). */
export const statusCondition = (rule: Rule) => rule.condition.toLowerCase();
