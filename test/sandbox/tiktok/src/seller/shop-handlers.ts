/**
 * Shop-level reads: the authorized shop, its one default sales warehouse, and
 * listing prerequisites (all met for sandbox sellers).
 * @see https://partner.tiktokshop.com/docv2/page/get-authorized-shops-202309
 * @see https://partner.tiktokshop.com/docv2/page/get-warehouse-list-202309
 */
import { type Answer, ok } from "../http/envelope.ts";
import type { SellerContext } from "./context.ts";

export function getShops(ctx: SellerContext): Answer {
	const s = ctx.seller;
	return ok({
		shops: [{ id: s.shop_id, name: s.shop_name, region: s.region, seller_type: s.seller_type, cipher: s.shop_cipher, code: s.shop_code }],
	});
}

export function getWarehouses(ctx: SellerContext): Answer {
	const s = ctx.seller;
	return ok({
		warehouses: [
			{
				id: s.warehouse_id,
				name: `${s.shop_name} Warehouse`,
				effect_status: "ENABLED",
				type: "SALES_WAREHOUSE",
				sub_type: "DOMESTIC_WAREHOUSE",
				is_default: true,
				address: {
					region: s.region,
					region_code: s.region,
					city: "Sandbox City",
					postal_code: "00000",
					full_address: "1 Sandbox Way",
					contact_person: "Sandbox Ops",
					phone_number: "(+1)5550100",
				},
			},
		],
	});
}

export function getPrerequisites(): Answer {
	const pass = { check_result: true };
	return ok({
		shop: { status: pass },
		tax_info: pass,
		bank_account: pass,
		contact_info: pass,
		logistics: { pickup_warehouse: pass, return_warehouse: pass, shipping_template: pass, delivery_option: pass },
	});
}
