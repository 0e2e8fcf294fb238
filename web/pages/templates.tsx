export function TemplatesPage() {
	return (
		<section class="card">
			<h1>Category templates</h1>
			<p class="empty">No category templates yet.</p>
		</section>
	);
}
