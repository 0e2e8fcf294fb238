/**
 * The checks TikTok's gateway runs before any endpoint logic, in order: app key,
 * presence of `sign`, timestamp window (not older than 5 minutes, not more than
 * 30 seconds ahead, not negative), then the signature itself.
 * @see https://partner.tiktokshop.com/docv2/page/common-errors
 */
import { type Answer, fail } from "../http/envelope.ts";
import { signatureMatches } from "./signature.ts";

export type GatewayRequest = { path: string; query: [string, string][]; body: string; nowMs: number };

const MAX_AGE_S = 300;
const MAX_AHEAD_S = 30;

export async function checkGateway(req: GatewayRequest, appKey: string, appSecret: string): Promise<Answer | null> {
	const get = (k: string) => req.query.find(([key]) => key === k)?.[1];
	if (get("app_key") !== appKey) return fail(36009004, "Invalid credentials. Invalid `app_key` query parameter.", 401);
	const sign = get("sign");
	if (!sign) return fail(36009004, "Missing credentials. The request does not include a required signature in the query.", 401);

	const raw = get("timestamp") ?? "";
	const timestamp = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
	const now = Math.floor(req.nowMs / 1000);
	if (!Number.isFinite(timestamp) || timestamp < 0) {
		return fail(36009004, "Invalid timestamp. The value of the `timestamp` query parameter must not be lesser than 0.", 401);
	}
	if (timestamp < now - MAX_AGE_S) {
		return fail(
			36009004,
			"Invalid timestamp. The value of the `timestamp` query parameter must not be earlier than 5 minutes before the current time.",
			401,
		);
	}
	if (timestamp > now + MAX_AHEAD_S) {
		return fail(
			36009004,
			"Invalid timestamp. The value of the `timestamp` query parameter must not exceed the current time by more than 30 seconds.",
			401,
		);
	}
	return (await signatureMatches(appSecret, req.path, req.query, req.body, sign)) ? null : fail(106001);
}
