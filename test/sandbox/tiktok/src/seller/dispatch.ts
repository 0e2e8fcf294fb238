/** Endpoint → handler. Handlers run inside the seller's object, one call at a time. */
import { getAttributes, getBrands, getCategories, getRules, recommendCategory } from "../catalog/handlers.ts";
import type { EndpointName } from "../gateway/endpoints.ts";
import type { Answer } from "../http/envelope.ts";
import { uploadFile, uploadImage } from "../media/upload.ts";
import { createProduct, listingCheck } from "../products/create.ts";
import { editProduct, partialEditProduct } from "../products/edit.ts";
import { changeStatus } from "../products/lifecycle.ts";
import { getProduct, searchProducts } from "../products/read.ts";
import { updateInventory, updatePrices } from "../products/stock.ts";
import { deleteWebhook, listWebhooks, putWebhook } from "../webhooks/registration.ts";
import type { ApiCall, SellerContext } from "./context.ts";
import { getPrerequisites, getShops, getWarehouses } from "./shop-handlers.ts";

type Handler = (ctx: SellerContext, call: ApiCall) => Answer | Promise<Answer>;

export const HANDLERS: Record<EndpointName, Handler> = {
	shops: getShops,
	categories: getCategories,
	recommend: recommendCategory,
	attributes: getAttributes,
	rules: getRules,
	brands: getBrands,
	warehouses: getWarehouses,
	prerequisites: getPrerequisites,
	image_upload: uploadImage,
	file_upload: uploadFile,
	create: createProduct,
	listing_check: listingCheck,
	search: searchProducts,
	get: getProduct,
	edit: editProduct,
	partial_edit: partialEditProduct,
	prices: updatePrices,
	inventory: updateInventory,
	activate: changeStatus("activate"),
	deactivate: changeStatus("deactivate"),
	delete: changeStatus("delete"),
	recover: changeStatus("recover"),
	webhooks_get: listWebhooks,
	webhooks_put: putWebhook,
	webhooks_delete: deleteWebhook,
};
