/**
 * Loading, error and data of one request, reloadable. A late answer to an
 * earlier call (the inputs changed meanwhile) is dropped, so a slow request can
 * never overwrite a newer one.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, asApiError } from "./api";

export type AsyncState<T> = {
	data: T | undefined;
	error: ApiError | null;
	loading: boolean;
	reload: () => Promise<void>;
	setData: (data: T) => void;
};

export function useAsync<T>(load: () => Promise<T>, deps: unknown[], options: { enabled?: boolean } = {}): AsyncState<T> {
	const enabled = options.enabled ?? true;
	const [data, setData] = useState<T | undefined>(undefined);
	const [error, setError] = useState<ApiError | null>(null);
	const [loading, setLoading] = useState(enabled);
	const call = useRef(0);
	const loader = useRef(load);
	loader.current = load;

	const reload = useCallback(async () => {
		const id = ++call.current;
		setLoading(true);
		try {
			const value = await loader.current();
			if (id !== call.current) return;
			setData(value);
			setError(null);
		} catch (e) {
			if (id === call.current) setError(asApiError(e));
		} finally {
			if (id === call.current) setLoading(false);
		}
	}, []);

	useEffect(() => {
		if (enabled) void reload();
		else setLoading(false);
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [enabled, ...deps]);

	return { data, error, loading, reload, setData };
}

/** A value that settles `ms` after its last change (search boxes). */
export function useDebounced<T>(value: T, ms: number): T {
	const [settled, setSettled] = useState(value);
	useEffect(() => {
		const timer = setTimeout(() => setSettled(value), ms);
		return () => clearTimeout(timer);
	}, [value, ms]);
	return settled;
}
