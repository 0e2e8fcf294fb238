/** The progress of one sync run as /api/sync/runs returns it. Pure: the UI imports it. */
export type RunProgress = {
	id: string;
	kind: string;
	templateId: string | null;
	status: string;
	total: number;
	counts: Record<string, number>;
	remaining: number;
	etaSeconds: number | null;
	createdAt: number;
};
