/**
 * Brands every sandbox seller may use: one authorized T1 brand (the doc sample's
 * id) and a few unauthorized non-T1 brands, which TikTok also lets sellers use.
 * @see https://partner.tiktokshop.com/docv2/page/get-brands-202309
 */
export type Brand = {
	id: string;
	name: string;
	authorized_status: "AUTHORIZED" | "UNAUTHORIZED";
	is_t1_brand: boolean;
	brand_status: "AVAILABLE";
};

export const BRANDS: Brand[] = [
	{ id: "7082427311584347905", name: "Teas", authorized_status: "AUTHORIZED", is_t1_brand: true, brand_status: "AVAILABLE" },
	{ id: "7082427311584347921", name: "Northwind Basics", authorized_status: "UNAUTHORIZED", is_t1_brand: false, brand_status: "AVAILABLE" },
	{ id: "7082427311584347937", name: "Harbor & Pine", authorized_status: "UNAUTHORIZED", is_t1_brand: false, brand_status: "AVAILABLE" },
	{ id: "7082427311584347953", name: "Lumen Audio", authorized_status: "UNAUTHORIZED", is_t1_brand: false, brand_status: "AVAILABLE" },
	{ id: "7082427311584347969", name: "Velvet Hue", authorized_status: "UNAUTHORIZED", is_t1_brand: false, brand_status: "AVAILABLE" },
	{ id: "7082427311584347985", name: "Trailhound", authorized_status: "UNAUTHORIZED", is_t1_brand: false, brand_status: "AVAILABLE" },
];
