/**
 * The root fields the sandbox answers, each with its requested cost (checked
 * against the bucket before anything runs) and its resolver (which reports the
 * actual cost, refunded as Shopify does). Costs follow Shopify's rule of thumb:
 * one point per object, connections multiplied by `first`, so a `products` query
 * costs first × (1 + variants first); mutations cost 10.
 * @see https://shopify.dev/docs/api/usage/limits#cost-calculation
 */
import { gid, numericId } from "../catalog/ids";
import type { SandboxCollection, ShopInfo } from "../catalog/types";
import { countProducts, isValidCursor, loadProduct, pageProducts, type SortKey } from "../store/products";
import { createSubscription, deleteSubscription, listSubscriptions, subscriptionNode, TOPICS } from "../store/subscriptions";
import { nestedArgs, type Args, type RootField } from "./parse";
import { connection, productNode, shopNode, variantNode, variantPosition, type RenderContext } from "./serialize";

export type FieldContext = {
	sql: SqlStorage;
	info: ShopInfo;
	slot: number;
	origin: string;
	apiVersion: string;
	scope: string;
	variables: Args;
	withEdges: boolean;
	collections: SandboxCollection[];
	nowMs: number;
};

export type GraphqlError = { message: string; extensions?: Record<string, unknown>; path?: string[] };
export type Resolved = { value: unknown; actual: number };
export type FieldSpec = {
	cost(field: RootField, ctx: FieldContext): number | GraphqlError;
	run(field: RootField, ctx: FieldContext): Resolved;
};

export const PRODUCTS_MAX_PAGE = 250;
/** Variants of each product inside `products` (Shopify's webhook and REST cap; more via `product(id)`). */
export const NESTED_VARIANTS_CAP = 100;
/** A single product may read up to 2,000 variants per page (API 2025-01+). */
export const SINGLE_PRODUCT_VARIANTS_MAX = 2000;

const SORT_KEYS: SortKey[] = ["ID", "UPDATED_AT", "CREATED_AT", "TITLE"];

const render = (ctx: FieldContext): RenderContext => ({
	origin: ctx.origin,
	withEdges: ctx.withEdges,
	collections: new Map(ctx.collections.map((c) => [c.id, c])),
});

const argError = (message: string, code = "argumentError"): GraphqlError => ({ message, extensions: { code } });

function pageSize(value: unknown, max: number, label: string): number | GraphqlError {
	if (value === undefined || value === null)
		return argError(`you must provide one of first or last (${label})`, "missingRequiredArguments");
	if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
		return argError(`first must be a non-negative integer (${label})`);
	if (value > max)
		return argError(`The page size requested (${value}) is over the max page size of ${max} (${label}).`, "MAX_PAGE_SIZE_EXCEEDED");
	return value;
}

/** `variants(first)` requested inside a product selection: 0 when not selected, capped as Shopify would. */
function variantsFirst(field: RootField, ctx: FieldContext, cap: number): { first: number; after: number } | GraphqlError {
	const args = nestedArgs(field.selection, "variants", ctx.variables);
	if (args === null) return { first: 0, after: 0 };
	if (args.first === undefined && args.last === undefined)
		return { first: Math.min(cap, NESTED_VARIANTS_CAP), after: variantPosition(args.after) };
	const first = pageSize(args.first, SINGLE_PRODUCT_VARIANTS_MAX, "variants");
	return typeof first === "number" ? { first: Math.min(first, cap), after: variantPosition(args.after) } : first;
}

const isError = (x: unknown): x is GraphqlError => typeof x === "object" && x !== null && "message" in x;

const products: FieldSpec = {
	cost(field, ctx) {
		if (field.args.last !== undefined || field.args.before !== undefined)
			return argError("The sandbox paginates products with first/after only");
		const first = pageSize(field.args.first, PRODUCTS_MAX_PAGE, "products");
		if (isError(first)) return first;
		if (!isValidCursor(field.args.after)) return argError(`Invalid cursor for current pagination sort.`, "INVALID_CURSOR");
		const variants = variantsFirst(field, ctx, NESTED_VARIANTS_CAP);
		return isError(variants) ? variants : first * (1 + variants.first);
	},
	run(field, ctx) {
		const first = field.args.first as number;
		const sortKey = SORT_KEYS.includes(field.args.sortKey as SortKey) ? (field.args.sortKey as SortKey) : "ID";
		const page = pageProducts(ctx.sql, {
			first,
			after: field.args.after as string | null,
			query: field.args.query as string | null,
			sortKey,
			reverse: field.args.reverse === true,
		});
		if ("error" in page) return { value: null, actual: 0 };
		const selected = variantsFirst(field, ctx, NESTED_VARIANTS_CAP) as { first: number };
		const window = { first: selected.first || NESTED_VARIANTS_CAP, afterPosition: 0 };
		const nodes = page.products.map((p) => productNode(render(ctx), p, window));
		const actual = page.products.reduce((sum, p) => sum + 1 + Math.min(p.variants.length, selected.first), 0);
		return { value: connection(render(ctx), nodes, page.cursors, page.hasNextPage, !!field.args.after), actual };
	},
};

function productById(id: unknown, field: RootField, ctx: FieldContext): { value: unknown; actual: number } {
	const productId = numericId(id, "Product");
	const p = productId === null ? null : loadProduct(ctx.sql, productId);
	if (!p) return { value: null, actual: 1 };
	const variants = variantsFirst(field, ctx, SINGLE_PRODUCT_VARIANTS_MAX) as { first: number; after: number };
	const window = { first: variants.first || NESTED_VARIANTS_CAP, afterPosition: variants.after };
	const node = productNode(render(ctx), p, window);
	return { value: node, actual: 1 + (node.variants.nodes as unknown[]).length * (variants.first ? 1 : 0) };
}

const product: FieldSpec = {
	cost(field, ctx) {
		const variants = variantsFirst(field, ctx, SINGLE_PRODUCT_VARIANTS_MAX);
		return isError(variants) ? variants : 1 + variants.first;
	},
	run: (field, ctx) => productById(field.args.id, field, ctx),
};

const nodes: FieldSpec = {
	cost(field, ctx) {
		const idList = Array.isArray(field.args.ids) ? field.args.ids : [];
		if (idList.length > 250) return argError("The sandbox reads at most 250 nodes at once");
		const variants = variantsFirst(field, ctx, NESTED_VARIANTS_CAP);
		return isError(variants) ? variants : idList.length * (1 + variants.first);
	},
	run(field, ctx) {
		const results = (field.args.ids as unknown[]).map((id) =>
			String(id).includes("/Product/") ? productById(id, field, ctx) : { value: null, actual: 1 },
		);
		return { value: results.map((r) => r.value), actual: results.reduce((s, r) => s + r.actual, 0) };
	},
};

const webhookSubscriptions: FieldSpec = {
	cost: (field) => {
		const first = pageSize(field.args.first ?? 50, 250, "webhookSubscriptions");
		return isError(first) ? first : Math.max(1, first);
	},
	run(field, ctx) {
		const topics = Array.isArray(field.args.topics) ? (field.args.topics as string[]).map((t) => TOPICS[t] ?? t) : null;
		const after = Number(field.args.after ? atob(String(field.args.after)) : 0) || 0;
		const all = listSubscriptions(ctx.sql).filter((s) => (!topics || topics.includes(s.topic)) && s.id > after);
		const page = all.slice(0, (field.args.first as number | undefined) ?? 50);
		return {
			value: connection(
				render(ctx),
				page.map(subscriptionNode),
				page.map((s) => btoa(String(s.id))),
				all.length > page.length,
			),
			actual: Math.max(1, page.length),
		};
	},
};

const webhookSubscriptionCreate: FieldSpec = {
	cost: (field) =>
		TOPICS[String(field.args.topic)]
			? 10
			: argError(
					`Variable $topic of type WebhookSubscriptionTopic! was provided invalid value ${JSON.stringify(field.args.topic)}`,
					"INVALID_VARIABLE",
				),
	run(field, ctx) {
		const input = (field.args.webhookSubscription ?? {}) as { uri?: string; callbackUrl?: string };
		const result = createSubscription(
			ctx.sql,
			ctx.slot,
			TOPICS[String(field.args.topic)],
			input.uri ?? input.callbackUrl ?? "",
			ctx.apiVersion,
			ctx.nowMs,
		);
		const value = result.ok
			? { webhookSubscription: subscriptionNode(result.subscription), userErrors: [] }
			: { webhookSubscription: null, userErrors: [{ field: result.field, message: result.message }] };
		return { value, actual: 10 };
	},
};

const webhookSubscriptionDelete: FieldSpec = {
	cost: () => 10,
	run(field, ctx) {
		const id = numericId(field.args.id, "WebhookSubscription");
		const deleted = id !== null && deleteSubscription(ctx.sql, id);
		const value = deleted
			? { deletedWebhookSubscriptionId: gid("WebhookSubscription", id!), userErrors: [] }
			: { deletedWebhookSubscriptionId: null, userErrors: [{ field: ["id"], message: "Webhook subscription does not exist" }] };
		return { value, actual: 10 };
	},
};

const inventoryItem: FieldSpec = {
	cost: () => 2,
	run(field, ctx) {
		const itemId = numericId(field.args.id, "InventoryItem");
		const row =
			itemId === null
				? undefined
				: ctx.sql.exec<{ product_id: number }>("SELECT product_id FROM inventory_items WHERE id = ?", itemId).toArray()[0];
		const p = row ? loadProduct(ctx.sql, row.product_id) : null;
		const v = p?.variants.find((x) => x.inventoryItemId === itemId);
		if (!p || !v) return { value: null, actual: 1 };
		const node = variantNode(render(ctx), p, v);
		return { value: { ...node.inventoryItem, variant: node }, actual: 2 };
	},
};

export const QUERY_FIELDS: Record<string, FieldSpec> = {
	shop: { cost: () => 1, run: (_f, ctx) => ({ value: shopNode(ctx.info), actual: 1 }) },
	products,
	product,
	nodes,
	productsCount: {
		cost: () => 1,
		run: (f, ctx) => ({ value: { count: countProducts(ctx.sql, f.args.query as string | null), precision: "EXACT" }, actual: 1 }),
	},
	inventoryItem,
	webhookSubscriptions,
	currentAppInstallation: {
		cost: () => 1,
		run: (_f, ctx) => ({
			value: { id: gid("AppInstallation", ctx.info.id), accessScopes: ctx.scope.split(",").map((handle) => ({ handle })) },
			actual: 1,
		}),
	},
};

export const MUTATION_FIELDS: Record<string, FieldSpec> = { webhookSubscriptionCreate, webhookSubscriptionDelete };

export { isError };
