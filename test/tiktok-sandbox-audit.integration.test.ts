/**
 * The audit after a create: ACTIVATE when clean, FAILED with audit_failed_reasons
 * for banned words, PENDING / PRE_APPROVED / RESTRICTED_CATEGORY_PENDING for an
 * invite-only category in a US shop. Each change is a signed webhook (types 5 and
 * 37, product_id as a bare JSON number) kept in the outbox.
 */
import { describe, expect, it } from "vitest";
import { APP_KEY, APP_SECRET, type Seller, call, knob, newSeller, requiredAttributes, validTShirt } from "./support/tiktok-sandbox-client";
import { hmacSha256Hex } from "./support/tiktok-sign";

type Delivery = {
	seq: number;
	type: number;
	product_id: string;
	url: string | null;
	headers: Record<string, string>;
	body: string;
	delivery: string;
};

async function outbox(seller: Seller): Promise<Delivery[]> {
	return (await knob<{ deliveries: Delivery[] }>("GET", `/sellers/${seller.seller_id}/webhooks`)).body.deliveries;
}

async function create(seller: Seller, overrides: Record<string, unknown> = {}): Promise<string> {
	const res = await call(seller, "POST", "/product/202309/products", { json: await validTShirt(seller, overrides) });
	expect(res.body.code, res.text).toBe(0);
	return res.body.data.product_id;
}

describe("audit", () => {
	it("activates a clean product and sends signed webhooks with a bare-number product_id", async () => {
		const seller = await newSeller();
		await call(seller, "PUT", "/event/202309/webhooks", {
			json: { event_type: "PRODUCT_STATUS_CHANGE", address: "http://127.0.0.1:9/webhooks/tiktok" },
		});
		const productId = await create(seller);
		const got = await call(seller, "GET", `/product/202309/products/${productId}`);
		expect(got.body.data).toMatchObject({ status: "ACTIVATE", audit: { status: "APPROVED" }, product_status: "ACTIVATE" });

		const deliveries = await outbox(seller);
		const statusChange = deliveries.find((d) => d.type === 5 && d.product_id === productId) as Delivery;
		expect(statusChange.url).toBe("http://127.0.0.1:9/webhooks/tiktok");
		expect(statusChange.body).toContain(`"product_id":${productId},`);
		expect(statusChange.body).not.toContain(`"product_id":"`);
		expect(statusChange.headers.authorization).toBe(await hmacSha256Hex(APP_SECRET, APP_KEY + statusChange.body));
		const parsed = JSON.parse(statusChange.body.replace(/"product_id":(\d+)/, '"product_id":"$1"'));
		expect(parsed).toMatchObject({
			type: 5,
			shop_id: seller.shop_id,
			data: { product_id: productId, status: "PRODUCT_FIRST_PASS_REVIEW" },
		});
		expect(parsed.tts_notification_id).toMatch(/^\d{19}$/);
		const audit = deliveries.find((d) => d.type === 37) as Delivery;
		expect(audit.url).toBeNull();
		expect(JSON.parse(audit.body.replace(/"product_id":(\d+)/, '"product_id":"$1"')).data.audit.status).toBe("APPROVED");
	});

	it("fails a listing with a banned word, with reasons and suggestions", async () => {
		const seller = await newSeller();
		const productId = await create(seller, { title: "Replica Designer Logo T-Shirt" });
		const got = await call(seller, "GET", `/product/202309/products/${productId}`);
		expect(got.body.data.status).toBe("FAILED");
		expect(got.body.data.audit_failed_reasons[0]).toMatchObject({
			position: "product",
			reasons: [expect.any(String)],
			suggestions: [expect.any(String)],
		});
		const failure = (await outbox(seller)).find((d) => d.type === 5);
		expect(failure?.body).toContain('"status":"PRODUCT_AUDIT_FAILURE"');
	});

	it("fails exactly the configured share of audits", async () => {
		const seller = await newSeller({ auditFailureRate: 0.5 });
		const ids = [await create(seller), await create(seller), await create(seller), await create(seller)];
		const statuses = await Promise.all(
			ids.map(async (id) => (await call(seller, "GET", `/product/202309/products/${id}`)).body.data.status),
		);
		expect(statuses).toEqual(["ACTIVATE", "FAILED", "ACTIVATE", "FAILED"]);
	});

	it("keeps a product in review until its delay passes or the audit knob runs", async () => {
		const seller = await newSeller({ auditDelayMs: 600_000 });
		const productId = await create(seller);
		expect((await call(seller, "GET", `/product/202309/products/${productId}`)).body.data.status).toBe("PENDING");
		expect(await outbox(seller)).toEqual([]);
		const run = await knob("POST", `/sellers/${seller.seller_id}/audit/run`);
		expect(run.body.processed).toEqual([productId]);
		expect((await call(seller, "GET", `/product/202309/products/${productId}`)).body.data.status).toBe("ACTIVATE");
	});

	it("holds an invite-only product in a US shop as PRE_APPROVED", async () => {
		const seller = await newSeller();
		const body = await validTShirt(seller, { title: "Organic Green Tea 100 Bags", category_id: "916488" });
		delete body.size_chart;
		body.product_attributes = await requiredAttributes(seller, "916488");
		(body.skus as Record<string, unknown>[]).splice(1);
		(body.skus as Record<string, unknown>[])[0].sales_attributes = [];
		const res = await call(seller, "POST", "/product/202309/products", { json: body });
		expect(res.body.code, res.text).toBe(0);
		const got = await call(seller, "GET", `/product/202309/products/${res.body.data.product_id}`);
		expect(got.body.data).toMatchObject({
			status: "PENDING",
			audit: { status: "PRE_APPROVED", pre_approved_reasons: ["RESTRICTED_CATEGORY_PENDING"] },
		});
		const audit = (await outbox(seller)).find((d) => d.type === 37);
		expect(audit?.body).toContain('"pre_approved_reasons":["RESTRICTED_CATEGORY_PENDING"]');

		const gb = await newSeller({ region: "GB" });
		const gbBody = {
			...(await validTShirt(gb)),
			...body,
			category_version: undefined,
			skus: [
				{
					...(body.skus as object[])[0],
					price: { amount: "5", currency: "GBP" },
					inventory: [{ warehouse_id: gb.warehouse_id, quantity: 1 }],
				},
			],
		};
		expect((await call(gb, "POST", "/product/202309/products", { json: gbBody })).body.code).toBe(12052223);
	});
});
