/**
 * What the API answers, as the UI reads it. Only type imports from the Worker's
 * pure modules (no zod or drizzle reaches the bundle); the route files under
 * worker/ are the contract these mirror.
 */
import type { FieldIssue } from "../../worker/http/errors";
import type { CategoryAttribute, CategoryRules } from "../../worker/listing/category-spec";
import type { Badge } from "../../worker/products/badge";
import type { AttributeValue, Certification, Extra } from "../../worker/templates/schema";
import type { Shipping } from "../../worker/templates/shipping/schema";

export type { AttributeValue, Badge, CategoryAttribute, CategoryRules, Certification, Extra, FieldIssue, Shipping };

export type PathNode = { id: string; name: string };

export type CategoryNodeView = {
	id: string;
	name: string;
	isLeaf: boolean;
	permissionStatuses: string[];
	inviteOnly: boolean;
	applyUrl: string | null;
	selectable: boolean;
	path: PathNode[];
};

export type CategoryDetail = {
	id: string;
	version: string;
	path: PathNode[];
	isLeaf: boolean;
	permissionStatuses: string[];
	attributes: CategoryAttribute[];
	rules: CategoryRules;
	inviteOnly: boolean;
	applyUrl: string | null;
};

export type TemplateConfigValue = {
	attributes: Record<string, AttributeValue>;
	certifications: Certification[];
	shipping: Shipping;
	extra: Extra;
};

export type RuleRow = { column: string; relation: string; condition: string };

export type TemplateView = TemplateConfigValue & {
	id: string;
	name: string;
	isDefault: boolean;
	isActive: boolean;
	priority: number;
	version: number;
	match: "all" | "any";
	rules: RuleRow[];
	ruleIssues: FieldIssue[];
	category: { id: string; path: PathNode[]; version: string; permissionStatuses: string[]; inviteOnly: boolean; applyUrl: string | null } | null;
	productCount: number | null;
	updatedAt: number;
};

export type ProductError = { code: string; message: string | null; fix: string | null; requestId: string | null };

export type ProductRow = {
	id: string;
	title: string;
	vendor: string | null;
	productType: string | null;
	status: string;
	imageSrc: string | null;
	variantCount: number;
	badge: Badge;
	claimedBy: { id: string; name: string; isActive: boolean } | null;
	syncedWith: { id: string; name: string | null; version: number | null } | null;
	tiktokProductId: string | null;
	error: ProductError | null;
	reviewReasons: unknown;
};

export type PreviewProduct = { id: string; title: string; vendor: string | null; productType: string | null; imageSrc: string | null; status: string };
export type Preview = { total: number; products: PreviewProduct[]; nextCursor: string | null };

export type { Readiness, ReadinessGroup } from "../../worker/templates/readiness-report";

export type { RunProgress as SyncRun } from "../../worker/sync/run-progress";
import type { RunProgress as SyncRun } from "../../worker/sync/run-progress";
export type RunsResponse = { runs: SyncRun[]; writeRate: number; quotaPaused: boolean };

export type Settings = {
	shop: string;
	region: string | null;
	tiktokConnected: boolean;
	tiktokShopName: string | null;
	unitSystem: "metric" | "imperial";
	pushContentEdits: boolean;
	quota: { daily: number; usedToday: number; pausedUntil: number | null };
};

export type StoreRecommendation = { productType: string | null; products: number; categoryId: string; path: PathNode[] };

export type ImportStatus = { id: string; status: "running" | "done" | "failed"; imported: number; total: number | null; error: string | null };
