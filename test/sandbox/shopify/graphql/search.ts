/**
 * Shopify search syntax for `products(query:)`, compiled to a SQL condition on the
 * products table: `field:value`, comparators (`:>`, `:>=`, `:<`, `:<=`), quoted
 * values, `*` prefix wildcards, `-field:` and `NOT`, implicit or explicit `AND`,
 * `OR` and parentheses. Supported fields: updated_at, created_at, id, status,
 * product_type, vendor, title, handle, tag, sku, category_id, collection_id,
 * gift_card; unknown fields are ignored (as Shopify does, with a warning); bare
 * words match title, type, vendor or tags.
 * @see https://shopify.dev/docs/api/usage/search-syntax
 */
export type SqlCondition = { where: string; params: (string | number)[] };

type Token =
	| { kind: "(" | ")" | "OR" | "AND" | "NOT" }
	| { kind: "term"; negated: boolean; field: string | null; op: string; value: string };

const TRUE: SqlCondition = { where: "1", params: [] };

function tokenize(query: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	const readValue = (): string => {
		const quote = query[i];
		if (quote === "'" || quote === '"') {
			const end = query.indexOf(quote, i + 1);
			const value = query.slice(i + 1, end < 0 ? undefined : end);
			i = end < 0 ? query.length : end + 1;
			return value;
		}
		const start = i;
		while (i < query.length && !/[\s()]/.test(query[i])) i++;
		return query.slice(start, i);
	};
	while (i < query.length) {
		const ch = query[i];
		if (/\s/.test(ch)) {
			i++;
			continue;
		}
		if (ch === "(" || ch === ")") {
			tokens.push({ kind: ch });
			i++;
			continue;
		}
		const negated = ch === "-";
		if (negated) i++;
		const word = /^[A-Za-z_][A-Za-z0-9_.]*:/.exec(query.slice(i));
		if (word) {
			i += word[0].length;
			const op = /^(>=|<=|>|<)/.exec(query.slice(i))?.[0] ?? "";
			i += op.length;
			tokens.push({ kind: "term", negated, field: word[0].slice(0, -1).toLowerCase(), op, value: readValue() });
			continue;
		}
		const value = readValue();
		if (!negated && (value === "OR" || value === "AND" || value === "NOT")) tokens.push({ kind: value });
		else if (value) tokens.push({ kind: "term", negated, field: null, op: "", value });
	}
	return tokens;
}

const SQL_OPS: Record<string, string> = { "": "=", ">": ">", ">=": ">=", "<": "<", "<=": "<=" };
const listHas = (column: string, value: string): SqlCondition => ({
	where: `instr(${column}, ?) > 0`,
	params: [`|${value.toLowerCase()}|`],
});

function textMatch(column: string, value: string, exact: boolean): SqlCondition {
	if (value.endsWith("*")) return { where: `${column} LIKE ?`, params: [`${value.slice(0, -1)}%`] };
	return exact ? { where: `${column} = ? COLLATE NOCASE`, params: [value] } : { where: `${column} LIKE ?`, params: [`%${value}%`] };
}

function dateCondition(column: string, op: string, value: string): SqlCondition {
	const ms = Date.parse(value);
	if (!Number.isFinite(ms)) return { where: "0", params: [] };
	if (op === "" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return { where: `(${column} >= ? AND ${column} < ?)`, params: [ms, ms + 86_400_000] };
	return { where: `${column} ${SQL_OPS[op]} ?`, params: [ms] };
}

function termCondition(field: string | null, op: string, value: string): SqlCondition {
	switch (field) {
		case null:
			return {
				where: "(title LIKE ? OR product_type LIKE ? OR vendor LIKE ? OR tags LIKE ?)",
				params: Array(4).fill(`%${value.replace(/\*$/, "")}%`),
			};
		case "updated_at":
		case "created_at":
			return dateCondition(`${field}_ms`, op, value);
		case "id":
		case "product_id":
			return { where: `id ${SQL_OPS[op]} ?`, params: [Number(value.replace(/^gid:\/\/shopify\/Product\//, ""))] };
		case "status": {
			const statuses = value.split(",").map((s) => s.trim().toUpperCase());
			return { where: `status IN (${statuses.map(() => "?").join(",")})`, params: statuses };
		}
		case "product_type":
		case "vendor":
		case "handle":
			return textMatch(field, value, true);
		case "title":
			return textMatch("title", value, false);
		case "tag":
			return listHas("tags", value);
		case "sku":
			return listHas("skus", value);
		case "category_id":
			return { where: "category_id = ?", params: [value.replace(/^gid:\/\/shopify\/TaxonomyCategory\//, "")] };
		case "collection_id":
			return listHas("collection_ids", value.replace(/^gid:\/\/shopify\/Collection\//, ""));
		case "gift_card":
			return value === "true" ? { where: "0", params: [] } : TRUE;
		default:
			return TRUE;
	}
}

function combine(parts: SqlCondition[], joiner: "AND" | "OR"): SqlCondition {
	if (parts.length === 1) return parts[0];
	return { where: `(${parts.map((p) => p.where).join(` ${joiner} `)})`, params: parts.flatMap((p) => p.params) };
}

export function compileProductQuery(query: string | null | undefined): SqlCondition {
	const tokens = tokenize(query ?? "");
	let pos = 0;
	const parseUnary = (): SqlCondition | null => {
		const token = tokens[pos];
		if (!token) return null;
		if (token.kind === "NOT") {
			pos++;
			const inner = parseUnary();
			return inner ? { where: `NOT (${inner.where})`, params: inner.params } : null;
		}
		if (token.kind === "(") {
			pos++;
			const inner = parseOr();
			if (tokens[pos]?.kind === ")") pos++;
			return inner;
		}
		if (token.kind !== "term") return null;
		pos++;
		const condition = termCondition(token.field, token.op, token.value);
		return token.negated ? { where: `NOT (${condition.where})`, params: condition.params } : condition;
	};
	const parseAnd = (): SqlCondition => {
		const parts: SqlCondition[] = [];
		while (pos < tokens.length && tokens[pos].kind !== "OR" && tokens[pos].kind !== ")") {
			if (tokens[pos].kind === "AND") {
				pos++;
				continue;
			}
			const part = parseUnary();
			if (part) parts.push(part);
			else pos++;
		}
		return parts.length ? combine(parts, "AND") : TRUE;
	};
	const parseOr = (): SqlCondition => {
		const parts = [parseAnd()];
		while (tokens[pos]?.kind === "OR") {
			pos++;
			parts.push(parseAnd());
		}
		return combine(parts, "OR");
	};
	return tokens.length ? parseOr() : TRUE;
}
