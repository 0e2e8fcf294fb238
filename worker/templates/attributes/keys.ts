/**
 * The keys of a template's `attributes` map: TikTok attribute ids, which are
 * numeric strings. Anything else (a name instead of an id, `constructor`) is
 * refused with its own field in `issues` rather than stored and ignored.
 * `__proto__` never reaches zod's record (zod skips it): JSON bodies are checked
 * for prototype keys first (worker/http/prototype-keys.ts).
 * Pure: the UI imports it through schema.ts.
 */
import { z } from "zod";

export const ATTRIBUTE_ID = /^\d{1,20}$/;

export const AttributeId = z.string().regex(ATTRIBUTE_ID, "Attribute ids are TikTok's numeric ids.");
