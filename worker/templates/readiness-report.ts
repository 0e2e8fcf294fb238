/** The readiness report as /api/templates/:id/readiness returns it. Pure: the UI imports it. */
import type { ProblemCode } from "../listing/problems";

export type ReadinessGroup = {
	code: ProblemCode;
	count: number;
	summary: string;
	fix: string;
	field?: string;
	products: { id: string; title: string }[];
};
export type DryRun = { productId: string; title: string; passed: boolean; failReasons: { code: string; message: string }[] };
export type Readiness = {
	total: number;
	checked: number;
	passing: number;
	failing: number;
	groups: ReadinessGroup[];
	dryRun: DryRun[];
	dryRunError: string | null;
};
