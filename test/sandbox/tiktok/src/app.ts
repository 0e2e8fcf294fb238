/**
 * The sandbox Worker's routes: OAuth and token calls, the /__sandbox knobs, media
 * URLs, and every other path as a TikTok Shop API call.
 */
import { Hono } from "hono";
import { oauth } from "./auth/oauth.ts";
import type { SandboxEnv } from "./env.ts";
import { handleApi } from "./gateway/api.ts";
import { media } from "./media/serve.ts";
import { sandbox } from "./sandbox/routes.ts";

export const app = new Hono<{ Bindings: SandboxEnv }>();

app.route("/", oauth);
app.route("/__sandbox", sandbox);
app.route("/", media);
app.all("*", handleApi);
