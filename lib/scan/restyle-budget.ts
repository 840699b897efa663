// Whether adopting the highlight stylesheet would pause the page. A sheet holding a
// `::highlight()` rule makes Chromium restyle every element of the document once, at a cost
// that grows with the number of elements; a rule that could match fewer elements paints
// fewer of them. So the page's size in elements is the estimate, counted only up to the
// budget, so the count itself stays a short step on a page of any size.

/**
 * The most elements a document may have for its highlight colours to be adopted on demand
 * without asking: the restyle then leaves room for the page's own frame within what a user
 * notices.
 */
export const RESTYLE_ELEMENT_BUDGET = 10_000;

/** True when `doc` has more elements than `budget` (counting stops at the first one over). */
export function exceedsRestyleBudget(doc: Document, budget = RESTYLE_ELEMENT_BUDGET): boolean {
  const walker = doc.createTreeWalker(doc, NodeFilter.SHOW_ELEMENT);
  let elements = 0;
  while (walker.nextNode()) {
    if (++elements > budget) return true;
  }
  return false;
}
