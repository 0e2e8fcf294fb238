/**
 * Store changes made "in the Shopify admin" through the sandbox's test routes,
 * each followed by the webhooks Shopify would send: products/create|update|delete,
 * inventory_items/update (weight lives on the inventory item), app/uninstalled
 * (after which the store's tokens and Admin-API subscriptions are gone) and the
 * compliance topics. Answers carry the product as the Admin GraphQL API shows it
 * and the deliveries that were queued.
 */
import { gid } from "../catalog/ids";
import type { SandboxProduct, Weight } from "../catalog/types";
import { reply, type Reply } from "../env";
import { productNode } from "../graphql/serialize";
import { compliancePayload, inventoryItemPayload, productPayload, shopPayload } from "../webhooks/payloads";
import { applyPatch, createProduct, setWeight, type ProductPatch } from "./changes";
import { nextProductIndex, type StoreState } from "./catalogue";
import { writeMeta } from "./meta";
import { deleteProduct, loadProduct, productIdForInventoryItem, saveProduct } from "./products";
import { revokeAllTokens } from "./tokens";

export type QueuedDelivery = { id: string; eventId: string; topic: string; url: string };
export type Emit = (topic: string, payload: unknown, extraHeaders?: Record<string, string>) => Promise<QueuedDelivery[]>;
export type NewProduct = ProductPatch & { title: string };

export class ProductKnobs {
	constructor(
		private readonly sql: SqlStorage,
		private readonly state: StoreState,
		private readonly origin: string,
		private readonly emit: Emit,
	) {}

	private render(p: SandboxProduct) {
		const collections = new Map(this.state.collections.map((c) => [c.id, c]));
		return productNode({ origin: this.origin, withEdges: false, collections }, p, { first: p.variants.length, afterPosition: 0 });
	}

	private productHeaders(p: SandboxProduct) {
		return { "X-Shopify-Product-Id": String(p.id) };
	}

	private attempt(change: () => Promise<Reply>): Promise<Reply> {
		return change().catch((error: unknown) => {
			if (error instanceof RangeError) return reply(422, { errors: error.message });
			throw error;
		});
	}

	createProduct(input: NewProduct): Promise<Reply> {
		return this.attempt(async () => {
			const p = createProduct(input, this.state.profile.slot, nextProductIndex(this.sql), Date.now());
			saveProduct(this.sql, p);
			const deliveries = await this.emit("products/create", productPayload(p, this.origin), this.productHeaders(p));
			return reply(201, { product: this.render(p), deliveries });
		});
	}

	updateProduct(id: number, patch: ProductPatch): Promise<Reply> {
		return this.attempt(async () => {
			const before = loadProduct(this.sql, id);
			if (!before) return reply(404, { errors: "Not Found" });
			const { product, weightChanged } = applyPatch(before, patch, this.state.profile.slot, Date.now());
			saveProduct(this.sql, product);
			const deliveries = await this.emit("products/update", productPayload(product, this.origin), this.productHeaders(product));
			for (const v of weightChanged) deliveries.push(...(await this.emit("inventory_items/update", inventoryItemPayload(v))));
			return reply(200, { product: this.render(product), deliveries });
		});
	}

	deleteProduct(id: number): Promise<Reply> {
		return this.attempt(async () => {
			if (!deleteProduct(this.sql, id)) return reply(404, { errors: "Not Found" });
			const deliveries = await this.emit("products/delete", { id }, { "X-Shopify-Product-Id": String(id) });
			return reply(200, { deletedProductId: gid("Product", id), deliveries });
		});
	}

	/** Weight changes fire inventory_items/update; the product's updated_at moves too, so reconciliation sees it. */
	updateInventoryItem(inventoryItemId: number, weight: Weight | null): Promise<Reply> {
		return this.attempt(async () => {
			const productId = productIdForInventoryItem(this.sql, inventoryItemId);
			const before = productId === null ? null : loadProduct(this.sql, productId);
			if (!before) return reply(404, { errors: "Not Found" });
			const { product, variant } = setWeight(before, inventoryItemId, weight, Date.now());
			saveProduct(this.sql, product);
			const deliveries = await this.emit("inventory_items/update", inventoryItemPayload(variant));
			return reply(200, { inventoryItem: inventoryItemPayload(variant), product: this.render(product), deliveries });
		});
	}

	/** Shopify revokes the tokens and drops the Admin-API subscriptions once app/uninstalled is queued. */
	async uninstall(): Promise<Reply> {
		const deliveries = await this.emit("app/uninstalled", shopPayload(this.state.info, Date.now()));
		revokeAllTokens(this.sql);
		this.sql.exec("DELETE FROM subscriptions");
		writeMeta(this.sql, "installed", false);
		return reply(200, { uninstalled: true, deliveries });
	}

	async trigger(topic: string, payload?: unknown): Promise<Reply> {
		const body =
			payload ??
			(topic === "app/uninstalled" || topic === "shop/update"
				? shopPayload(this.state.info, Date.now())
				: compliancePayload(topic, this.state.info));
		return reply(200, { deliveries: await this.emit(topic, body) });
	}
}
