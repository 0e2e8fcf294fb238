/**
 * POST /api/session, behind `shopSession()` (the session token is verified before
 * anything is exchanged): called by the UI on load and by `npm start` for the
 * demo shop. Installs the shop on first call (token exchange, shop details,
 * webhooks, catalogue import); afterwards it changes nothing. `?force=1` redoes
 * the install. Answers `{ shop, installed: true, importId }`.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../app-env";
import { doc } from "../../http/doc";
import { shopSession } from "../../auth/shop-session";
import { AppError } from "../../http/errors";
import { validate } from "../../http/validate";
import { installShop } from "./install";

const Query = z.object({ force: z.enum(["1", "true", "0", "false"]).optional() });

const bearer = (header: string | undefined) => (header?.startsWith("Bearer ") ? header.slice(7).trim() : "");

export const sessionApi = new Hono<AppEnv>().post(
	"/",
	doc("Install or refresh the shop (token exchange) and start the catalogue import"),
	shopSession(),
	validate("query", Query),
	async (c) => {
		const force = ["1", "true"].includes(c.req.valid("query").force ?? "");
		const result = await installShop(c.env, c.var.db, c.var.shopId, bearer(c.req.header("authorization")), { force });
		if (!result.ok) throw new AppError(result.code === "session_refused" ? "UNAUTHORIZED" : "UPSTREAM", result.message);
		return c.json({ shop: c.var.shopId, installed: true as const, importId: result.importId });
	},
);
