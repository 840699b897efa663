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

/**
 * True when `doc` has more elements than `budget`. Asked of the document's native element
 * list: its item past the budget is found by the browser's own walk, which stops there, at
 * a fraction of what a script walk of as many elements costs.
 */
export function exceedsRestyleBudget(doc: Document, budget = RESTYLE_ELEMENT_BUDGET): boolean {
  return doc.getElementsByTagName('*').item(budget) !== null;
}
