import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { IdentifierKind } from '../identifiers/types';
import {
  createPainter,
  HIGHLIGHT_NAMES,
  HIGHLIGHT_RULES,
  type Mark,
  type Painter,
} from './highlights';

// happy-dom has no CSS Custom Highlight API: stand in for it with the same shapes (a
// registry that is a Map, highlights that are Sets of ranges).
class FakeHighlight extends Set<AbstractRange> {}
let registry: Map<string, FakeHighlight>;

beforeEach(() => {
  registry = new Map();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: registry });
  document.body.innerHTML = '<p id="p">deployment 14181336</p><div id="host"></div>';
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.adoptedStyleSheets = [];
});

function occurrence() {
  const text = document.querySelector('#p')?.firstChild as Text;
  return { startContainer: text, startOffset: 11, endContainer: text, endOffset: 19 };
}

/** Paints the occurrence; returns the mark that removes it. */
function paint(painter: Painter, kind: IdentifierKind): Mark {
  const mark = painter.mark(occurrence());
  if (!mark) throw new Error('no range');
  painter.add(mark, kind);
  return mark;
}

describe('highlight painter', () => {
  test('registers one highlight per kind and unregisters them when switched off', () => {
    const painter = createPainter(document);
    const mark = paint(painter, 'deployment');
    expect(registry.size).toBe(0); // off until enabled
    painter.setEnabled(true);
    const deployments = registry.get(HIGHLIGHT_NAMES.deployment);
    expect(deployments?.size).toBe(1);
    expect(registry.get(HIGHLIGHT_NAMES.serial)?.size).toBe(0);
    const [range] = [...(deployments ?? [])];
    expect([range?.startOffset, range?.endOffset]).toEqual([11, 19]);
    painter.remove(mark, 'deployment');
    expect(deployments?.size).toBe(0);
    painter.setEnabled(false);
    expect(registry.size).toBe(0);
  });

  test('adopts its colours once there is something to colour, keeps them while toggled', () => {
    const painter = createPainter(document);
    const shadow = (document.querySelector('#host') as HTMLElement).attachShadow({ mode: 'open' });
    const pageSheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [pageSheet];
    painter.addRoot(shadow);
    painter.setEnabled(true);
    // Nothing found yet: no sheet, so a page without identifiers is never restyled.
    expect(document.adoptedStyleSheets).toEqual([pageSheet]);
    paint(painter, 'deployment');
    expect(document.adoptedStyleSheets).toHaveLength(2);
    expect(document.adoptedStyleSheets[0]).toBe(pageSheet);
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    // Toggling only unregisters the highlights: dropping a sheet restyles the whole page.
    painter.setEnabled(false);
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(2);
    painter.dispose();
    expect(document.adoptedStyleSheets).toEqual([pageSheet]);
    expect(shadow.adoptedStyleSheets).toEqual([]);
  });

  test('leaves a newer scout’s highlights alone when it is disposed', () => {
    const old = createPainter(document);
    old.setEnabled(true);
    const fresh = createPainter(document);
    fresh.setEnabled(true);
    const theirs = registry.get(HIGHLIGHT_NAMES.serial);
    old.dispose();
    expect(registry.get(HIGHLIGHT_NAMES.serial)).toBe(theirs);
  });

  test('does nothing where the API is missing', () => {
    vi.stubGlobal('CSS', undefined);
    const painter = createPainter(document);
    // Nothing to paint with, so nothing is kept per occurrence either.
    expect(painter.mark(occurrence())).toBeNull();
    painter.setEnabled(true);
    expect(document.adoptedStyleSheets).toEqual([]);
  });

  test('adopts nothing into a document that already has the rules, only into shadow roots', () => {
    const painter = createPainter(document, { documentStyled: true });
    const shadow = (document.querySelector('#host') as HTMLElement).attachShadow({ mode: 'open' });
    painter.addRoot(shadow);
    painter.setEnabled(true);
    paint(painter, 'deployment');
    expect(registry.get(HIGHLIGHT_NAMES.deployment)?.size).toBe(1);
    expect(document.adoptedStyleSheets).toEqual([]);
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    painter.dispose();
    expect(shadow.adoptedStyleSheets).toEqual([]);
  });

  test('holds back the colours of a document over its element budget until the user asks', () => {
    // The fixture's document has more than 3 elements (html, head, body, p, div).
    const painter = createPainter(document, { restyleBudget: 3 });
    const shadow = (document.querySelector('#host') as HTMLElement).attachShadow({ mode: 'open' });
    painter.addRoot(shadow);
    painter.setEnabled(true);
    expect(painter.held).toBe(false); // nothing to colour yet: nothing decided
    paint(painter, 'deployment');
    expect(painter.held).toBe(true);
    // Held: no sheet anywhere, and no range registered to repaint the page for nothing.
    expect(document.adoptedStyleSheets).toEqual([]);
    expect(shadow.adoptedStyleSheets).toEqual([]);
    expect(registry.size).toBe(0);
    // Toggling the setting does not lift the hold; only the user's request does.
    painter.setEnabled(false);
    painter.setEnabled(true);
    paint(painter, 'serial');
    expect(registry.size).toBe(0);
    painter.showHeld();
    expect(painter.held).toBe(false);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    expect(registry.get(HIGHLIGHT_NAMES.deployment)?.size).toBe(1);
    expect(registry.get(HIGHLIGHT_NAMES.serial)?.size).toBe(1);
  });

  test('colours a document within its budget at once', () => {
    const painter = createPainter(document, { restyleBudget: 50 });
    painter.setEnabled(true);
    paint(painter, 'deployment');
    expect(painter.held).toBe(false);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(registry.get(HIGHLIGHT_NAMES.deployment)?.size).toBe(1);
  });

  test('never holds a document that had the rules from its first style', () => {
    const painter = createPainter(document, { documentStyled: true, restyleBudget: 0 });
    painter.setEnabled(true);
    paint(painter, 'deployment');
    expect(painter.held).toBe(false);
    expect(registry.get(HIGHLIGHT_NAMES.deployment)?.size).toBe(1);
  });

  test('decides while highlights are on: a page scanned with them off is not held yet', () => {
    const painter = createPainter(document, { restyleBudget: 3 });
    paint(painter, 'deployment');
    expect(painter.held).toBe(false);
    painter.setEnabled(true);
    expect(painter.held).toBe(true);
    expect(registry.size).toBe(0);
  });

  test('holds the colours of a page with a very long block, on a styled document too', () => {
    const painter = createPainter(document, { documentStyled: true, restyleBudget: 1000 });
    painter.setEnabled(true);
    paint(painter, 'deployment');
    expect(registry.get(HIGHLIGHT_NAMES.deployment)?.size).toBe(1);
    // Already shown: the long block takes them off again until the user asks.
    painter.holdLongText?.();
    expect(painter.held).toBe(true);
    expect(registry.size).toBe(0);
    paint(painter, 'serial');
    expect(registry.size).toBe(0);
    painter.showHeld();
    expect(painter.held).toBe(false);
    expect(registry.get(HIGHLIGHT_NAMES.serial)?.size).toBe(1);
    // The user's choice stands for the rest of the page's life.
    painter.holdLongText?.();
    expect(painter.held).toBe(false);
    expect(registry.size).toBe(2);
  });

  test('ships the same rules as the stylesheet registered for automatic scanning', () => {
    const css = readFileSync(resolve('public/content/highlights.css'), 'utf8');
    // Compared without comments, whitespace or optional semicolons (the file is formatted).
    const rules = (text: string) =>
      text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, '')
        .replace(/;}/g, '}');
    expect(rules(css)).toEqual(rules(HIGHLIGHT_RULES));
  });
});
