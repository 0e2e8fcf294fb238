/**
 * The products a shop's rules may select: its own, not deleted. `shop_id` comes
 * first so the primary key (shop_id, id) and the shop_id-led indexes serve it.
 */
import { and, eq, isNull, type SQL } from "drizzle-orm";
import { products } from "../../db/schema";

export function liveProducts(shopId: string): SQL {
	return and(eq(products.shopId, shopId), isNull(products.deletedAt)) as SQL;
}
