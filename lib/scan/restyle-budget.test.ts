import { describe, expect, test, vi } from 'vitest';
import { exceedsRestyleBudget } from './restyle-budget';

describe('restyle budget', () => {
  test('counts the document’s elements against the budget', () => {
    document.body.innerHTML = '<p>one</p><p>two <b>three</b></p>';
    // html, head, body, p, p, b: six elements.
    expect(exceedsRestyleBudget(document, 6)).toBe(false);
    expect(exceedsRestyleBudget(document, 5)).toBe(true);
  });

  test('asks the browser’s own element list instead of walking the page in script', () => {
    document.body.innerHTML = '<p></p>'.repeat(1000);
    const walk = vi.spyOn(document, 'createTreeWalker');
    // html, head, body and 1,000 paragraphs.
    expect(exceedsRestyleBudget(document, 1002)).toBe(true);
    expect(exceedsRestyleBudget(document, 1003)).toBe(false);
    expect(walk).not.toHaveBeenCalled();
  });
});
