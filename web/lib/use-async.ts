/**
 * Loading, error and data of one request, reloadable, held in signals. A late
 * answer to an earlier call (the inputs changed meanwhile) is dropped, so a
 * slow request can never overwrite a newer one.
 */
import { useSignal } from "@preact/signals";
import { useCallback, useEffect, useRef } from "preact/hooks";
import { type ApiError, asApiError } from "./api";

export type AsyncState<T> = {
	readonly data: T | undefined;
	readonly error: ApiError | null;
	readonly loading: boolean;
	reload: () => Promise<void>;
	setData: (data: T) => void;
};

export function useAsync<T>(load: () => Promise<T>, deps: unknown[], options: { enabled?: boolean } = {}): AsyncState<T> {
	const enabled = options.enabled ?? true;
	const data = useSignal<T | undefined>(undefined);
	const error = useSignal<ApiError | null>(null);
	const loading = useSignal(enabled);
	const call = useRef(0);
	const loader = useRef(load);
	loader.current = load;

	const reload = useCallback(async () => {
		const id = ++call.current;
		loading.value = true;
		try {
			const value = await loader.current();
			if (id !== call.current) return;
			data.value = value;
			error.value = null;
		} catch (e) {
			if (id === call.current) error.value = asApiError(e);
		} finally {
			if (id === call.current) loading.value = false;
		}
	}, []);
	const setData = useCallback((value: T) => {
		data.value = value;
	}, []);

	useEffect(() => {
		if (enabled) void reload();
		else loading.value = false;
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [enabled, ...deps]);

	return {
		reload,
		setData,
		get data() {
			return data.value;
		},
		get error() {
			return error.value;
		},
		get loading() {
			return loading.value;
		},
	};
}

/** A value that settles `ms` after its last change (search boxes). */
export function useDebounced<T>(value: T, ms: number): T {
	const settled = useSignal(value);
	useEffect(() => {
		const timer = setTimeout(() => {
			settled.value = value;
		}, ms);
		return () => clearTimeout(timer);
	}, [value, ms]);
	return settled.value;
}
