/** Small formatting helpers shared by the pages. */
import type { PathNode } from "./types";

export const pathText = (path: PathNode[]) => path.map((p) => p.name).join(" › ");

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** "about 2 min left"; null when the rate is unknown. */
export function etaText(seconds: number | null): string | null {
	if (seconds == null) return null;
	if (seconds <= 0) return "finishing";
	if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s left`;
	if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`;
	const hours = seconds / 3600;
	return hours < 48 ? `about ${Math.round(hours)} h left` : `about ${Math.round(hours / 24)} days left`;
}

export const dateTime = (ms: number) => new Date(ms).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
