/** The Hono environment shared by every sub-app: bindings plus per-request variables. */
import type { Db } from "./db/client";

export type AppEnv = {
	Bindings: Env;
	Variables: {
		requestId: string;
		db: Db;
		/** The shop from a verified session token; set only by `shopSession()`. */
		shopId: string;
	};
};
