export function ProductsPage() {
	return (
		<section class="card">
			<h1>Products</h1>
			<p class="empty">No products yet. They appear here once your Shopify catalogue is imported.</p>
		</section>
	);
}
