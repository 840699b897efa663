// The portal contract's numeric limits (docs/portal-api.md). Dependency-free, so the popup
// can size its inputs by them without bundling the schemas.

export const MAX_LOOKUP_ITEMS = 100;
export const MAX_RENEWAL_QUANTITY = 25;
export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 100;
/** Longer text is not an identifier or a deployment name. */
export const MAX_SEARCH_QUERY_LENGTH = 100;
export const MAX_IDENTIFIER_LENGTH = 64;
/** Largest request body the portal reads; a full lookup batch is far below it. */
export const MAX_BODY_BYTES = 64 * 1024;
