/**
 * The HTTP surface: middleware and sub-apps, mounted by prefix. Every request
 * reaches the Worker first (wrangler.toml `assets.run_worker_first = true`).
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./app-env";
import { createDb } from "./db/client";
import { AppError } from "./http/errors";
import { onError } from "./http/on-error";
import { devSession } from "./auth/dev-session";
import { health } from "./routes/health";
import { notFoundOrDocument, uiDocument } from "./routes/ui-document";
import { shopifyOAuth } from "./shopify/auth/oauth-routes";
import { sessionApi } from "./shopify/auth/session-route";
import { importApi } from "./shopify/import/routes";
import { shopifyWebhooks } from "./shopify/webhooks/route";
import { tiktokConnectApi, tiktokOAuthCallback } from "./tiktok/connect-routes";
import { categoryRoutes } from "./categories/routes";
import { productRoutes } from "./products/routes";
import { openapi } from "./routes/openapi";
import { settingsRoutes, syncRoutes } from "./sync/routes";
import { tiktokWebhooks } from "./sync/webhooks/tiktok-route";
import { templateRoutes } from "./templates/api/routes";
import { templateSyncRoutes } from "./sync/template-routes";
import { linkingRoutes } from "./sync/linking/routes";
import { uploadRoutes } from "./uploads/routes";

const app = new Hono<AppEnv>();

app.use(requestId({ headerName: "x-request-id" }));
app.use(async (c, next) => {
	c.set("db", createDb(c.env.DB));
	await next();
});
// The UI is framed by the Shopify admin: no X-Frame-Options; HTML gets a per-shop frame-ancestors CSP (ui-document).
app.use(secureHeaders({ xFrameOptions: false, crossOriginResourcePolicy: false, crossOriginOpenerPolicy: false }));
const limit = (maxSize: number, label: string) =>
	bodyLimit({
		maxSize,
		onError: () => {
			throw new AppError("PAYLOAD_TOO_LARGE", `Request body is larger than ${label}.`);
		},
	});
// Uploads carry certificates (PDF up to 20 MB); every other API body is small JSON.
app.use("/api/uploads/*", limit(21 * 1024 * 1024, "20 MB"));
app.use("/api/*", async (c, next) => (c.req.path.startsWith("/api/uploads/") ? next() : limit(1024 * 1024, "1 MB")(c, next)));

app.route("/", uiDocument);
app.route("/index.html", uiDocument);
app.route("/auth/dev-session", devSession);
app.route("/webhooks/shopify", shopifyWebhooks);
app.route("/auth", shopifyOAuth);
app.route("/auth/tiktok", tiktokOAuthCallback);
app.route("/webhooks/tiktok", tiktokWebhooks);

const routes = app
	.route("/api/health", health)
	.route("/api/session", sessionApi)
	.route("/api/import", importApi)
	.route("/api/tiktok", tiktokConnectApi)
	.route("/api/categories", categoryRoutes)
	.route("/api/templates", templateSyncRoutes)
	.route("/api/templates", templateRoutes)
	.route("/api/products", productRoutes)
	.route("/api/linking", linkingRoutes)
	.route("/api/sync", syncRoutes)
	.route("/api/settings", settingsRoutes)
	.route("/api/uploads", uploadRoutes);

app.get("/api/openapi.json", openapi(app));
// run_worker_first = true: whatever no route takes is the UI (document or static file) or a JSON 404.
app.notFound(notFoundOrDocument);
app.onError(onError);

export type AppType = typeof routes;
export { app };
