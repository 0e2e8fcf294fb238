/**
 * What the API answers, as the UI reads it: every response type is inferred
 * from the Worker's routes through the typed client, so a route that changes
 * its answer breaks the UI's build, not the UI. Shared types of pure Worker
 * modules are re-exported as they are.
 */
import type { InferRequestType, InferResponseType } from "hono/client";
import type { FieldIssue } from "../../worker/http/errors";
import type { CategoryAttribute, CategoryRules } from "../../worker/tiktok/category-spec";
import type { Badge } from "../../worker/products/badge";
import type { AttributeValue, Certification, Extra, TemplateConfig } from "../../worker/templates/schema";
import type { Shipping } from "../../worker/templates/shipping/schema";
import type { api } from "./api";

export type { AttributeValue, Badge, CategoryAttribute, CategoryRules, Certification, Extra, FieldIssue, Shipping };

type Api = typeof api;
type Answer<Endpoint> = InferResponseType<Endpoint>;

export type TemplateConfigValue = TemplateConfig;
export type TemplateView = Answer<Api["templates"][":id"]["$get"]>;
export type CategoryNodeView = Answer<Api["categories"]["$get"]>["categories"][number];
export type PathNode = CategoryNodeView["path"][number];
export type CategoryDetail = Answer<Api["categories"][":id"]["$get"]>;
export type StoreRecommendation = Answer<Api["categories"]["store-recommendation"]["$get"]>["recommendations"][number];
export type ProductRow = Answer<Api["products"]["$get"]>["products"][number];
export type ProductError = NonNullable<ProductRow["error"]>;
export type Preview = Answer<Api["templates"]["preview"]["$post"]>;
export type PreviewProduct = Preview["products"][number];
export type Readiness = Answer<Api["templates"][":id"]["readiness"]["$get"]>;
export type ReadinessGroup = Readiness["groups"][number];
export type RunsResponse = Answer<Api["sync"]["runs"]["$get"]>;
export type SyncRun = RunsResponse["runs"][number];
export type Settings = Answer<Api["settings"]["$get"]>;
export type ImportStatus = NonNullable<Answer<Api["import"]["$get"]>["import"]>;

/** A rule as the editor holds it: the request's rule with the condition as typed. */
export type RuleRow = Pick<InferRequestType<Api["templates"]["preview"]["$post"]>["json"]["rules"][number], "column" | "relation"> & {
	condition: string;
};
