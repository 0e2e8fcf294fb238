/**
 * A labelled form field: the label (with a red asterisk when required), an
 * optional hint and the error line, all wired to the input through ids so a
 * screen reader reads them with it.
 */
import type { ComponentChildren, JSX } from "preact";

export type InputProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: "true"; "aria-required"?: "true" };

type Props = {
	id: string;
	label: ComponentChildren;
	required?: boolean;
	hint?: ComponentChildren;
	error?: string;
	/** Renders the input with the wiring props. */
	children: (props: InputProps) => JSX.Element;
};

export function Required() {
	return (
		<span class="required" title="Required">
			{" *"}
			<span class="visually-hidden"> (required)</span>
		</span>
	);
}

export function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
	return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
}

export function FieldError({ id, message }: { id: string; message?: string }) {
	if (!message) return null;
	return (
		<p class="field-error" id={`${id}-error`}>
			{message}
		</p>
	);
}

export function Field({ id, label, required, hint, error, children }: Props) {
	return (
		<div class={`field${error ? " has-error" : ""}`}>
			<label for={id}>
				{label}
				{required && <Required />}
			</label>
			{children({
				id,
				"aria-describedby": describedBy(id, !!hint, !!error),
				"aria-invalid": error ? "true" : undefined,
				"aria-required": required ? "true" : undefined,
			})}
			{hint && (
				<p class="hint" id={`${id}-hint`}>
					{hint}
				</p>
			)}
			<FieldError id={id} message={error} />
		</div>
	);
}
