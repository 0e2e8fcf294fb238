/**
 * The rule builder, in the Shopify smart-collection vocabulary. The column list,
 * each column's relations and its value type all come from RULE_COLUMNS, so a
 * combination the server would refuse cannot be built: changing the column
 * keeps the relation only if the new column allows it, presence relations take
 * no value, and a status is chosen from a list.
 */
import {
	PRESENCE_RELATIONS,
	PRODUCT_STATUSES,
	RELATION_INFO,
	RULE_COLUMN_NAMES,
	RULE_COLUMNS,
	type ColumnSpec,
	type RuleColumn,
	type RuleRelation,
} from "../../../worker/templates/rules/vocabulary";
import { FieldError } from "../../components/field";
import { messageAt } from "../../lib/api";
import type { FieldIssue, RuleRow } from "../../lib/types";

export const RULES_MAX = 20;
const DECIMAL = /^[+-]?(?:\d{1,15}(?:\.\d{0,10})?|\.\d{1,10})$/;

type Props = {
	match: "all" | "any";
	rules: RuleRow[];
	onChange: (next: { match: "all" | "any"; rules: RuleRow[] }) => void;
	issues?: FieldIssue[];
};

const specOf = (column: string): ColumnSpec => RULE_COLUMNS[(column in RULE_COLUMNS ? column : "title") as RuleColumn];
const takesValue = (relation: string) => !PRESENCE_RELATIONS.includes(relation as RuleRelation);

export const newRule = (): RuleRow => ({ column: "product_type", relation: "equals", condition: "" });

/** The problem the merchant can see before saving, or null. */
export function localRuleProblem(rule: RuleRow): string | null {
	if (!takesValue(rule.relation)) return null;
	const value = rule.condition.trim();
	if (!value) return "Enter a value.";
	if (specOf(rule.column).value === "number" && !DECIMAL.test(value)) return "Enter a number such as 19.99.";
	return null;
}

function RuleEditor({
	rule,
	index,
	onChange,
	onRemove,
	error,
}: {
	rule: RuleRow;
	index: number;
	onChange: (r: RuleRow) => void;
	onRemove: () => void;
	error?: string;
}) {
	const spec = specOf(rule.column);
	const id = `rule-${index}`;
	const local = rule.condition !== "" ? localRuleProblem(rule) : null;
	const message = error ?? local ?? undefined;
	const setColumn = (column: string) => {
		const next = specOf(column);
		const relation = (next.relations as readonly string[]).includes(rule.relation) ? rule.relation : next.relations[0];
		// A value typed for another kind of column (text vs number vs status) would not fit: start it over.
		const condition = next.value === spec.value && takesValue(relation) ? rule.condition : "";
		onChange({ column, relation, condition });
	};
	return (
		<li class="rule" aria-label={`Rule ${index + 1}`}>
			<div class="rule-row">
				<select aria-label={`Rule ${index + 1} column`} value={rule.column} onChange={(e) => setColumn(e.currentTarget.value)}>
					{RULE_COLUMN_NAMES.map((c) => (
						<option key={c} value={c}>
							{RULE_COLUMNS[c].label}
						</option>
					))}
				</select>
				<select
					aria-label={`Rule ${index + 1} relation`}
					value={rule.relation}
					onChange={(e) => {
						const relation = e.currentTarget.value;
						onChange({ ...rule, relation, condition: takesValue(relation) ? rule.condition : "" });
					}}
				>
					{spec.relations.map((r) => (
						<option key={r} value={r} title={RELATION_INFO[r].help}>
							{RELATION_INFO[r].label}
						</option>
					))}
				</select>
				{!takesValue(rule.relation) ? (
					<span class="muted rule-novalue">(no value)</span>
				) : spec.value === "status" ? (
					<select
						aria-label={`Rule ${index + 1} value`}
						value={rule.condition}
						onChange={(e) => onChange({ ...rule, condition: e.currentTarget.value })}
						aria-invalid={message ? "true" : undefined}
					>
						<option value="">— Choose —</option>
						{PRODUCT_STATUSES.map((s) => (
							<option key={s} value={s}>
								{s}
							</option>
						))}
					</select>
				) : (
					<input
						type="text"
						aria-label={`Rule ${index + 1} value`}
						inputMode={spec.value === "number" ? "decimal" : undefined}
						placeholder={
							spec.value === "number"
								? spec.unit === "g"
									? "grams"
									: "0.00"
								: spec.value === "category"
									? "e.g. aa-2-14"
									: spec.value === "collection"
										? "collection id"
										: ""
						}
						value={rule.condition}
						aria-invalid={message ? "true" : undefined}
						aria-describedby={message ? `${id}-error` : undefined}
						onInput={(e) => onChange({ ...rule, condition: e.currentTarget.value })}
					/>
				)}
				<button type="button" class="btn btn-plain" aria-label={`Remove rule ${index + 1}`} onClick={onRemove}>
					Remove
				</button>
			</div>
			<p class="hint">{spec.help}</p>
			<FieldError id={id} message={message} />
		</li>
	);
}

export function RuleBuilder({ match, rules, onChange, issues }: Props) {
	const setRule = (i: number, rule: RuleRow) => onChange({ match, rules: rules.map((r, j) => (j === i ? rule : r)) });
	return (
		<div class="rules">
			<fieldset class="inline-choices">
				<legend>Products must match</legend>
				<label class="choice">
					<input type="radio" name="rule-match" checked={match === "all"} onChange={() => onChange({ match: "all", rules })} /> all
					conditions
				</label>
				<label class="choice">
					<input type="radio" name="rule-match" checked={match === "any"} onChange={() => onChange({ match: "any", rules })} /> any
					condition
				</label>
			</fieldset>
			{rules.length === 0 && <p class="muted">No rules yet: add one to select products.</p>}
			<ol class="rule-list">
				{rules.map((rule, i) => (
					<RuleEditor
						key={i}
						rule={rule}
						index={i}
						error={messageAt(issues, `rules.${i}`)}
						onChange={(r) => setRule(i, r)}
						onRemove={() => onChange({ match, rules: rules.filter((_, j) => j !== i) })}
					/>
				))}
			</ol>
			<FieldError id="rules" message={issues?.find((i) => i.path === "rules")?.message} />
			<button
				type="button"
				class="btn btn-secondary"
				disabled={rules.length >= RULES_MAX}
				onClick={() => onChange({ match, rules: [...rules, newRule()] })}
			>
				Add rule
			</button>
		</div>
	);
}
