/**
 * The keys of a template's `attributes` map: TikTok attribute ids, which are
 * numeric strings. Checked on the raw object before zod builds the record,
 * because zod skips a `__proto__` key silently (assigning it would set the
 * prototype), so a value keyed `__proto__` vanished without an error. Any other
 * non-id key (`constructor`, a name instead of an id) is refused the same way,
 * each with its own field in `issues`. Pure: the UI imports it through schema.ts.
 */
import { z } from "zod";

export const ATTRIBUTE_ID = /^\d{1,20}$/;

/** Keys whose assignment on a plain object changes it rather than adding an entry. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export function attributeMap<Value extends z.ZodType>(value: Value) {
	const record = z.record(z.string(), value);
	return z
		.unknown()
		.superRefine((raw, ctx) => {
			if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return;
			for (const key of Object.keys(raw)) {
				if (PROTOTYPE_KEYS.has(key)) ctx.addIssue({ code: "custom", path: [key], message: `"${key}" is not an attribute id.` });
				else if (!ATTRIBUTE_ID.test(key)) ctx.addIssue({ code: "custom", path: [key], message: `Attribute ids are TikTok's numeric ids, not "${key.slice(0, 64)}".` });
			}
		})
		.pipe(record);
}
