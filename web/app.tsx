import { match, route } from "./lib/router";
import { ProductsPage } from "./pages/products";
import { SettingsPage } from "./pages/settings";
import { TemplatesPage } from "./pages/templates";

const pages = [
	{ path: "/products", label: "Products" },
	{ path: "/templates", label: "Category templates" },
	{ path: "/settings", label: "Settings" },
];

function Page() {
	const path = route.value;
	if (match("/templates", path)) return <TemplatesPage />;
	if (match("/settings", path)) return <SettingsPage />;
	return <ProductsPage />;
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
				<Page />
			</main>
		</div>
	);
}
