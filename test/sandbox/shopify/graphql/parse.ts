/**
 * Just enough GraphQL reading for the sandbox: find the operation's root fields
 * (with aliases), their arguments (inline literals or `$variables`) and the raw
 * text of each field's selection set. No schema, no validation of the selection:
 * the sandbox answers every root field with the full documented object, the way
 * the app's queries expect. Nested arguments (e.g. `variants(first: 100)` inside
 * `products`) are read on demand with `nestedArgs`.
 */
export type Args = Record<string, unknown>;
export type RootField = { alias: string; name: string; args: Args; selection: string };
export type Operation = { kind: "query" | "mutation"; fields: RootField[] };

class Reader {
	pos = 0;
	constructor(
		readonly text: string,
		readonly variables: Args,
	) {}

	skip(): void {
		while (this.pos < this.text.length) {
			const ch = this.text[this.pos];
			if (ch === "#") while (this.pos < this.text.length && this.text[this.pos] !== "\n") this.pos++;
			else if (/[\s,]/.test(ch) || ch === "\ufeff") this.pos++;
			else break;
		}
	}

	peek(): string {
		this.skip();
		return this.text[this.pos] ?? "";
	}

	name(): string {
		this.skip();
		const match = /^[_A-Za-z][_0-9A-Za-z]*/.exec(this.text.slice(this.pos));
		if (!match) throw new SyntaxError(`Expected a name at ${this.pos}`);
		this.pos += match[0].length;
		return match[0];
	}

	/** Text between a balanced pair of `{}` or `()`, strings respected; the reader ends after the closer. */
	balanced(open: string, close: string): string {
		this.skip();
		const start = this.pos + 1;
		let depth = 0;
		for (; this.pos < this.text.length; this.pos++) {
			const ch = this.text[this.pos];
			if (ch === '"') this.skipString();
			else if (ch === "#") while (this.pos < this.text.length && this.text[this.pos] !== "\n") this.pos++;
			else if (ch === open) depth++;
			else if (ch === close && --depth === 0) return this.text.slice(start, this.pos++);
		}
		throw new SyntaxError(`Unbalanced ${open}${close}`);
	}

	private skipString(): void {
		if (this.text.startsWith('"""', this.pos)) {
			this.pos = this.text.indexOf('"""', this.pos + 3) + 2;
			return;
		}
		for (this.pos++; this.pos < this.text.length && this.text[this.pos] !== '"'; this.pos++) if (this.text[this.pos] === "\\") this.pos++;
	}

	value(): unknown {
		const ch = this.peek();
		if (ch === "$") {
			this.pos++;
			return this.variables[this.name()] ?? null;
		}
		if (ch === '"') {
			const start = this.pos;
			this.skipString();
			this.pos++;
			const raw = this.text.slice(start, this.pos);
			return raw.startsWith('"""') ? raw.slice(3, -3) : JSON.parse(raw);
		}
		if (ch === "[") {
			this.pos++;
			const items: unknown[] = [];
			while (this.peek() !== "]") items.push(this.value());
			this.pos++;
			return items;
		}
		if (ch === "{") {
			this.pos++;
			const object: Args = {};
			while (this.peek() !== "}") {
				const key = this.name();
				this.expect(":");
				object[key] = this.value();
			}
			this.pos++;
			return object;
		}
		const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
		if (number) {
			this.pos += number[0].length;
			return Number(number[0]);
		}
		const word = this.name();
		return word === "true" ? true : word === "false" ? false : word === "null" ? null : word;
	}

	expect(ch: string): void {
		if (this.peek() !== ch) throw new SyntaxError(`Expected "${ch}" at ${this.pos}`);
		this.pos++;
	}

	args(): Args {
		const args: Args = {};
		this.expect("(");
		while (this.peek() !== ")") {
			const key = this.name();
			this.expect(":");
			args[key] = this.value();
		}
		this.pos++;
		return args;
	}

	directives(): void {
		while (this.peek() === "@") {
			this.pos++;
			this.name();
			if (this.peek() === "(") this.balanced("(", ")");
		}
	}
}

function rootFields(reader: Reader): RootField[] {
	reader.expect("{");
	const fields: RootField[] = [];
	while (reader.peek() !== "}") {
		if (reader.text.startsWith("...", reader.pos)) throw new SyntaxError("Fragments on the root type are not supported by the sandbox");
		const alias = reader.name();
		let name = alias;
		if (reader.peek() === ":") {
			reader.pos++;
			name = reader.name();
		}
		const args = reader.peek() === "(" ? reader.args() : {};
		reader.directives();
		const selection = reader.peek() === "{" ? reader.balanced("{", "}") : "";
		fields.push({ alias, name, args, selection });
	}
	return fields;
}

/** The first operation of the document (fragment definitions are skipped). */
export function parseOperation(query: string, variables: Args = {}): Operation {
	const reader = new Reader(query, variables);
	while (reader.peek()) {
		if (reader.peek() === "{") return { kind: "query", fields: rootFields(reader) };
		const keyword = reader.name();
		if (keyword === "fragment") {
			while (reader.peek() !== "{") reader.pos++;
			reader.balanced("{", "}");
			continue;
		}
		if (keyword !== "query" && keyword !== "mutation") throw new SyntaxError(`Unsupported operation "${keyword}"`);
		if (/[_A-Za-z]/.test(reader.peek())) reader.name();
		if (reader.peek() === "(") reader.balanced("(", ")");
		reader.directives();
		return { kind: keyword, fields: rootFields(reader) };
	}
	throw new SyntaxError("No operation found");
}

/** Arguments of the first `field(...)` inside a selection text, e.g. a product's `variants(first: 100)`. */
export function nestedArgs(selection: string, field: string, variables: Args): Args | null {
	const match = new RegExp(`(?:^|[^_0-9A-Za-z])${field}\\s*\\(`).exec(selection);
	if (!match) return new RegExp(`(?:^|[^_0-9A-Za-z])${field}\\s*\\{`).test(selection) ? {} : null;
	const reader = new Reader(selection, variables);
	reader.pos = match.index + match[0].length - 1;
	return reader.args();
}
