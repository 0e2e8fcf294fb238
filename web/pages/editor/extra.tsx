/** Additional product info: brand, title prefix/suffix, description footer, size chart, cash on delivery. */
import { Field, FieldError, Required } from "../../components/field";
import { UploadInput, type UploadedImage } from "../../components/upload";
import { messageAt } from "../../lib/api";
import type { CategoryRules, Extra, FieldIssue } from "../../lib/types";

type Props = { value: Extra; onChange: (value: Extra) => void; rules?: CategoryRules; issues?: FieldIssue[] };

function SizeChart({
	value,
	onChange,
	required,
	error,
}: {
	value: Extra["sizeChart"];
	onChange: (v: Extra["sizeChart"]) => void;
	required: boolean;
	error?: string;
}) {
	const imageUri = value && "imageUri" in value ? value.imageUri : null;
	const templateId = value && "templateId" in value ? value.templateId : "";
	return (
		<fieldset class="size-chart">
			<legend>
				Size chart
				{required && <Required />}
			</legend>
			{imageUri ? (
				<p>
					Image uploaded <code>{imageUri}</code>{" "}
					<button type="button" class="btn btn-plain" onClick={() => onChange(null)}>
						Remove size chart
					</button>
				</p>
			) : (
				<>
					<UploadInput<UploadedImage>
						id="size-chart-image"
						label="Upload a size chart image"
						kind="image"
						useCase="SIZE_CHART_IMAGE"
						required={required}
						onUploaded={(r) => onChange({ imageUri: r.uri })}
					/>
					<Field id="size-chart-template" label="or a TikTok size chart template id">
						{(wiring) => (
							<input
								{...wiring}
								type="text"
								value={templateId}
								onInput={(e) => onChange(e.currentTarget.value.trim() ? { templateId: e.currentTarget.value.trim() } : null)}
							/>
						)}
					</Field>
				</>
			)}
			<FieldError id="size-chart" message={error} />
		</fieldset>
	);
}

export function ExtraSection({ value, onChange, rules, issues }: Props) {
	const set = (patch: Partial<Extra>) => onChange({ ...value, ...patch });
	const at = (path: string) => messageAt(issues, `extra.${path}`);
	return (
		<div class="extra">
			<Field
				id="extra-brand"
				label="TikTok brand id"
				hint="Optional. The brand must be registered to your shop in TikTok Seller Center."
				error={at("brandId")}
			>
				{(wiring) => (
					<input
						{...wiring}
						type="text"
						value={value.brandId ?? ""}
						onInput={(e) => set({ brandId: e.currentTarget.value.trim() || null })}
					/>
				)}
			</Field>
			<div class="grid-2">
				<Field id="extra-prefix" label="Title prefix" error={at("titlePrefix")}>
					{(wiring) => (
						<input
							{...wiring}
							type="text"
							maxLength={60}
							value={value.titlePrefix}
							onInput={(e) => set({ titlePrefix: e.currentTarget.value })}
						/>
					)}
				</Field>
				<Field id="extra-suffix" label="Title suffix" error={at("titleSuffix")}>
					{(wiring) => (
						<input
							{...wiring}
							type="text"
							maxLength={60}
							value={value.titleSuffix}
							onInput={(e) => set({ titleSuffix: e.currentTarget.value })}
						/>
					)}
				</Field>
			</div>
			<Field id="extra-footer" label="Description footer" hint="Added to the end of every description." error={at("descriptionFooter")}>
				{(wiring) => (
					<textarea
						{...wiring}
						rows={3}
						maxLength={2000}
						value={value.descriptionFooter}
						onInput={(e) => set({ descriptionFooter: e.currentTarget.value })}
					/>
				)}
			</Field>
			{rules?.size_chart?.is_supported !== false && (
				<SizeChart
					value={value.sizeChart}
					onChange={(sizeChart) => set({ sizeChart })}
					required={!!rules?.size_chart?.is_required}
					error={at("sizeChart")}
				/>
			)}
			{rules?.cod?.is_supported && (
				<label class="choice">
					<input type="checkbox" checked={value.isCodAllowed} onChange={(e) => set({ isCodAllowed: e.currentTarget.checked })} /> Allow cash
					on delivery
				</label>
			)}
		</div>
	);
}
