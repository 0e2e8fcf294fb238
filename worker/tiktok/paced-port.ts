/**
 * `pacedPort(port, limiter)`: the same TikTokPort, every call paced by the
 * shop's limiter. A call reserves a slot, sleeps for a short wait (sub-second
 * pacing keeps the achieved rate close to the limit) and feeds its outcome back
 * (a 429 drains and cuts the rate, a success restores it). A wait too long to
 * hold the consumer is answered here, once for every caller, as a `rate_limited`
 * failure with code PACED and the wait as its Retry-After: nothing was sent, and
 * callers settle it like any rate limit (back to the queue, or a 429 to the UI).
 */
import { type Budget, INLINE_RETRIES_AFTER_429, type LimiterStub, MAX_INLINE_WAIT_MS } from "../pacing";
import type { PortResult, TikTokPort } from "./port";

/** The code of a call this app held back (TikTok never saw it). */
export const PACED = "LOCAL_PACING";

async function once<T>(limiter: LimiterStub, budget: Budget, call: () => Promise<PortResult<T>>): Promise<PortResult<T>> {
	const done = budget === "write" ? await limiter.gates.acquire(limiter.shopId) : () => {};
	try {
		const { waitMs, intervalMs } = await limiter.reserve(budget);
		if (waitMs > MAX_INLINE_WAIT_MS) {
			await limiter.release(budget);
			return {
				ok: false,
				failure: {
					kind: "rate_limited",
					code: PACED,
					message: "TikTok's rate limit for this shop is in use; try again shortly.",
					retryAfterMs: waitMs,
				},
			};
		}
		if (waitMs > 0) await scheduler.wait(waitMs);
		if (budget === "write") await limiter.gates.spaceFromLastSend(limiter.shopId, intervalMs);
		const result = await call();
		if (result.ok) await limiter.succeeded(budget);
		else if (result.failure.kind === "rate_limited") await limiter.limited(budget, result.failure.retryAfterMs ?? 1000);
		return result;
	} finally {
		done();
	}
}

/**
 * A call TikTok refused with 429 is repeated here once, after its Retry-After,
 * when that is short: TikTok did not process it, so repeating it is safe, and a
 * trip through the queue would put the product behind every message sent since.
 * A longer Retry-After, or a second 429, goes back to the caller.
 */
async function pacedCall<T>(limiter: LimiterStub, budget: Budget, call: () => Promise<PortResult<T>>): Promise<PortResult<T>> {
	for (let retries = 0; ; retries++) {
		const result = await once(limiter, budget, call);
		if (result.ok || result.failure.kind !== "rate_limited" || result.failure.code === PACED) return result;
		const retryAfterMs = result.failure.retryAfterMs ?? 1000;
		if (retries >= INLINE_RETRIES_AFTER_429 || retryAfterMs > MAX_INLINE_WAIT_MS) return result;
		await scheduler.wait(retryAfterMs);
	}
}

/** Reads and writes spend separate budgets: TikTok gives reads more room. */
export function pacedPort(port: TikTokPort, limiter: LimiterStub): TikTokPort {
	const read = <T>(call: () => Promise<PortResult<T>>) => pacedCall(limiter, "read", call);
	const write = <T>(call: () => Promise<PortResult<T>>) => pacedCall(limiter, "write", call);
	return {
		categories: () => read(() => port.categories()),
		categoryAttributes: (categoryId) => read(() => port.categoryAttributes(categoryId)),
		categoryRules: (categoryId) => read(() => port.categoryRules(categoryId)),
		recommendCategory: (title, description) => read(() => port.recommendCategory(title, description)),
		brands: (categoryId) => read(() => port.brands(categoryId)),
		listingCheck: (body) => read(() => port.listingCheck(body)),
		searchBySellerSkus: (sellerSkus) => read(() => port.searchBySellerSkus(sellerSkus)),
		listProducts: (pageToken, pageSize) => read(() => port.listProducts(pageToken, pageSize)),
		getProduct: (productId) => read(() => port.getProduct(productId)),
		uploadImage: (bytes, fileName, useCase) => write(() => port.uploadImage(bytes, fileName, useCase)),
		uploadFile: (bytes, name) => write(() => port.uploadFile(bytes, name)),
		createProduct: (body, key) => write(() => port.createProduct(body, key)),
		updatePrices: (productId, prices) => write(() => port.updatePrices(productId, prices)),
		updateInventory: (productId, inventory) => write(() => port.updateInventory(productId, inventory)),
		partialEdit: (productId, body) => write(() => port.partialEdit(productId, body)),
		activate: (ids) => write(() => port.activate(ids)),
		deactivate: (ids) => write(() => port.deactivate(ids)),
		delete: (ids) => write(() => port.delete(ids)),
	};
}
