/**
 * The `import.page` job: one page of the catalogue import, then the next page is
 * enqueued (continuation through the queue: resumable, and no invocation ever
 * runs long). Idempotent: a message whose cursor is not the import's current
 * cursor was already processed (a duplicate delivery) and is dropped; the cursor
 * moves with a conditional UPDATE, so of two twins only one advances it.
 *
 * Rate limit: a THROTTLED answer retries this message after the wait the bucket
 * needs; after a page, the next one is delayed until the bucket again holds the
 * cost this page requested (deficit / restoreRate).
 * @see https://shopify.dev/docs/api/usage/pagination-graphql
 */
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { upsertProduct } from "../../catalog";
import { imports } from "../../db/schema";
import { backoffMs, done, type JobContext, type JobOutcome, type QueueMessage, type QueueMessageOf, retryIn } from "../../jobs";
import { waitForCostMs } from "../admin/graphql";
import { IMPORT_PAGE_SIZE, IMPORT_PRODUCTS } from "../admin/queries";
import { forgetShopifyToken } from "../../shops";
import { shopifyForShop } from "../for-shop";
import { GraphqlProduct, productFromGraphql } from "../normalize/graphql-product";

const Page = z.object({
	products: z.object({ pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() }), nodes: z.array(GraphqlProduct) }),
});

async function fail(ctx: JobContext, message: QueueMessageOf<"import.page">, error: string): Promise<JobOutcome> {
	const now = Date.now();
	await ctx.db
		.update(imports)
		.set({ status: "failed", error, finishedAt: now, updatedAt: now })
		.where(and(eq(imports.shopId, message.shopId), eq(imports.id, message.importId), eq(imports.status, "running")));
	return done;
}

export async function runImportPage(message: QueueMessageOf<"import.page">, ctx: JobContext): Promise<JobOutcome> {
	const { shopId, importId, cursor } = message;
	const [current] = await ctx.db
		.select()
		.from(imports)
		.where(and(eq(imports.shopId, shopId), eq(imports.id, importId)));
	if (!current || current.status !== "running" || current.cursor !== cursor) return done;

	const shopify = await shopifyForShop(ctx.env, ctx.db, shopId);
	if (!shopify.ok) {
		if (shopify.reason === "refresh_unavailable") return retryIn(backoffMs(ctx.attempts), "token refresh unavailable");
		return fail(ctx, message, `Shopify is not reachable for this shop (${shopify.reason}).`);
	}
	const res = await shopify.graphql<unknown>(IMPORT_PRODUCTS, { first: IMPORT_PAGE_SIZE, after: cursor });
	if (!res.ok) {
		if (res.reason === "throttled") return retryIn(res.retryAfterMs, "Shopify THROTTLED");
		if (res.reason === "unavailable") return retryIn(backoffMs(ctx.attempts), `Shopify unavailable (${res.status})`);
		if (res.reason === "unauthorized") {
			await forgetShopifyToken(ctx.db, shopId, Date.now());
			return fail(ctx, message, "Shopify refused the access token; open the app from the Shopify admin to reconnect.");
		}
		return fail(ctx, message, `Shopify refused the import query: ${res.messages.join("; ")}`);
	}
	const page = Page.safeParse(res.data);
	if (!page.success) return fail(ctx, message, "Shopify answered the import query with an unexpected shape.");

	const now = Date.now();
	const follow: MessageSendRequest<QueueMessage>[] = [];
	let changed = 0;
	for (const node of page.data.products.nodes) {
		const product = productFromGraphql(node);
		const result = await upsertProduct(ctx.db, shopId, product, now);
		if (!result.changed) continue;
		changed++;
		follow.push({ body: { type: "product.changed", shopId, productId: product.id, reason: "import" } });
		if (product.variantsIncomplete) follow.push({ body: { type: "product.complete", shopId, productId: product.id } });
	}
	const { hasNextPage, endCursor } = page.data.products.pageInfo;
	const more = hasNextPage && !!endCursor;
	if (more) {
		const waitMs = waitForCostMs(res.cost?.throttleStatus, res.cost?.requestedQueryCost ?? 0);
		follow.push({ body: { type: "import.page", shopId, importId, cursor: endCursor! }, delaySeconds: Math.ceil(waitMs / 1000) });
	}
	// Enqueue before moving the cursor: if the move fails, a retry re-does this page (idempotent) instead of stalling.
	for (let i = 0; i < follow.length; i += 100) await ctx.env.SYNC_QUEUE.sendBatch(follow.slice(i, i + 100));
	const count = page.data.products.nodes.length;
	await ctx.db
		.update(imports)
		.set({
			cursor: more ? endCursor! : cursor,
			imported: sql`${imports.imported} + ${count}`,
			updatedAt: now,
			...(more ? {} : { status: "done", finishedAt: now, total: sql`${imports.imported} + ${count}` }),
		})
		.where(and(eq(imports.shopId, shopId), eq(imports.id, importId), eq(imports.status, "running"), sql`${imports.cursor} IS ${cursor}`));
	console.log(JSON.stringify({ level: "info", job: "import.page", shopId, importId, imported: count, changed, more }));
	return done;
}
