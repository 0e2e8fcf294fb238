/**
 * The baseline for the webhook ingest benchmark: a Worker that reads the request
 * body (as the app's webhook route must) and answers 200, nothing else. Run with
 * `wrangler dev -c scripts/bench/bare-wrangler.toml`.
 */
export default {
	async fetch(request: Request): Promise<Response> {
		await request.arrayBuffer();
		return new Response(null, { status: 200 });
	},
};
