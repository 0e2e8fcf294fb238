/**
 * GET /api/openapi.json: the API described from the same zod schemas the routes
 * validate with (zod's JSON Schema output), so the document cannot drift from
 * what the handlers accept. Responses are described in words; every error uses
 * the ErrorEnvelope schema.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { TemplateRuleInput, CreateTemplateBody, TemplateBody } from "../templates/api/body";
import { TemplateConfig } from "../templates/schema";
import { APP_VERSION } from "./health";

const json = (schema: z.ZodType) => ({ "application/json": { schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) } });
const body = (schema: z.ZodType) => ({ required: true, content: json(schema) });
const ok = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });
const errors = { "4XX": { description: "Bad input, not found, conflict or not connected", content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorEnvelope" } } } } };

type Op = { summary: string; requestBody?: unknown; parameters?: unknown[]; responses?: Record<string, unknown> };
const op = (summary: string, extra: Partial<Op> = {}, success = "OK"): Op => ({ summary, ...extra, responses: { "2XX": ok(success), ...errors } });
const idParam = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];

const paths: Record<string, Record<string, Op>> = {
	"/api/health": { get: op("Versions, bindings and missing configuration") },
	"/api/session": { post: op("Install or refresh the shop (token exchange) and start the catalogue import") },
	"/api/import": { get: op("Catalogue import status"), post: op("Start or restart the catalogue import") },
	"/api/tiktok/connect": { post: op("Start connecting the TikTok shop: returns the authorize URL") },
	"/api/tiktok/status": { get: op("TikTok connection status") },
	"/api/tiktok/disconnect": { post: op("Disconnect the TikTok shop") },
	"/api/categories": { get: op("Browse (parentId) or search (keyword) the TikTok category tree") },
	"/api/categories/{id}": { get: op("One category with its path, permissions, attributes and rules", { parameters: idParam }) },
	"/api/categories/recommend": { post: op("TikTok's category recommendation for a title and description", { requestBody: body(z.object({ title: z.string(), description: z.string().optional() })) }) },
	"/api/categories/store-recommendation": { get: op("Recommended categories for the store's main product types") },
	"/api/templates": { get: op("Templates: default first, then by priority, with product counts"), post: op("Create a template", { requestBody: body(CreateTemplateBody) }, "Created") },
	"/api/templates/{id}": {
		get: op("One template", { parameters: idParam }),
		put: op("Update a template", { parameters: idParam, requestBody: body(TemplateBody) }),
		delete: op("Delete a template", { parameters: idParam }),
	},
	"/api/templates/{id}/duplicate": { post: op("Duplicate a template", { parameters: idParam }, "Created") },
	"/api/templates/reorder": { post: op("Reorder priorities", { requestBody: body(z.object({ templateIds: z.array(z.string()) })) }) },
	"/api/templates/{id}/activate": { post: op("Activate: sync every claimed Not synced product", { parameters: idParam }, "Accepted") },
	"/api/templates/{id}/deactivate": { post: op("Deactivate: stop what has not started", { parameters: idParam }) },
	"/api/templates/{id}/pending": { get: op("How many products activation would start syncing", { parameters: idParam }) },
	"/api/templates/{id}/preview": { get: op("Products a saved template's rules select (page + total)", { parameters: idParam }) },
	"/api/templates/preview": { post: op("Products an unsaved rule set selects (page + total)", { requestBody: body(z.object({ match: z.enum(["all", "any"]), rules: z.array(TemplateRuleInput) })) }) },
	"/api/templates/{id}/readiness": { get: op("Readiness: which products would pass and why the others would not", { parameters: idParam }) },
	"/api/templates/overlaps": { get: op("Pairs of active templates whose rules select the same products") },
	"/api/products": { get: op("Products with their sync badge, claiming template, search, filters and paging") },
	"/api/products/{id}": { get: op("One product with its effective template and pre-filled sync form", { parameters: idParam }) },
	"/api/products/sync": { post: op("Manual sync of chosen products with an editable form", { requestBody: body(TemplateConfig.extend({ productIds: z.array(z.string()), categoryId: z.string(), templateId: z.string().nullable() })) }, "Accepted") },
	"/api/products/resync": { post: op("Re-sync failed products", { requestBody: body(z.object({ productIds: z.array(z.string()).optional(), allFailed: z.boolean().optional() })) }, "Accepted") },
	"/api/sync/runs": { get: op("Progress of running syncs with counts and time left") },
	"/api/settings": { get: op("Settings and listing quota"), put: op("Change settings", { requestBody: body(z.object({ pushContentEdits: z.boolean().optional(), unitSystem: z.enum(["metric", "imperial"]).optional() })) }) },
	"/api/settings/quota/resume": { post: op("Resume creates after a quota pause") },
	"/api/uploads/image": { post: op("Upload an image (certification, size chart) to TikTok", {}, "Created") },
	"/api/uploads/file": { post: op("Upload a PDF certificate to TikTok", {}, "Created") },
	"/webhooks/shopify": { post: op("Shopify webhooks (HMAC over the raw body)") },
	"/webhooks/tiktok": { post: op("TikTok Shop webhooks (HMAC over app key + raw body)") },
};

const document = {
	openapi: "3.1.0",
	info: { title: "TikTok Shop category templates for Shopify", version: APP_VERSION },
	components: {
		securitySchemes: { shopifySession: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "Shopify session token (App Bridge id token)" } },
		schemas: {
			ErrorEnvelope: {
				type: "object",
				required: ["error"],
				properties: {
					error: {
						type: "object",
						required: ["code", "message"],
						properties: {
							code: { type: "string" },
							message: { type: "string" },
							requestId: { type: "string" },
							issues: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
						},
					},
				},
			},
		},
	},
	security: [{ shopifySession: [] }],
	paths,
};

export const openapi = new Hono<AppEnv>().get("/", (c) => c.json(document));
