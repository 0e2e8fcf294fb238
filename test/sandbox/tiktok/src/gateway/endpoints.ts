/**
 * The API surface the sandbox serves: path, method, whether `shop_cipher` is
 * required or forbidden (TikTok answers 106013 when a shop-scoped call lacks it
 * and 36009004 "Unexpected identifier" when a non-shop call sends it), and
 * whether the call counts against the seller's read or write rate. Writes are
 * the calls that change state; search, recommend and listing_check are reads.
 * @see https://partner.tiktokshop.com/docv2/page/common-errors
 */
export type EndpointName =
	| "shops"
	| "categories"
	| "recommend"
	| "attributes"
	| "rules"
	| "brands"
	| "warehouses"
	| "prerequisites"
	| "image_upload"
	| "file_upload"
	| "create"
	| "listing_check"
	| "search"
	| "get"
	| "edit"
	| "partial_edit"
	| "prices"
	| "inventory"
	| "activate"
	| "deactivate"
	| "delete"
	| "recover"
	| "webhooks_get"
	| "webhooks_put"
	| "webhooks_delete";

export type Endpoint = {
	name: EndpointName;
	method: "GET" | "POST" | "PUT" | "DELETE";
	pattern: RegExp;
	shopCipher: "required" | "forbidden";
	kind: "read" | "write";
};

const P = "/product/(?:202309)";
const id = "(\\d{1,30})";

const e = (
	name: EndpointName,
	method: Endpoint["method"],
	path: string,
	kind: Endpoint["kind"],
	shopCipher: Endpoint["shopCipher"] = "required",
): Endpoint => ({
	name,
	method,
	pattern: new RegExp(`^${path}$`),
	shopCipher,
	kind,
});

export const ENDPOINTS: Endpoint[] = [
	e("shops", "GET", "/authorization/202309/shops", "read", "forbidden"),
	e("categories", "GET", `${P}/categories`, "read"),
	e("recommend", "POST", `${P}/categories/recommend`, "read"),
	e("attributes", "GET", `${P}/categories/${id}/attributes`, "read"),
	e("rules", "GET", `${P}/categories/${id}/rules`, "read"),
	e("brands", "GET", `${P}/brands`, "read"),
	e("warehouses", "GET", "/logistics/202309/warehouses", "read"),
	e("prerequisites", "GET", "/product/(?:202309|202312)/prerequisites", "read"),
	e("image_upload", "POST", `${P}/images/upload`, "write", "forbidden"),
	e("file_upload", "POST", `${P}/files/upload`, "write", "forbidden"),
	e("create", "POST", `${P}/products`, "write"),
	e("listing_check", "POST", `${P}/products/listing_check`, "read"),
	e("search", "POST", "/product/(?:202309|202312|202502)/products/search", "read"),
	e("activate", "POST", `${P}/products/activate`, "write"),
	e("deactivate", "POST", `${P}/products/deactivate`, "write"),
	e("recover", "POST", `${P}/products/recover`, "write"),
	e("delete", "DELETE", `${P}/products`, "write"),
	e("get", "GET", `${P}/products/${id}`, "read"),
	e("edit", "PUT", `/product/(?:202309|202509)/products/${id}`, "write"),
	e("partial_edit", "POST", `/product/(?:202309|202509)/products/${id}/partial_edit`, "write"),
	e("prices", "POST", `${P}/products/${id}/prices/update`, "write"),
	e("inventory", "POST", `${P}/products/${id}/inventory/update`, "write"),
	e("webhooks_get", "GET", "/event/202309/webhooks", "read"),
	e("webhooks_put", "PUT", "/event/202309/webhooks", "write"),
	e("webhooks_delete", "DELETE", "/event/202309/webhooks", "write"),
];

export type EndpointMatch = { kind: "found"; endpoint: Endpoint; pathId?: string } | { kind: "no_path" } | { kind: "no_method" };

export function matchEndpoint(method: string, path: string): EndpointMatch {
	let pathMatched = false;
	for (const endpoint of ENDPOINTS) {
		const m = endpoint.pattern.exec(path);
		if (!m) continue;
		if (endpoint.method === method) return { kind: "found", endpoint, pathId: m[1] };
		pathMatched = true;
	}
	return pathMatched ? { kind: "no_method" } : { kind: "no_path" };
}
