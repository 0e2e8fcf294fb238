/** The listing feature's face: a product and a template's configuration become TikTok's Create Product body, or the problems that stop it. */
export { buildListing, type ImageUseCase, type Listing, listingImageSources } from "./build";
export { listedOptions, maxSkusFor, sellerSkuFor, type SkuContext, skuFor } from "./skus";
export { type Problem, type ProblemCode, summarize } from "./problems";
export { attributeRequirements, certificationRequirement, type ChosenValueIds } from "./requirements";
