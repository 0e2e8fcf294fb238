/**
 * Warehouses: a SKU's `inventory[].warehouse_id` must name one of the shop's sales warehouses.
 * @see https://partner.tiktokshop.com/docv2/page/get-warehouse-list-202309
 */
import { z } from "zod";
import { sendTikTok } from "../transport";
import { type CallContext, Id } from "./context";

const Warehouses = z.object({
	warehouses: z
		.array(
			z.looseObject({
				id: Id,
				name: z.string().default(""),
				/** ENABLED | DISABLED | RESTRICTED */
				effect_status: z.string().optional(),
				/** SALES_WAREHOUSE | RETURN_WAREHOUSE */
				type: z.string().optional(),
				sub_type: z.string().optional(),
				is_default: z.boolean().default(false),
			}),
		)
		.default([]),
});
export type TikTokWarehouse = z.infer<typeof Warehouses>["warehouses"][number];

export function getWarehouses(ctx: CallContext) {
	return sendTikTok(ctx.app, ctx.session, { method: "GET", path: "/logistics/202309/warehouses", schema: Warehouses });
}

/** The default enabled sales warehouse, else the first enabled sales warehouse, else null. */
export function defaultSalesWarehouse(warehouses: TikTokWarehouse[]): TikTokWarehouse | null {
	const sales = warehouses.filter((w) => w.type === "SALES_WAREHOUSE" && (w.effect_status ?? "ENABLED") === "ENABLED");
	return sales.find((w) => w.is_default) ?? sales[0] ?? null;
}
