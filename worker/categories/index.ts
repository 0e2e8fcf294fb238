/** The categories feature's face: a TikTok category as a template needs it, and the invite-only link. */
export { QUALIFICATION_URL } from "./qualification";
export { categoryVersion, loadCategorySpec, loadCategoryTree, pathTo } from "./spec";
