export function SettingsPage() {
	return (
		<section class="card">
			<h1>Settings</h1>
			<p class="empty">Connect your TikTok Shop to start.</p>
		</section>
	);
}
