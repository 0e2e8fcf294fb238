/** A multi-select attribute: TikTok's values as checkboxes, plus custom values where the attribute allows them. */
import { useSignal } from "@preact/signals";
import { describedBy, Required } from "../../components/field";
import { fixed, fixedOf, type Props } from "./attribute-value";

export function MultiSelect({ attribute, value, onChange, error, state }: Props) {
	const values = fixedOf(value);
	const ids = new Set(values.flatMap((v) => ("id" in v ? [v.id] : [])));
	const customs = values.flatMap((v) => ("name" in v ? [v.name] : []));
	const draft = useSignal("");
	const id = `attr-${attribute.id}`;
	const toggle = (valueId: string, on: boolean) =>
		onChange(fixed(on ? [...values, { id: valueId }] : values.filter((v) => !("id" in v) || v.id !== valueId)));
	const add = () => {
		const name = draft.value.trim();
		if (!name || customs.includes(name)) return;
		onChange(fixed([...values, { name }]));
		draft.value = "";
	};
	return (
		<fieldset
			class="multi"
			aria-describedby={describedBy(id, !!(state.requiredReason || state.uncertain), !!error)}
			aria-invalid={error ? "true" : undefined}
		>
			<legend id={`${id}-label`}>
				{attribute.name}
				{state.required && <Required />}
			</legend>
			<div class="checks">
				{(attribute.values ?? []).map((v) => (
					<label key={v.id} class="check">
						<input type="checkbox" checked={ids.has(v.id)} onChange={(e) => toggle(v.id, e.currentTarget.checked)} /> {v.name}
					</label>
				))}
			</div>
			{customs.length > 0 && (
				<ul class="chips" aria-label={`Custom values for ${attribute.name}`}>
					{customs.map((name) => (
						<li key={name}>
							{name}{" "}
							<button
								type="button"
								class="chip-remove"
								aria-label={`Remove ${name}`}
								onClick={() => onChange(fixed(values.filter((v) => !("name" in v) || v.name !== name)))}
							>
								×
							</button>
						</li>
					))}
				</ul>
			)}
			{attribute.is_customizable && (
				<div class="inline">
					<input
						type="text"
						aria-label={`Custom value for ${attribute.name}`}
						placeholder="Another value"
						value={draft.value}
						onInput={(e) => (draft.value = e.currentTarget.value)}
						onKeyDown={(e) => {
							if (e.key === "Enter") {
								e.preventDefault();
								add();
							}
						}}
					/>
					<button type="button" class="btn btn-secondary" onClick={add} disabled={!draft.value.trim()}>
						Add
					</button>
				</div>
			)}
		</fieldset>
	);
}
