/** A button that disables itself and says so while its request runs. */
import type { ComponentChildren, JSX } from "preact";

type Props = Omit<JSX.ButtonHTMLAttributes<HTMLButtonElement>, "class"> & {
	busy?: boolean;
	/** What the button says while busy, e.g. "Saving…". */
	busyLabel?: string;
	variant?: "primary" | "secondary" | "plain" | "critical";
	children: ComponentChildren;
};

export function Button({ busy = false, busyLabel, variant = "secondary", disabled, children, type = "button", ...rest }: Props) {
	return (
		<button {...rest} type={type} class={`btn btn-${variant}`} disabled={disabled || busy} aria-busy={busy ? "true" : undefined}>
			{busy && <span class="spinner" aria-hidden="true" />}
			{busy && busyLabel ? busyLabel : children}
		</button>
	);
}
