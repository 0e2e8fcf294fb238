/**
 * The HTTP surface: middleware and sub-apps, mounted by prefix. Every prefix here
 * is listed in wrangler.toml `assets.run_worker_first`.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./app-env";
import { createDb } from "./db/client";
import { AppError, errorBody } from "./http/errors";
import { onError } from "./http/on-error";
import { devSession } from "./auth/dev-session";
import { health } from "./routes/health";
import { uiDocument } from "./routes/ui-document";

const app = new Hono<AppEnv>();

app.use(requestId({ headerName: "x-request-id" }));
app.use(async (c, next) => {
	c.set("db", createDb(c.env.DB));
	await next();
});
// The UI is framed by the Shopify admin: no X-Frame-Options; HTML gets a per-shop frame-ancestors CSP (ui-document).
app.use(secureHeaders({ xFrameOptions: false, crossOriginResourcePolicy: false, crossOriginOpenerPolicy: false }));
app.use(
	"/api/*",
	bodyLimit({
		maxSize: 1024 * 1024,
		onError: () => {
			throw new AppError("PAYLOAD_TOO_LARGE", "Request body is larger than 1 MB.");
		},
	}),
);

app.route("/", uiDocument);
app.route("/index.html", uiDocument);
app.route("/auth/dev-session", devSession);

const routes = app.route("/api/health", health);

app.notFound((c) => c.json(errorBody("NOT_FOUND", `No route for ${c.req.method} ${c.req.path}.`, { requestId: c.get("requestId") }), 404));
app.onError(onError);

export type AppType = typeof routes;
export { app };
