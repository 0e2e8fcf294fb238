/**
 * Category rules in the shape of GET /product/202309/categories/{id}/rules `data`.
 * The base is the real Indonesian rule of the same id (size charts, COD,
 * certifications with real ids, names, texts and sample images). A leaf the
 * Indonesian file lacks borrows the rule of a sibling. Sandbox overlays, so every
 * documented case occurs:
 * - makeup and skincare: the BPOM certificate becomes required, with expiry;
 * - battery-powered leaves: the real NRTL test-report certificate becomes
 *   conditionally required once "Contains Batteries or Cells?" = "Batteries";
 * - furniture, large appliances and luggage: package dimensions are required.
 */
import type { FixtureCertification, FixtureRules, Fixtures } from "./fixtures.ts";
import type { Condition } from "./attribute-defs.ts";

export type CertificationDef = { id: string; name: string; document_details: string; sample_image_url: string };

export type LeafCertification = { id: string; is_required: boolean; expiration_required: boolean; conditions?: Condition[] };

export type LeafRules = {
	cod: boolean;
	epr: boolean;
	manufacturer: boolean;
	package_dimension: boolean;
	responsible_person: boolean;
	size_chart: { is_supported: boolean; is_required: boolean };
	certifications: LeafCertification[];
};

const BPOM = "6956786487312516870";
const NRTL_TEST_REPORT = "8657871115921888778";

export type RulesContext = {
	/** Root-first English path of the leaf. */
	path: string[];
	siblings: string[];
	hasBatteryAttribute: boolean;
	batteryCondition: Condition;
};

export function collectCertifications(fixtures: Fixtures): Map<string, CertificationDef> {
	const certs = new Map<string, CertificationDef>();
	for (const entry of Object.values(fixtures.rulesById)) {
		for (const c of entry.rules.product_certifications) {
			if (!certs.has(c.id))
				certs.set(c.id, { id: c.id, name: c.name, document_details: c.document_details, sample_image_url: c.sample_image_url });
		}
	}
	return certs;
}

function fromFixture(rules: FixtureRules): LeafRules {
	return {
		cod: rules.cod.is_supported,
		epr: rules.epr.is_required,
		manufacturer: rules.manufacturer.is_required,
		package_dimension: rules.package_dimension.is_required,
		responsible_person: rules.responsible_person.is_required,
		size_chart: { is_supported: rules.size_chart.is_supported, is_required: rules.size_chart.is_required },
		certifications: rules.product_certifications.map((c: FixtureCertification) => ({
			id: c.id,
			is_required: c.is_required,
			expiration_required: false,
			...(c.requirement_conditions?.length ? { conditions: c.requirement_conditions as Condition[] } : {}),
		})),
	};
}

const DEFAULT_RULES: LeafRules = {
	cod: true,
	epr: false,
	manufacturer: false,
	package_dimension: false,
	responsible_person: false,
	size_chart: { is_supported: false, is_required: false },
	certifications: [],
};

export function rulesFor(leafId: string, fixtures: Fixtures, ctx: RulesContext): LeafRules {
	const own = fixtures.rulesById[leafId]?.rules;
	const sibling = ctx.siblings.map((id) => fixtures.rulesById[id]?.rules).find(Boolean);
	const base = own ?? sibling;
	const rules: LeafRules = base ? fromFixture(base) : structuredClone(DEFAULT_RULES);
	const [top, second] = ctx.path;

	if (second === "Makeup & Perfume" || second === "Skincare") {
		const bpom = rules.certifications.find((c) => c.id === BPOM);
		if (bpom) Object.assign(bpom, { is_required: true, expiration_required: true });
		else rules.certifications.push({ id: BPOM, is_required: true, expiration_required: true });
	}
	if (ctx.hasBatteryAttribute && !rules.certifications.some((c) => c.id === NRTL_TEST_REPORT)) {
		rules.certifications.push({ id: NRTL_TEST_REPORT, is_required: false, expiration_required: false, conditions: [ctx.batteryCondition] });
	}
	if (top === "Furniture" || second === "Large Home Appliances" || second === "Luggage & Travel Bags") rules.package_dimension = true;
	return rules;
}
