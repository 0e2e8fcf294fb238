/**
 * A page loaded on first use (its own chunk), so the first page's JavaScript
 * stays small. Preact core has no `lazy` without preact/compat; this is the
 * few lines we need.
 */
import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ErrorNote, Loading } from "../components/error-note";
import { asApiError } from "./api";

export function lazyComponent<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
	let loaded: FunctionComponent<P> | null = null;
	return function Lazy(props: P) {
		const [component, setComponent] = useState<FunctionComponent<P> | null>(() => loaded);
		const [error, setError] = useState<unknown>(null);
		useEffect(() => {
			if (component) return;
			load().then(
				(c) => {
					loaded = c;
					setComponent(() => c);
				},
				(e) => setError(e),
			);
		}, []);
		if (error) return <ErrorNote error={asApiError(error)} title="This page could not be loaded." onRetry={() => location.reload()} />;
		if (!component) return <Loading />;
		const Component = component;
		return <Component {...props} />;
	};
}
