// Builds the Preact UI from web/ into dist/client, which wrangler serves as static assets.
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

export default defineConfig({
	root: "web",
	plugins: [preact()],
	build: { outDir: "../dist/client", emptyOutDir: true, target: "es2022", sourcemap: true },
	server: { proxy: { "/api": "http://127.0.0.1:8787", "/auth": "http://127.0.0.1:8787" } },
});
