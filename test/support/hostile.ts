/**
 * Hostile inputs for the /api sweep: for a route and a valid example of its
 * body and query, every variant a careless or malicious client could send —
 * malformed JSON, wrong types, oversized strings, negative/huge/tiny numbers,
 * prototype keys, bad path ids, bad query values, wrong content types.
 */
export type HostileRequest = { label: string; method: string; path: string; body?: string | FormData; contentType?: string | null };

const LONG = "x".repeat(100_000);
const ODD_VALUES: unknown[] = [null, 0, -1, 1e308, 1e-7, -0.5, "x", "", LONG, true, [], {}, [null], { __proto__: null, polluted: 1 }];
const RAW_BODIES = [
	"",
	"{",
	"[1,",
	"null",
	"[]",
	'"x"',
	"123",
	"true",
	"NaN",
	'{"a":Infinity}',
	'{"a":1,}',
	"\u0000",
	"[".repeat(5000) + "]".repeat(5000),
	`{"name":"${"y".repeat(1_200_000)}"}`,
];
const PROTO_BODIES = ['{"__proto__":{"isDefault":true,"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}'];
export const ODD_QUERY = ["-1", "0", "100", "200", "1e309", "NaN", "abc", "", "9".repeat(400), LONG.slice(0, 8000), "%00", "[]"];
export const ODD_IDS = [
	"00000000-0000-4000-8000-000000000000",
	"not-a-uuid",
	"x".repeat(3000),
	"%2e%2e%2f%2e%2e",
	"-1",
	"1e309",
	"%00",
	"99999999999999999999999",
];

/** Each top-level key (and each key of a nested object) replaced by each odd value, then prototype keys mixed in. */
function bodyMutations(valid: Record<string, unknown>): [string, string][] {
	const out: [string, string][] = [];
	for (const [key, value] of Object.entries(valid)) {
		for (const odd of ODD_VALUES) out.push([`${key}=${JSON.stringify(odd).slice(0, 20)}`, JSON.stringify({ ...valid, [key]: odd })]);
		if (value && typeof value === "object" && !Array.isArray(value)) {
			for (const [inner] of Object.entries(value)) {
				for (const odd of ODD_VALUES)
					out.push([
						`${key}.${inner}=${JSON.stringify(odd).slice(0, 20)}`,
						JSON.stringify({ ...valid, [key]: { ...value, [inner]: odd } }),
					]);
			}
		}
		if (Array.isArray(value)) {
			// Up to and past the usual maxima (100, 250), with distinct ids where the list is of numeric ids.
			for (const length of [100, 250, 5000]) {
				const items = Array.from({ length }, (_, i) =>
					typeof value[0] === "string" && /^\d+$/.test(value[0]) ? String(BigInt(value[0]) + BigInt(i)) : (value[0] ?? "x"),
				);
				out.push([`${key}=${length} items`, JSON.stringify({ ...valid, [key]: items })]);
			}
		}
	}
	const json = JSON.stringify(valid);
	for (const proto of PROTO_BODIES)
		out.push([`prototype ${proto.slice(2, 13)}`, `${json.slice(0, -1)}${json.length > 2 ? "," : ""}${proto.slice(1)}`]);
	out.push(["unknown key", JSON.stringify({ ...valid, unexpected: LONG })]);
	return out;
}

export function hostileBodies(method: string, path: string, valid: Record<string, unknown>): HostileRequest[] {
	const requests: HostileRequest[] = RAW_BODIES.map((body) => ({ label: `raw ${JSON.stringify(body.slice(0, 12))}`, method, path, body }));
	for (const [label, body] of bodyMutations(valid)) requests.push({ label, method, path, body });
	const json = JSON.stringify(valid);
	requests.push(
		{ label: "text/plain", method, path, body: json, contentType: "text/plain" },
		{ label: "no content-type", method, path, body: json, contentType: null },
	);
	const form = new FormData();
	form.set("file", "not a file");
	requests.push({ label: "multipart", method, path, body: form, contentType: null });
	return requests;
}

export function hostileQueries(method: string, path: string, params: string[]): HostileRequest[] {
	const requests: HostileRequest[] = [];
	for (const param of [...params, "__proto__", "constructor"]) {
		for (const value of ODD_QUERY)
			requests.push({ label: `?${param}=${value.slice(0, 12)}`, method, path: `${path}?${param}=${encodeURIComponent(value)}` });
	}
	if (params[0]) requests.push({ label: "repeated", method, path: `${path}?${params[0]}=1&${params[0]}=2` });
	requests.push({ label: "raw %", method, path: `${path}?${params[0] ?? "q"}=%E0%A4%A` });
	return requests;
}

export function hostileIds(method: string, template: string, body?: Record<string, unknown>): HostileRequest[] {
	return ODD_IDS.map((id) => ({
		label: `id ${id.slice(0, 12)}`,
		method,
		path: template.replace(":id", id),
		body: body ? JSON.stringify(body) : undefined,
	}));
}
