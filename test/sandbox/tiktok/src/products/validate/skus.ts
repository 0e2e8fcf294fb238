/**
 * SKU rules: seller SKU (1-50 chars, no spaces), price and currency, list price,
 * inventory per warehouse (create 1-99,999; edit 0-99,999), identifier codes,
 * and sales attributes (at most 3 types, the same set on every SKU, unique
 * combinations, images only on the primary attribute).
 */
import type { LeafAttribute } from "../../catalog/data.ts";
import type { SellerContext } from "../../seller/context.ts";
import { identifierCodeTaken } from "../model.ts";
import { maxSkus, priceBounds } from "../region-rules.ts";
import { type Checker, arr, obj, str } from "./checker.ts";
import { uploadedImage } from "./images.ts";

export type DraftSalesAttribute = { id?: string; name: string; value_id?: string; value_name: string; sku_img?: { uri: string } };

export type DraftSku = {
	id?: string;
	seller_sku?: string;
	price: { amount: string; currency: string };
	list_price?: { amount: string; currency: string };
	inventory: { warehouse_id: string; quantity: number }[];
	sales_attributes: DraftSalesAttribute[];
	external_sku_id?: string;
	identifier_code?: { code: string; type: string };
};

const CODE_LENGTHS: Record<string, RegExp> = {
	GTIN: /^\d{14}$/,
	EAN: /^(\d{8}|\d{13}|\d{14})$/,
	UPC: /^\d{12}$/,
	ISBN: /^(\d{13}|\d{9}[\dX])$/,
	JAN: /^(\d{8}|\d{13})$/,
};

export function checkPrice(
	ctx: SellerContext,
	c: Checker,
	price: Record<string, unknown> | undefined,
): { amount: string; currency: string } | null {
	const amount = str(price?.amount);
	const currency = str(price?.currency);
	if (!price || !amount || !currency) {
		c.fail(12052571);
		return null;
	}
	const [min, max] = priceBounds(ctx.seller.region);
	if (!/^\d+(\.\d{1,2})?$/.test(amount) || Number(amount) <= 0) c.fail(12052073);
	else if (Number(amount) < min || Number(amount) > max) c.fail(12052570);
	else if (currency !== ctx.seller.currency) c.fail(12052084);
	else return { amount, currency };
	return null;
}

export function checkInventory(ctx: SellerContext, c: Checker, list: unknown[] | undefined, minQuantity: number) {
	const inventory: { warehouse_id: string; quantity: number }[] = [];
	if (!list || list.length === 0) {
		c.fail(12052055);
		return inventory;
	}
	for (const item of list) {
		const o = obj(item);
		const warehouseId = str(o?.warehouse_id) ?? "";
		const quantity = o?.quantity;
		if (warehouseId !== ctx.seller.warehouse_id) {
			c.fail(12052530, { "warehouse ID": warehouseId });
			break;
		}
		if (inventory.some((i) => i.warehouse_id === warehouseId)) {
			c.fail(12052555);
			break;
		}
		if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < minQuantity || quantity > 99_999) {
			c.fail(12052055);
			break;
		}
		inventory.push({ warehouse_id: warehouseId, quantity });
	}
	return inventory;
}

function checkSalesAttributes(ctx: SellerContext, c: Checker, list: unknown[], leaf: LeafAttribute[]): DraftSalesAttribute[] {
	const out: DraftSalesAttribute[] = [];
	for (const item of list) {
		const o = obj(item) ?? {};
		const id = str(o.id);
		const name = str(o.name);
		const known = id ? leaf.find((a) => a.type === "SALES_PROPERTY" && a.id === id) : undefined;
		if (!id && !name) c.fail(12052241);
		else if (id && !known) c.fail(12052527);
		else if (!id && name && name.length > 20) c.fail(12052242);
		const valueId = str(o.value_id);
		const valueName = str(o.value_name);
		const knownValue = valueId ? known?.values.find((v) => v.id === valueId) : undefined;
		if (!valueId && !valueName) c.fail(12052248, { property_type: "sales property" });
		else if (valueId && !knownValue) c.fail(12052529);
		else if (!valueId && valueName && valueName.length > 50) {
			c.fail(12052249, { property_type: "sales property", max_limit: "50", property_value_name: valueName });
		}
		const img = obj(o.sku_img);
		const imgUri = str(img?.uri);
		if (img && !uploadedImage(ctx, imgUri)) c.fail(12052520);
		out.push({
			...(id ? { id } : {}),
			name: known?.name ?? name ?? "",
			...(valueId ? { value_id: valueId } : {}),
			value_name: knownValue?.name ?? valueName ?? "",
			...(imgUri ? { sku_img: { uri: imgUri } } : {}),
		});
	}
	return out;
}

const attributeKey = (a: DraftSalesAttribute) => a.id ?? `name:${a.name.toLowerCase()}`;
const valueKey = (a: DraftSalesAttribute) => a.value_id ?? `name:${a.value_name.toLowerCase()}`;

/** Rules across SKUs: ≤3 attribute types, one set for all, unique combinations, images only on the primary one. */
function checkAcrossSkus(c: Checker, skus: DraftSku[]): void {
	const sets = skus.map((s) => s.sales_attributes.map(attributeKey));
	if (sets.some((set) => new Set(set).size !== set.length)) return c.fail(12052560);
	const union = new Set(sets.flat());
	if (union.size > 3) return c.fail(12052525);
	const first = [...sets[0]].sort().join("|");
	if (skus.length > 1 && (union.size === 0 || sets.some((set) => [...set].sort().join("|") !== first))) return c.fail(12052550);
	const combos = skus.map((s) =>
		s.sales_attributes
			.map((a) => `${attributeKey(a)}=${valueKey(a)}`)
			.sort()
			.join("|"),
	);
	if (new Set(combos).size !== combos.length) return c.fail(12019019);
	const primary = sets[0][0];
	if (skus.some((s) => s.sales_attributes.some((a) => a.sku_img && attributeKey(a) !== primary))) c.fail(12052528);
}

export function checkSkus(
	body: Record<string, unknown>,
	ctx: SellerContext,
	c: Checker,
	leaf: LeafAttribute[],
	opts: { minQuantity: number; productId?: string },
): DraftSku[] {
	const list = arr(body.skus) ?? [];
	if (list.length === 0) {
		c.fail(36009004, "(skus is required)");
		return [];
	}
	if (list.length > maxSkus(ctx.seller.region)) {
		c.fail(12052050);
		return [];
	}
	const skus: DraftSku[] = [];
	const codes = new Set<string>();
	for (const item of list) {
		const o = obj(item) ?? {};
		const sellerSku = o.seller_sku === undefined ? undefined : (str(o.seller_sku) ?? "");
		if (sellerSku !== undefined) {
			if (sellerSku.length > 50) c.fail(12052054);
			else if (sellerSku === "" || /\s/.test(sellerSku)) c.fail(12019059);
		}
		const price = checkPrice(ctx, c, obj(o.price));
		const listPrice = obj(o.list_price);
		if (listPrice && price && !(Number(str(listPrice.amount)) >= Number(price.amount))) c.fail(12052375);
		const inventory = checkInventory(ctx, c, arr(o.inventory), opts.minQuantity);
		const sales = checkSalesAttributes(ctx, c, arr(o.sales_attributes) ?? [], leaf);
		const externalSkuId = str(o.external_sku_id);
		if (externalSkuId && externalSkuId.length > 999) c.fail(12052369);
		const code = obj(o.identifier_code);
		const identifier = code ? { code: str(code.code) ?? "", type: str(code.type) ?? "" } : undefined;
		if (identifier) {
			if (!CODE_LENGTHS[identifier.type]?.test(identifier.code)) c.fail(12052591);
			else if (codes.has(identifier.code) || identifierCodeTaken(ctx.sql, identifier.code, opts.productId)) c.fail(12052592);
			codes.add(identifier.code);
		}
		skus.push({
			...(str(o.id) ? { id: str(o.id) } : {}),
			...(sellerSku !== undefined ? { seller_sku: sellerSku } : {}),
			price: price ?? { amount: "0", currency: ctx.seller.currency },
			...(listPrice ? { list_price: { amount: str(listPrice.amount) ?? "", currency: str(listPrice.currency) ?? "" } } : {}),
			inventory,
			sales_attributes: sales,
			...(externalSkuId ? { external_sku_id: externalSkuId } : {}),
			...(identifier ? { identifier_code: identifier } : {}),
		});
	}
	if (c.ok) checkAcrossSkus(c, skus);
	return skus;
}
