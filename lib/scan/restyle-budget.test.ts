import { describe, expect, test, vi } from 'vitest';
import { exceedsRestyleBudget } from './restyle-budget';

describe('restyle budget', () => {
  test('counts the document’s elements against the budget', () => {
    document.body.innerHTML = '<p>one</p><p>two <b>three</b></p>';
    // html, head, body, p, p, b: six elements.
    expect(exceedsRestyleBudget(document, 6)).toBe(false);
    expect(exceedsRestyleBudget(document, 5)).toBe(true);
  });

  test('stops counting at the first element over the budget', () => {
    document.body.innerHTML = '<p></p>'.repeat(1000);
    const nextNode = vi.spyOn(TreeWalker.prototype, 'nextNode');
    expect(exceedsRestyleBudget(document, 10)).toBe(true);
    expect(nextNode).toHaveBeenCalledTimes(11);
    nextNode.mockRestore();
  });
});
