/**
 * npm run bench: every performance figure, each printed beside its reference in
 * the same run. Sandboxes and the app run under `wrangler dev` on loopback with
 * fresh local state; nothing leaves the machine.
 */
import { benchLinking } from "./bench/linking.ts";
import { benchPreview } from "./bench/preview.ts";
import { benchFairness, benchSyncThroughput } from "./bench/sync-throughput.ts";
import { benchWebhookIngestOnFreshStack } from "./bench/webhook-ingest.ts";

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);

if (wanted("preview")) await benchPreview();
if (wanted("webhooks")) await benchWebhookIngestOnFreshStack();
if (wanted("sync")) await benchSyncThroughput();
if (wanted("fairness")) await benchFairness();
if (wanted("linking")) await benchLinking();
