/**
 * A page loaded on first use (its own chunk), so the first page's JavaScript
 * stays small. Preact core has no `lazy` without preact/compat; this is the
 * few lines we need.
 */
import type { FunctionComponent } from "preact";
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { ErrorNote, Loading } from "../components/error-note";
import { asApiError } from "./api";

export function lazyComponent<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
	let loaded: FunctionComponent<P> | null = null;
	return function Lazy(props: P) {
		const component = useSignal<FunctionComponent<P> | null>(loaded);
		const error = useSignal<unknown>(null);
		useEffect(() => {
			if (component.peek()) return;
			load().then(
				(c) => {
					loaded = c;
					component.value = c;
				},
				(e) => {
					error.value = e;
				},
			);
		}, []);
		if (error.value)
			return <ErrorNote error={asApiError(error.value)} title="This page could not be loaded." onRetry={() => location.reload()} />;
		const Component = component.value;
		if (!Component) return <Loading />;
		return <Component {...props} />;
	};
}
