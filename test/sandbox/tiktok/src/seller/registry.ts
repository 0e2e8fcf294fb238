/**
 * The list of provisioned sellers (a single object), so POST /__sandbox/reset can
 * wipe every seller's object. Seller state itself never lives here.
 */
import { DurableObject } from "cloudflare:workers";
import type { SandboxEnv } from "../env.ts";

export class SandboxRegistry extends DurableObject<SandboxEnv> {
	private readonly sql = this.ctx.storage.sql;

	constructor(ctx: DurableObjectState, env: SandboxEnv) {
		super(ctx, env);
		this.sql.exec("CREATE TABLE IF NOT EXISTS sellers (seller_id TEXT PRIMARY KEY, created_at INTEGER NOT NULL)");
	}

	async add(sellerId: string): Promise<void> {
		this.sql.exec("INSERT INTO sellers (seller_id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING", sellerId, Date.now());
	}

	async list(): Promise<string[]> {
		return this.sql
			.exec<{ seller_id: string }>("SELECT seller_id FROM sellers ORDER BY created_at")
			.toArray()
			.map((r) => r.seller_id);
	}

	async remove(sellerId: string): Promise<void> {
		this.sql.exec("DELETE FROM sellers WHERE seller_id = ?", sellerId);
	}

	async clear(): Promise<void> {
		this.sql.exec("DELETE FROM sellers");
	}
}

export const registry = (env: SandboxEnv) => env.REGISTRY.getByName("registry");
