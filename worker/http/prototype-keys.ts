/**
 * JSON bodies may not carry `__proto__`, `constructor` or `prototype` keys, at
 * any depth. JSON.parse keeps `__proto__` as an own key, but zod skips it when it
 * builds an object or a record (assigning it would set the prototype), so such
 * a value used to vanish without a word; the other two are never a field of
 * this API. Refusing them up front names the field in `issues` instead.
 */
import type { FieldIssue } from "./errors";

const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Every prototype key in a parsed JSON value, by path (iterative: a body can nest deeper than the stack). */
export function prototypeKeyIssues(value: unknown, limit = 20): FieldIssue[] {
	const issues: FieldIssue[] = [];
	const stack: [unknown, string[]][] = [[value, []]];
	while (stack.length && issues.length < limit) {
		const [node, path] = stack.pop() as [unknown, string[]];
		if (typeof node !== "object" || node === null) continue;
		for (const key of Object.keys(node)) {
			const at = [...path, key];
			if (PROTOTYPE_KEYS.has(key)) issues.push({ path: at.join("."), message: `"${key}" is not a field of this API.` });
			else stack.push([(node as Record<string, unknown>)[key], at]);
		}
	}
	return issues;
}
