/**
 * One category attribute's input, shaped by TikTok's flags: a select (one value)
 * or checkboxes (is_multiple_selection), a custom value only where
 * is_customizable, free text when TikTok lists no values, or a value read from
 * each product (vendor, product type, a Shopify option, tags with a prefix).
 */
import { useSignal } from "@preact/signals";
import { describedBy, FieldError, type InputProps, Required } from "../../components/field";
import { MultiSelect } from "./attribute-multi";
import { type AttributeState, fixed, fixedOf, type Props } from "./attribute-value";
import type { AttributeValue, CategoryAttribute } from "../../lib/types";

type FromProduct = Extract<AttributeValue, { source: "product" }>;
export type { AttributeState };

const SOURCES = [
	["fixed", "Same value for every product"],
	["vendor", "Each product's vendor"],
	["product_type", "Each product's type"],
	["option", "A Shopify option"],
	["tag_prefix", "Tags with a prefix"],
] as const;
const CUSTOM = "__custom__";
const NUMBER = /^\d+(\.\d+)?$/;

function SingleSelect({ attribute, value, onChange, wiring }: Props & { wiring: InputProps }) {
	const current = fixedOf(value)[0];
	const customMode = useSignal(!!current && "name" in current);
	const showCustom = attribute.is_customizable && (customMode.value || (!!current && "name" in current));
	const selected = showCustom ? CUSTOM : current && "id" in current ? current.id : "";
	const id = wiring.id;
	return (
		<>
			<select
				{...wiring}
				value={selected}
				onChange={(e) => {
					const v = e.currentTarget.value;
					customMode.value = v === CUSTOM;
					onChange(v === CUSTOM || v === "" ? undefined : fixed([{ id: v }]));
				}}
			>
				<option value="">— Not set —</option>
				{(attribute.values ?? []).map((v) => (
					<option key={v.id} value={v.id}>
						{v.name}
					</option>
				))}
				{attribute.is_customizable && <option value={CUSTOM}>Other (type a value)</option>}
			</select>
			{showCustom && (
				<input
					type="text"
					id={`${id}-custom`}
					aria-label={`Custom value for ${attribute.name}`}
					placeholder="Your value"
					value={current && "name" in current ? current.name : ""}
					onInput={(e) => onChange(fixed(e.currentTarget.value.trim() ? [{ name: e.currentTarget.value }] : []))}
				/>
			)}
		</>
	);
}

function FreeText({ attribute, value, onChange, wiring }: Props & { wiring: InputProps }) {
	const current = fixedOf(value)[0];
	const saved = current && "name" in current ? current.name : "";
	const typed = useSignal(saved);
	const text = typed.value;
	const numeric = attribute.value_data_format === "POSITIVE_INT_OR_DECIMAL";
	const bad = numeric && text.trim() !== "" && !(NUMBER.test(text.trim()) && Number(text) > 0);
	return (
		<>
			<input
				{...wiring}
				type="text"
				inputMode={numeric ? "decimal" : undefined}
				value={text}
				onInput={(e) => {
					const next = e.currentTarget.value;
					typed.value = next;
					const ok = next.trim() && (!numeric || (NUMBER.test(next.trim()) && Number(next) > 0));
					onChange(ok ? fixed([{ name: next.trim() }]) : undefined);
				}}
			/>
			{bad && <p class="field-error">Enter a positive number, such as 12 or 2.5.</p>}
		</>
	);
}

function ProductSourceKey({
	attribute,
	value,
	onChange,
}: {
	attribute: CategoryAttribute;
	value: FromProduct;
	onChange: Props["onChange"];
}) {
	if (value.field !== "option" && value.field !== "tag_prefix") return null;
	const label = value.field === "option" ? "Shopify option name" : "Tag prefix";
	const id = `attr-${attribute.id}-key`;
	return (
		<div class="field nested">
			<label for={id}>
				{label} for {attribute.name}
			</label>
			<input
				id={id}
				type="text"
				placeholder={value.field === "option" ? "e.g. Material" : "e.g. material:"}
				value={value.key ?? ""}
				onInput={(e) => onChange({ ...value, key: e.currentTarget.value })}
			/>
			{!value.key?.trim() && (
				<p class="hint">
					{value.field === "option" ? "The option whose values become this attribute." : "Tags such as “material:cotton” give “cotton”."}
				</p>
			)}
		</div>
	);
}

export function AttributeInput(props: Props) {
	const { attribute, value, state, error, onChange } = props;
	const id = `attr-${attribute.id}`;
	const source = value?.source === "product" ? value.field : "fixed";
	const values = attribute.values ?? [];
	const canFix = values.length > 0 || !!attribute.is_customizable;
	const multi = source === "fixed" && values.length > 0 && !!attribute.is_multiple_selection;
	const hint =
		state.disabledReason ?? state.requiredReason ?? (state.uncertain ? "TikTok may require this, depending on other values." : undefined);
	const wiring = {
		id,
		"aria-describedby": describedBy(id, !!hint, !!error),
		"aria-invalid": error ? ("true" as const) : undefined,
		"aria-required": state.required ? ("true" as const) : undefined,
	};
	const disabled = !!state.disabledReason;
	return (
		<div class={`field attribute${error ? " has-error" : ""}${disabled ? " is-disabled" : ""}`} data-attribute-id={attribute.id}>
			{!multi && (
				<label for={id} id={`${id}-label`}>
					{attribute.name}
					{state.required && <Required />}
				</label>
			)}
			<div class="attribute-row">
				{disabled ? (
					<input {...wiring} type="text" disabled value="" placeholder="Stays empty" />
				) : source !== "fixed" ? (
					<output class="muted" id={id}>
						From {SOURCES.find(([s]) => s === source)?.[1].toLowerCase()}
					</output>
				) : multi ? (
					<MultiSelect {...props} />
				) : values.length ? (
					<SingleSelect {...props} wiring={wiring} />
				) : canFix ? (
					<FreeText {...props} wiring={wiring} />
				) : (
					<p class="muted">TikTok lists no values for this attribute.</p>
				)}
				{!disabled && (
					<select
						class="source"
						aria-label={`Value source for ${attribute.name}`}
						value={source}
						onChange={(e) => {
							const next = e.currentTarget.value as (typeof SOURCES)[number][0];
							onChange(
								next === "fixed"
									? undefined
									: { source: "product", field: next, key: next === "option" || next === "tag_prefix" ? "" : undefined },
							);
						}}
					>
						{SOURCES.map(([s, label]) => (
							<option key={s} value={s}>
								{label}
							</option>
						))}
					</select>
				)}
			</div>
			{value?.source === "product" && <ProductSourceKey attribute={attribute} value={value} onChange={onChange} />}
			{hint && (
				<p class="hint" id={`${id}-hint`}>
					{hint}
				</p>
			)}
			<FieldError id={id} message={error} />
		</div>
	);
}
