/**
 * Shopify images -> TikTok-hosted images, each distinct source uploaded once
 * per use case and reused (image_cache). Uploads go through the shop's write
 * budget like any other TikTok write (the caller passes the paced port).
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { imageCache } from "../db/schema";
import type { ImageUseCase } from "../listing";
import type { HostedImage, PortFailure, TikTokPort } from "../tiktok";

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export type HostedImages = Map<string, HostedImage>;
const key = (src: string, useCase: ImageUseCase) => `${useCase} ${src}`;

export async function cachedImages(db: Db, shopId: string, sources: { src: string; useCase: ImageUseCase }[]): Promise<HostedImages> {
	const found: HostedImages = new Map();
	const urls = [...new Set(sources.map((s) => s.src))];
	// ≤ 90 sources per statement keeps the query under D1's 100 bound parameters.
	for (let i = 0; i < urls.length; i += 90) {
		const rows = await db
			.select()
			.from(imageCache)
			.where(and(eq(imageCache.shopId, shopId), inArray(imageCache.sourceUrl, urls.slice(i, i + 90))));
		for (const row of rows)
			found.set(`${row.useCase} ${row.sourceUrl}`, { uri: row.uri, url: row.url ?? "", width: row.width ?? 0, height: row.height ?? 0 });
	}
	return found;
}

export type UploadOutcome = { ok: true; hosted: HostedImages } | { ok: false; failure: PortFailure };

/**
 * Uploads what the cache lacks. A source that cannot be downloaded or that TikTok
 * refuses is skipped (the listing builder then reports missing images); rate
 * limits and transient failures stop the upload so the job can retry.
 */
export async function hostImages(
	db: Db,
	shopId: string,
	sources: { src: string; useCase: ImageUseCase }[],
	port: Pick<TikTokPort, "uploadImage">,
): Promise<UploadOutcome> {
	const hosted = await cachedImages(db, shopId, sources);
	for (const { src, useCase } of sources) {
		if (hosted.has(key(src, useCase))) continue;
		const download = await fetch(src, { signal: AbortSignal.timeout(15_000) }).catch(() => null);
		if (!download?.ok) continue;
		const bytes = await download.arrayBuffer();
		if (bytes.byteLength === 0 || bytes.byteLength > MAX_IMAGE_BYTES) continue;
		const name = new URL(src).pathname.split("/").pop() || "image.jpg";
		const uploaded = await port.uploadImage(bytes, name, useCase);
		if (!uploaded.ok) {
			if (uploaded.failure.kind === "permanent") continue;
			return { ok: false, failure: uploaded.failure };
		}
		hosted.set(key(src, useCase), uploaded.value);
		await db
			.insert(imageCache)
			.values({
				shopId,
				sourceUrl: src,
				useCase,
				uri: uploaded.value.uri,
				url: uploaded.value.url,
				width: uploaded.value.width,
				height: uploaded.value.height,
				createdAt: Date.now(),
			})
			.onConflictDoNothing();
	}
	return { ok: true, hosted };
}

export const hostedLookup = (hosted: HostedImages) => (src: string, useCase: ImageUseCase) => hosted.get(key(src, useCase));
