/**
 * One Admin GraphQL request against a store: parse, price every root field, charge
 * the store's bucket (THROTTLED when it cannot pay, MAX_COST_EXCEEDED when no
 * bucket ever could), resolve, refund the unused points, and attach
 * `extensions.cost` to every answer, as Shopify does.
 * @see https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits
 */
import { loadBucket, saveBucket, throttleStatus, type BucketState } from "../store/bucket";
import { isError, MUTATION_FIELDS, QUERY_FIELDS, type FieldContext, type GraphqlError } from "./fields";
import { parseOperation, type Args, type Operation } from "./parse";

export type GraphqlRequest = { query: string; variables: Args };

function costExtension(requested: number, actual: number | null, bucket: BucketState) {
	return { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: throttleStatus(bucket) } };
}

export function executeGraphql(req: GraphqlRequest, base: Omit<FieldContext, "variables" | "withEdges">): unknown {
	const bucket = loadBucket(base.sql, base.nowMs);
	let operation: Operation;
	try {
		operation = parseOperation(req.query, req.variables);
	} catch (error) {
		return {
			errors: [{ message: error instanceof Error ? error.message : String(error), extensions: { code: "PARSE_ERROR" } }],
			extensions: costExtension(0, 0, bucket),
		};
	}
	const ctx: FieldContext = { ...base, variables: req.variables, withEdges: /\bedges\b/.test(req.query) };
	const specs = operation.kind === "mutation" ? MUTATION_FIELDS : QUERY_FIELDS;
	const typeName = operation.kind === "mutation" ? "Mutation" : "QueryRoot";
	const errors: GraphqlError[] = [];
	let requested = 0;
	for (const field of operation.fields) {
		if (field.name === "__typename") continue;
		const spec = specs[field.name];
		if (!spec) {
			errors.push({
				message: `Field '${field.name}' doesn't exist on type '${typeName}'`,
				path: [field.alias],
				extensions: { code: "undefinedField", typeName, fieldName: field.name },
			});
			continue;
		}
		const cost = spec.cost(field, ctx);
		if (isError(cost)) errors.push({ ...cost, path: [field.alias] });
		else requested += cost;
	}
	if (errors.length) return { errors, extensions: costExtension(requested, null, bucket) };
	if (requested > bucket.maxQueryCost) {
		const message = `Query cost is ${requested}, which exceeds the single query max cost limit (${bucket.maxQueryCost}).`;
		return {
			errors: [{ message, extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: bucket.maxQueryCost } }],
			extensions: costExtension(requested, null, bucket),
		};
	}
	if (bucket.available < requested) {
		const documentation = "https://shopify.dev/api/usage/rate-limits";
		return {
			errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation } }],
			extensions: costExtension(requested, null, bucket),
		};
	}
	bucket.available -= requested;
	const data: Record<string, unknown> = {};
	let actual = 0;
	for (const field of operation.fields) {
		if (field.name === "__typename") {
			data[field.alias] = typeName;
			continue;
		}
		const resolved = specs[field.name].run(field, ctx);
		data[field.alias] = resolved.value;
		actual += resolved.actual;
	}
	actual = Math.min(actual, requested);
	bucket.available = Math.min(bucket.maximumAvailable, bucket.available + (requested - actual));
	saveBucket(base.sql, bucket);
	return { data, extensions: costExtension(requested, actual, bucket) };
}
