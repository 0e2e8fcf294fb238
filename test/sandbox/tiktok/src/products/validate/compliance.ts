/**
 * Category-rule checks: certifications (required, or required by an attribute
 * value through `requirement_conditions`; ids from the rules; images uploaded as
 * images, files uploaded as PDFs; expiry when the rule asks for it), size chart
 * when required, and COD only where the category supports it.
 * @see https://partner.tiktokshop.com/docv2/page/get-category-rules-202309
 */
import { type LeafRules, certificationDef } from "../../catalog/data.ts";
import { mediaInfo } from "../../media/store.ts";
import { type SellerContext, nowSeconds } from "../../seller/context.ts";
import type { ProductDoc } from "../model.ts";
import { type Chosen, matches } from "./attributes.ts";
import { type Checker, arr, obj, str } from "./checker.ts";
import { uploadedImage } from "./images.ts";

const MAX_CERTIFICATIONS = 10;
const MAX_CERT_DOCUMENTS = 10;

export function checkCertifications(
	body: Record<string, unknown>,
	ctx: SellerContext,
	c: Checker,
	rules: LeafRules,
	chosen: Chosen,
): ProductDoc["certifications"] {
	const out: ProductDoc["certifications"] = [];
	const list = arr(body.certifications) ?? [];
	if (list.length > MAX_CERTIFICATIONS) c.fail(12052657);
	for (const item of list) {
		const o = obj(item) ?? {};
		const id = str(o.id) ?? "";
		const rule = rules.certifications.find((r) => r.id === id);
		if (!rule) {
			c.fail(12052655);
			continue;
		}
		if (out.some((x) => x.id === id)) {
			c.fail(12052656);
			continue;
		}
		const images = (arr(o.images) ?? []).map((i) => ({ uri: str(obj(i)?.uri) ?? "" }));
		const files = (arr(o.files) ?? []).map((f) => {
			const fo = obj(f) ?? {};
			return { id: str(fo.id) ?? "", name: str(fo.name) ?? "", format: str(fo.format) ?? "PDF" };
		});
		if (images.length + files.length === 0) c.fail(12052105, `(certification: ${certificationDef(id)?.name ?? id})`);
		else if (images.length > MAX_CERT_DOCUMENTS || files.length > MAX_CERT_DOCUMENTS) c.fail(12052657);
		else if (images.some((i) => !uploadedImage(ctx, i.uri))) c.fail(12052650);
		else if (files.some((f) => mediaInfo(ctx.sql, f.id)?.kind !== "file")) c.fail(12052658);
		const expiry = o.expiration_date;
		const expiryValid = typeof expiry === "number" && Number.isInteger(expiry) && expiry > nowSeconds(ctx);
		if ((expiry !== undefined && !expiryValid) || (rule.expiration_required && expiry === undefined)) c.fail(12052385);
		out.push({ id, title: certificationDef(id)?.name ?? id, images, files, ...(expiryValid ? { expiration_date: expiry as number } : {}) });
	}
	for (const rule of rules.certifications) {
		const needed = rule.is_required || matches(rule.conditions, chosen);
		if (needed && !out.some((x) => x.id === rule.id)) c.fail(12052105, `(certification: ${certificationDef(rule.id)?.name ?? rule.id})`);
	}
	return out;
}

export function checkSizeChart(
	body: Record<string, unknown>,
	ctx: SellerContext,
	c: Checker,
	rules: LeafRules,
	warnings: { message: string }[],
): ProductDoc["size_chart"] {
	const chart = obj(body.size_chart);
	const imageUri = str(obj(chart?.image)?.uri);
	const templateId = str(obj(chart?.template)?.id);
	if (!imageUri && !templateId) {
		if (rules.size_chart.is_required) c.fail(12052673);
		return undefined;
	}
	if (!rules.size_chart.is_supported) {
		warnings.push({
			message: "The [size_chart] field is not supported in this category and has been automatically cleared by the system.",
		});
		return undefined;
	}
	if (imageUri && !uploadedImage(ctx, imageUri)) c.fail(12052670);
	return imageUri ? { image: { uri: imageUri } } : { template: { id: templateId as string } };
}

export function checkCod(body: Record<string, unknown>, c: Checker, rules: LeafRules): boolean {
	const cod = body.is_cod_allowed === true;
	if (cod && !rules.cod) c.fail(12052222);
	return cod;
}
