/** The shell: navigation, start-up state and hash routes; the editor and sync form load on demand. */
import { ErrorNote, Loading } from "./components/error-note";
import { ImportBanner } from "./components/import-banner";
import { lazyComponent } from "./lib/lazy";
import { match, route } from "./lib/router";
import { session, startSession } from "./lib/session";
import { ProductsPage } from "./pages/products/page";
import { SettingsPage } from "./pages/settings/page";
import { TemplatesPage } from "./pages/templates";

const TemplateEditor = lazyComponent<{ id: string | null }>(() => import("./pages/editor/page").then((m) => m.TemplateEditorPage));

const pages = [
	{ path: "/products", label: "Products" },
	{ path: "/templates", label: "Category templates" },
	{ path: "/settings", label: "Settings" },
];

function Page() {
	const path = route.value;
	if (match("/templates/new", path)) return <TemplateEditor key="new" id={null} />;
	const edit = match("/templates/:id", path);
	if (edit) return <TemplateEditor key={edit.id} id={edit.id} />;
	if (match("/templates", path)) return <TemplatesPage />;
	if (match("/settings", path)) return <SettingsPage />;
	return <ProductsPage />;
}

function Body() {
	const state = session.value;
	if (state.status === "loading") return <Loading label="Opening your shop…" />;
	if (state.status === "error")
		return <ErrorNote error={state.error} title="The app could not start." onRetry={() => void startSession()} />;
	return (
		<>
			<ImportBanner />
			<Page />
		</>
	);
}

export function App() {
	const path = route.value;
	return (
		<div class="shell">
			<nav class="nav" aria-label="Main">
				<strong class="brand">TikTok Shop</strong>
				{pages.map((p) => (
					<a key={p.path} href={`#${p.path}`} aria-current={path.startsWith(p.path) ? "page" : undefined}>
						{p.label}
					</a>
				))}
			</nav>
			<main class="main">
				<Body />
			</main>
		</div>
	);
}
