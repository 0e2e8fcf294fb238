/**
 * One user action against the API (save, activate, upload…): busy while it
 * runs, the error it ended with, and only the latest run's outcome counts, so a
 * slow earlier answer never overwrites a newer one. `run` resolves to the
 * action's result, or undefined when it failed or a newer run superseded it.
 */
import { useSignal } from "@preact/signals";
import { useCallback, useRef } from "preact/hooks";
import { type ApiError, asApiError } from "./api";

export type Action<A extends unknown[], R> = {
	run: (...args: A) => Promise<R | undefined>;
	readonly busy: boolean;
	readonly error: ApiError | null;
	reset: () => void;
};

type Options = {
	/** Sees every failure first; returning null means it was handled here and is not shown as the action's error. */
	onError?: (error: ApiError) => ApiError | null | void;
};

export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>, options: Options = {}): Action<A, R> {
	const busy = useSignal(false);
	const error = useSignal<ApiError | null>(null);
	const latest = useRef({ action, options, call: 0 });
	latest.current.action = action;
	latest.current.options = options;
	const run = useCallback(async (...args: A) => {
		const call = ++latest.current.call;
		busy.value = true;
		error.value = null;
		try {
			const result = await latest.current.action(...args);
			return call === latest.current.call ? result : undefined;
		} catch (e) {
			if (call !== latest.current.call) return undefined;
			const failure = asApiError(e);
			const shown = latest.current.options.onError?.(failure);
			error.value = shown === undefined ? failure : shown;
			return undefined;
		} finally {
			if (call === latest.current.call) busy.value = false;
		}
	}, []);
	const reset = useCallback(() => {
		error.value = null;
	}, []);
	return {
		run,
		reset,
		get busy() {
			return busy.value;
		},
		get error() {
			return error.value;
		},
	};
}
