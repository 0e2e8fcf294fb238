/**
 * Unique-constraint races answer 409 with the error envelope, never INTERNAL:
 * six concurrent creates of a shop's first template (each sees no default yet
 * and asks to be it; templates_shop_default lets one win) give one 201 and five
 * 409s, and exactly one template (with its rules) is stored.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { seedInstalledShop } from "./support/shopify";
import { api } from "./support/sync";

const SHOP = "hardening-race.myshopify.com";
type Envelope = { error: { code: string; message: string; requestId: string } };

describe("a lost unique-constraint race", () => {
	it("six concurrent first creates: one 201, five 409s with the envelope, one row", async () => {
		await seedInstalledShop(SHOP);
		const body = { name: "Everything", shipping: { weightUnit: "KILOGRAM", backupWeight: 0.5 } };
		const answers = await Promise.all(
			Array.from({ length: 6 }, () => api<Envelope & { id?: string }>(SHOP, "POST", "/api/templates", body)),
		);
		const statuses = answers.map((a) => a.status).sort();
		expect(statuses, JSON.stringify(answers.map((a) => a.body))).toEqual([201, 409, 409, 409, 409, 409]);
		for (const refused of answers.filter((a) => a.status === 409)) {
			expect(refused.body.error).toMatchObject({ code: "CONFLICT", message: expect.any(String), requestId: expect.any(String) });
		}
		const rows = await env.DB.prepare("SELECT id, is_default FROM templates WHERE shop_id = ?")
			.bind(SHOP)
			.all<{ id: string; is_default: number }>();
		expect(rows.results).toEqual([{ id: answers.find((a) => a.status === 201)?.body.id, is_default: 1 }]);
	});
});
