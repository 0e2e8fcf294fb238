/**
 * The Admin GraphQL documents this app sends, with exactly the fields the
 * normalisers read (normalize/graphql-product.ts). No fragments: each document
 * is self-contained text.
 *
 * Page size: Shopify prices a connection at `first` × (1 + the nested
 * connections' `first`), and refuses a single query above 1,000 points
 * (MAX_COST_EXCEEDED). With 100 variants per product, 9 products (9 × 101 = 909)
 * is the largest page that fits; products with more variants are completed by
 * the `product.complete` job.
 * @see https://shopify.dev/docs/api/usage/limits#cost-calculation
 */
export const MAX_SINGLE_QUERY_COST = 1000;
export const VARIANTS_PER_PRODUCT_PAGE = 100;
export const IMPORT_PAGE_SIZE = Math.floor(MAX_SINGLE_QUERY_COST / (1 + VARIANTS_PER_PRODUCT_PAGE));
/** Variants per page when completing one large product (up to 2,000 per single-product query since 2025-01). */
export const COMPLETION_VARIANTS_PAGE = 250;

const VARIANT_FIELDS = `id legacyResourceId title sku barcode price compareAtPrice inventoryQuantity selectedOptions { name value } position image { url } inventoryItem { id measurement { weight { value unit } } }`;

const PRODUCT_FIELDS = `id legacyResourceId title handle descriptionHtml vendor productType tags status updatedAt
      category { id name fullName }
      collections(first: 50) { nodes { id } }
      options { name optionValues { name } }
      media(first: 20) { nodes { ... on MediaImage { image { url altText width height } } } }
      variants(first: ${VARIANTS_PER_PRODUCT_PAGE}) { pageInfo { hasNextPage endCursor } nodes { ${VARIANT_FIELDS} } }`;

export const IMPORT_PRODUCTS = `query ImportProducts($first: Int!, $after: String) {
  products(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { ${PRODUCT_FIELDS} }
  }
}`;

export const PRODUCT_BY_ID = `query ProductById($id: ID!) {
  product(id: $id) { ${PRODUCT_FIELDS} }
}`;

export const PRODUCT_VARIANTS_PAGE = `query ProductVariants($id: ID!, $first: Int!, $after: String) {
  product(id: $id) {
    id
    variants(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${VARIANT_FIELDS} } }
  }
}`;

export const SHOP_INFO = `query ShopInfo { shop { name myshopifyDomain currencyCode weightUnit } }`;

export const WEBHOOK_SUBSCRIPTION_CREATE = `mutation Subscribe($topic: WebhookSubscriptionTopic!, $uri: String!) {
  webhookSubscriptionCreate(topic: $topic, webhookSubscription: { uri: $uri }) {
    webhookSubscription { id }
    userErrors { field message }
  }
}`;
