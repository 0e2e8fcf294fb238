/**
 * Every TikTok API path: match the endpoint (36009009 unknown path, 36009010 wrong
 * method), read the body (raw text for JSON, parsed form for multipart uploads),
 * run the gateway checks, then hand the call to the seller's object, found by the
 * seller id inside the access token. Answers the object wants delayed (slow or
 * "lost" answers from fault injection) are held here, outside the object.
 */
import type { Context } from "hono";
import { sellerFromCredential } from "../auth/tokens.ts";
import { type SandboxEnv, appCredentials } from "../env.ts";
import { fail, jsonResponse, newRequestId } from "../http/envelope.ts";
import type { UploadInput } from "../seller/context.ts";
import { checkGateway } from "./checks.ts";
import { matchEndpoint } from "./endpoints.ts";
import { isMultipart } from "./signature.ts";

const INVALID_TOKEN = "Invalid credentials. The `x-tts-access-token` header is invalid.";

async function readUpload(request: Request): Promise<UploadInput | null> {
	try {
		const form = await request.formData();
		const fields: Record<string, string> = {};
		let file: UploadInput["file"];
		for (const [key, value] of form.entries()) {
			if (typeof value === "string") fields[key] = value;
			else if (key === "data") file = { bytes: new Uint8Array(await value.arrayBuffer()), name: value.name, type: value.type };
		}
		return { fields, file };
	} catch {
		return null;
	}
}

export async function handleApi(c: Context<{ Bindings: SandboxEnv }>): Promise<Response> {
	const arrivedAt = Date.now();
	const requestId = newRequestId();
	const url = new URL(c.req.url);
	const match = matchEndpoint(c.req.method, url.pathname);
	if (match.kind === "no_path") return jsonResponse(fail(36009009), requestId);
	if (match.kind === "no_method") return jsonResponse(fail(36009010), requestId);

	const multipart = isMultipart(c.req.header("content-type") ?? null);
	const upload = multipart ? await readUpload(c.req.raw) : undefined;
	if (upload === null) return jsonResponse(fail(36009022), requestId);
	const body = multipart ? "" : await c.req.text();
	const query = [...url.searchParams.entries()];
	const token = c.req.header("x-tts-access-token") ?? url.searchParams.get("access_token") ?? "";
	const sellerId = sellerFromCredential(token);
	const stub = sellerId ? c.env.SELLER.getByName(sellerId) : null;

	const { appKey, appSecret } = appCredentials(c.env);
	const refused = await checkGateway({ path: url.pathname, query, body, nowMs: Date.now() }, appKey, appSecret);
	if (refused) {
		if (stub) await stub.recordRejection(refused.code);
		return jsonResponse(refused, requestId);
	}
	if (!stub || !sellerId) return jsonResponse(fail(36009004, INVALID_TOKEN, 401), requestId);

	const result = await stub.api({
		sellerId,
		endpoint: match.endpoint.name,
		pathId: match.pathId,
		query: Object.fromEntries(query),
		token,
		body,
		upload,
		origin: url.origin,
		requestId,
		arrivedAt,
	});
	if (result.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, result.delayMs));
	return new Response(result.body, {
		status: result.status,
		headers: { "content-type": "application/json", "x-tt-logid": requestId, ...result.headers },
	});
}
