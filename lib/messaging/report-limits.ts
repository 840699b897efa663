// The sizes both ends of a detections report agree on. Dependency-free constants: the content
// script stops at them and the background's schemas reject anything beyond them.

/**
 * The most distinct identifiers one page lists: a frame stops adding new ones past it (it
 * still counts the ones it knows) and says so, and a tab whose frames together hold more
 * lists the first this many and says so. Large enough for a portal export of every
 * deployment a reseller has; small enough that a tab's results stay a few hundred kB in
 * `storage.session` and the popup answers promptly.
 */
export const MAX_DISTINCT_IDENTIFIERS = 10_000;

/**
 * The most identifiers in one message: a larger set is sent as pages of this size, so no
 * message grows with the page, however much it holds.
 */
export const REPORT_PAGE_SIZE = 1_000;

/** The most pages one report may have: a whole capped set. */
export const MAX_REPORT_PAGES = Math.ceil(MAX_DISTINCT_IDENTIFIERS / REPORT_PAGE_SIZE);
