/**
 * The sandbox-wide singleton (`REGISTRY.getByName("registry")`): which stores were
 * created (so POST /__sandbox/reset can wipe them all), and a webhook receiver for
 * tests: `/__sandbox/receiver/{bin}` records every request it gets and answers
 * 500 to the first `failFirst` attempts of each webhook id, which lets a test
 * watch real HTTP deliveries, retries, duplicates and ordering on loopback.
 */
import { DurableObject } from "cloudflare:workers";
import type { SandboxEnv } from "../env";

export type Received = {
	seq: number;
	bin: string;
	webhookId: string | null;
	headers: Record<string, string>;
	body: string;
	status: number;
	receivedAt: string;
};

export class SandboxRegistry extends DurableObject<SandboxEnv> {
	private readonly sql = this.ctx.storage.sql;

	constructor(ctx: DurableObjectState, env: SandboxEnv) {
		super(ctx, env);
		this.sql.exec("CREATE TABLE IF NOT EXISTS stores (shop TEXT PRIMARY KEY, created_at_ms INTEGER NOT NULL)");
		this.sql.exec(`CREATE TABLE IF NOT EXISTS received (seq INTEGER PRIMARY KEY AUTOINCREMENT, bin TEXT NOT NULL, webhook_id TEXT,
			headers TEXT NOT NULL, body TEXT NOT NULL, status INTEGER NOT NULL, received_at_ms INTEGER NOT NULL)`);
	}

	addStore(shop: string): void {
		this.sql.exec("INSERT OR IGNORE INTO stores (shop, created_at_ms) VALUES (?, ?)", shop, Date.now());
	}

	stores(): string[] {
		return this.sql
			.exec<{ shop: string }>("SELECT shop FROM stores ORDER BY shop")
			.toArray()
			.map((r) => r.shop);
	}

	clear(): void {
		this.sql.exec("DELETE FROM stores");
		this.sql.exec("DELETE FROM received");
	}

	receive(bin: string, headers: Record<string, string>, body: string, failFirst: number): number {
		const webhookId = headers["x-shopify-webhook-id"] ?? null;
		const seen = this.sql
			.exec<{ n: number }>("SELECT count(*) AS n FROM received WHERE bin = ? AND webhook_id IS ?", bin, webhookId)
			.one().n;
		const status = seen < failFirst ? 500 : 200;
		this.sql.exec(
			"INSERT INTO received (bin, webhook_id, headers, body, status, received_at_ms) VALUES (?, ?, ?, ?, ?, ?)",
			bin,
			webhookId,
			JSON.stringify(headers),
			body,
			status,
			Date.now(),
		);
		return status;
	}

	received(bin: string): Received[] {
		return this.sql
			.exec<{ seq: number; bin: string; webhook_id: string | null; headers: string; body: string; status: number; received_at_ms: number }>(
				"SELECT * FROM received WHERE bin = ? ORDER BY seq",
				bin,
			)
			.toArray()
			.map((r) => ({
				seq: r.seq,
				bin: r.bin,
				webhookId: r.webhook_id,
				headers: JSON.parse(r.headers),
				body: r.body,
				status: r.status,
				receivedAt: new Date(r.received_at_ms).toISOString(),
			}));
	}
}
