/**
 * The Admin GraphQL client against the Shopify sandbox's error answers. Shopify
 * gives `errors` as a list for GraphQL failures but as one string (or an object)
 * for an unknown shop, a wrong path or a bad request: each must come back as a
 * value the jobs can act on, never as a thrown TypeError that a queue job can
 * only retry as "unexpected error".
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { adminGraphql } from "../worker/shopify/admin/graphql";

const base = (shop: string) => env.SHOPIFY_ADMIN_BASE.replace("{shop}", shop);

describe("Admin GraphQL error answers", () => {
	it("an unknown shop's 404 with errors as a string is 'unavailable', not a crash", async () => {
		const graphql = adminGraphql({ base: base("not a shop"), apiVersion: "2026-01", accessToken: "t" });
		await expect(graphql("{ shop { name } }")).resolves.toEqual({ ok: false, reason: "unavailable", status: 404 });
	});

	it("a wrong API version's 404 is 'unavailable' too", async () => {
		const graphql = adminGraphql({ base: base("graphql-errors.myshopify.com"), apiVersion: "not-a-version", accessToken: "t" });
		await expect(graphql("{ shop { name } }")).resolves.toEqual({ ok: false, reason: "unavailable", status: 404 });
	});
});
