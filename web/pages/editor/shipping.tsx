/**
 * Shipping settings: weight from Shopify (with a backup for products without
 * one) or one custom weight, its unit, and the package dimensions. Checked as
 * the merchant types with the server's own validator for the shop's region
 * (templates/shipping/validate.ts); server issues show at the same fields.
 */
import { Field, FieldError, Required } from "../../components/field";
import { NumberInput } from "../../components/number-input";
import { messageAt } from "../../lib/api";
import type { FieldIssue, Shipping } from "../../lib/types";
import { validateShipping } from "../../../worker/templates/shipping/validate";

type Props = {
	value: Shipping;
	onChange: (value: Shipping) => void;
	region: string | null;
	dimensionsRequired?: boolean;
	issues?: FieldIssue[];
};

const WEIGHT_LABELS = { KILOGRAM: "Kilograms (kg)", GRAM: "Grams (g)", POUND: "Pounds (lb)" } as const;
const DIMENSION_LABELS = { CENTIMETER: "Centimeters (cm)", INCH: "Inches (in)" } as const;
const SIDES = ["length", "width", "height"] as const;

/** Problems to show now: the shared validator's, with a clear word for text that is not a number. */
export function shippingIssues(value: Shipping, region: string | null): FieldIssue[] {
	const notNumbers: FieldIssue[] = [];
	const check = (n: number | null | undefined, path: string) =>
		n != null && Number.isNaN(n) && notNumbers.push({ path, message: "Enter a number." });
	check(value.backupWeight, "shipping.backupWeight");
	check(value.customWeight, "shipping.customWeight");
	for (const side of SIDES) check(value.dimensions?.[side], `shipping.dimensions.${side}`);
	const bad = new Set(notNumbers.map((i) => i.path));
	return [...notNumbers, ...validateShipping(value, region).filter((i) => !bad.has(i.path))];
}

export function ShippingSection({ value, onChange, region, dimensionsRequired, issues = [] }: Props) {
	const all = [...shippingIssues(value, region), ...issues];
	const at = (path: string) => messageAt(all, `shipping.${path}`);
	const set = (patch: Partial<Shipping>) => onChange({ ...value, ...patch });
	const dims = value.dimensions;
	const setDim = (patch: Partial<NonNullable<Shipping["dimensions"]>>) =>
		set({
			dimensions: {
				length: dims?.length ?? Number.NaN,
				width: dims?.width ?? Number.NaN,
				height: dims?.height ?? Number.NaN,
				unit: dims?.unit ?? (value.weightUnit === "POUND" ? "INCH" : "CENTIMETER"),
				...patch,
			},
		});
	const showDims = !!dims || !!dimensionsRequired;
	return (
		<div class="shipping">
			<fieldset>
				<legend>Package weight</legend>
				<label class="choice">
					<input
						type="radio"
						name="weight-source"
						checked={value.weightSource === "shopify"}
						onChange={() => set({ weightSource: "shopify" })}
					/>{" "}
					Use each variant's weight from Shopify
				</label>
				<label class="choice">
					<input
						type="radio"
						name="weight-source"
						checked={value.weightSource === "custom"}
						onChange={() => set({ weightSource: "custom" })}
					/>{" "}
					Use one weight for every product
				</label>
			</fieldset>
			<div class="grid-2">
				{value.weightSource === "shopify" ? (
					<Field
						id="shipping-backup-weight"
						label="Backup weight"
						hint="Used for variants that have no weight in Shopify. Leave empty to skip those products."
						error={at("backupWeight")}
					>
						{(wiring) => <NumberInput {...wiring} value={value.backupWeight} onValue={(backupWeight) => set({ backupWeight })} />}
					</Field>
				) : (
					<Field id="shipping-custom-weight" label="Weight" required error={at("customWeight")}>
						{(wiring) => <NumberInput {...wiring} value={value.customWeight} onValue={(customWeight) => set({ customWeight })} />}
					</Field>
				)}
				<Field id="shipping-weight-unit" label="Weight unit" error={at("weightUnit")}>
					{(wiring) => (
						<select
							{...wiring}
							value={value.weightUnit}
							onChange={(e) => set({ weightUnit: e.currentTarget.value as Shipping["weightUnit"] })}
						>
							{Object.entries(WEIGHT_LABELS).map(([unit, label]) => (
								<option key={unit} value={unit}>
									{label}
								</option>
							))}
						</select>
					)}
				</Field>
			</div>
			<fieldset class="dimensions">
				<legend>
					Package dimensions
					{dimensionsRequired && <Required />}
				</legend>
				{!dimensionsRequired && (
					<label class="choice">
						<input
							type="checkbox"
							checked={!!dims}
							onChange={(e) =>
								set({
									dimensions: e.currentTarget.checked
										? {
												length: Number.NaN,
												width: Number.NaN,
												height: Number.NaN,
												unit: value.weightUnit === "POUND" ? "INCH" : "CENTIMETER",
											}
										: null,
								})
							}
						/>{" "}
						Send package dimensions
					</label>
				)}
				{showDims && (
					<div class="grid-4">
						{SIDES.map((side) => (
							<Field key={side} id={`shipping-${side}`} label={side[0].toUpperCase() + side.slice(1)} error={at(`dimensions.${side}`)}>
								{(wiring) => <NumberInput {...wiring} value={dims?.[side] ?? null} onValue={(n) => setDim({ [side]: n ?? Number.NaN })} />}
							</Field>
						))}
						<Field id="shipping-dimension-unit" label="Unit" error={at("dimensions.unit")}>
							{(wiring) => (
								<select
									{...wiring}
									value={dims?.unit ?? "CENTIMETER"}
									onChange={(e) => setDim({ unit: e.currentTarget.value as "CENTIMETER" | "INCH" })}
								>
									{Object.entries(DIMENSION_LABELS).map(([unit, label]) => (
										<option key={unit} value={unit}>
											{label}
										</option>
									))}
								</select>
							)}
						</Field>
					</div>
				)}
				<FieldError
					id="shipping-dimensions"
					message={
						!showDims
							? undefined
							: messageAt(
									all.filter((i) => i.path === "shipping.dimensions"),
									"shipping.dimensions",
								)
					}
				/>
			</fieldset>
			{region && <p class="hint">Checked against TikTok's rules for {region} shops.</p>}
		</div>
	);
}
