/**
 * What every typed call needs: the app config, the shop's session (token, cipher) and the
 * shop's region, which decides the category tree (US shops must send `category_version=v2`).
 * Also the small lenient zod helpers shared by the response schemas: TikTok's samples and
 * SDK disagree on a few shapes, and a response we can still use must not fail validation.
 */
import { z } from "zod";
import type { TikTokAppConfig, TikTokSession } from "../transport";

export type CategoryVersion = "v1" | "v2";

export type CallContext = {
	app: TikTokAppConfig;
	session: TikTokSession;
	/** TikTok shop region (US, GB, …); null before the shop is known. */
	region: string | null;
};

/** The caller's choice, else v2 for US shops (mandatory there), else TikTok's default (v1). */
export function categoryVersion(ctx: CallContext, explicit?: CategoryVersion): CategoryVersion | undefined {
	return explicit ?? (ctx.region === "US" ? "v2" : undefined);
}

/** An id TikTok may send as a string or a (quoted-by-json.ts) number. */
export const Id = z.union([z.string(), z.number()]).transform(String);

/** A list TikTok sometimes sends as one (comma-separated) string. */
export const StringList = z.union([z.string(), z.array(z.string())]).transform((value) =>
	typeof value === "string"
		? value
				.split(",")
				.map((item) => item.trim())
				.filter(Boolean)
		: value,
);

export const Money = z.looseObject({ amount: z.string().optional(), currency: z.string().optional() });

export const Warnings = z.array(z.looseObject({ message: z.string().optional() })).catch([]);

/** An empty object answer (`data: {}` or no data). */
export const Empty = z.unknown().transform(() => ({}) as Record<string, never>);
