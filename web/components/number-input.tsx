/**
 * A decimal input that keeps what the merchant typed ("1.2500", "2.") while
 * reporting the number, so validation can speak about decimals and the cursor
 * never jumps. Text that is not a number reports NaN, which validators refuse.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { JSX } from "preact";

type Props = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "onInput" | "type"> & {
	value: number | null;
	onValue: (value: number | null) => void;
};

const parse = (text: string): number | null =>
	text.trim() === "" ? null : /^\s*-?\d*\.?\d*\s*$/.test(text) && /\d/.test(text) ? Number(text) : Number.NaN;

export function NumberInput({ value, onValue, ...rest }: Props) {
	const text = useSignal(value == null ? "" : String(value));
	useEffect(() => {
		// Follow changes from outside (a reset, a loaded template) without fighting the typing.
		const mine = parse(text.peek());
		if (!(mine === value || (Number.isNaN(mine) && Number.isNaN(value))))
			text.value = value == null || Number.isNaN(value) ? "" : String(value);
	}, [value]);
	return (
		<input
			{...rest}
			type="text"
			inputMode="decimal"
			autoComplete="off"
			value={text.value}
			onInput={(e) => {
				text.value = e.currentTarget.value;
				onValue(parse(e.currentTarget.value));
			}}
		/>
	);
}
