// Paints matches with the CSS Custom Highlight API. Nothing in the page's DOM is inserted,
// moved or changed: the ranges live in `CSS.highlights`, and the colours come from a
// constructed stylesheet adopted by the document (and by each open shadow root, because
// `::highlight()` rules do not cross shadow boundaries).

import type { IdentifierKind, Occurrence } from '../identifiers/types';
import { exceedsRestyleBudget, RESTYLE_ELEMENT_BUDGET } from './restyle-budget';

/** What a painter makes of one occurrence: the caller keeps it and hands it back to remove it. */
export type Mark = AbstractRange;

export interface Painter {
  /**
   * The range that paints `occurrence`, made once; null when this page cannot be painted (no
   * highlight API). The painter keeps nothing per occurrence but the ranges it paints.
   */
  mark(occurrence: Occurrence): Mark | null;
  add(mark: Mark, kind: IdentifierKind): void;
  remove(mark: Mark, kind: IdentifierKind): void;
  /** A shadow root whose text is scanned: it needs the colours too. */
  addRoot(root: ShadowRoot): void;
  setEnabled(enabled: boolean): void;
  /**
   * True while the document is too large to take the colours on demand without a long
   * frame: nothing is shown until `showHeld` (the user's choice).
   */
  readonly held: boolean;
  /** Shows held highlights anyway, paying the document's restyle once. */
  showHeld(): void;
  /**
   * The scan met a block of more than LONG_TEXT_CHARS: hold the highlights (unless the user
   * already asked for them), on a styled document too.
   */
  holdLongText?(): void;
  /** Removes every trace: highlights and the adopted stylesheet. */
  dispose(): void;
}

export const HIGHLIGHT_NAMES: Record<IdentifierKind, string> = {
  deployment: 'renewal-scout-deployment',
  serial: 'renewal-scout-serial',
};

// Opaque backgrounds with near-black text read the same on light and dark pages. The same
// rules ship as public/content/highlights.css, injected from the start of every page on the
// sites scanned automatically (a test keeps the two equal).
export const HIGHLIGHT_RULES = `::highlight(${HIGHLIGHT_NAMES.deployment}){background-color:#ffd54f;color:#111}
::highlight(${HIGHLIGHT_NAMES.serial}){background-color:#7fdbff;color:#111}`;

type StyledRoot = Document | ShadowRoot;

/**
 * Text in one block above which highlights wait for the user: Chromium paints a highlight
 * through the text's layout of its whole block, and a block of megabytes made one frame of
 * seconds (bench/README.md).
 */
export const LONG_TEXT_CHARS = 1 << 15;

/**
 * The range that paints an occurrence. Static ranges cost the page nothing on later
 * mutations; live ranges (where there are no static ones) would be updated on every DOM
 * change. Changed text is re-detected and re-painted anyway.
 */
export function markOf(o: Occurrence): Mark {
  if (typeof StaticRange === 'function') {
    const { startContainer, startOffset, endContainer, endOffset } = o;
    return new StaticRange({ startContainer, startOffset, endContainer, endOffset });
  }
  const range = o.startContainer.ownerDocument.createRange();
  range.setStart(o.startContainer, o.startOffset);
  range.setEnd(o.endContainer, o.endOffset);
  return range;
}

/** Paints nothing and keeps nothing: where the highlight API is missing (and in the benchmark). */
export const noPainter: Painter = {
  mark: () => null,
  add() {},
  remove() {},
  addRoot() {},
  setEnabled() {},
  held: false,
  showHeld() {},
  dispose() {},
};

export interface PainterOptions {
  /**
   * The document already has the highlight rules (the stylesheet registered with the
   * content script on sites scanned automatically, injected before the page's first style):
   * only open shadow roots need the constructed sheet.
   */
  documentStyled?: boolean;
  /** Elements above which adopting the colours waits for `showHeld` (see restyle-budget.ts). */
  restyleBudget?: number;
}

export function createPainter(doc: Document, options: PainterOptions = {}): Painter {
  const registry = (globalThis.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights;
  if (!registry || typeof Highlight !== 'function') return noPainter;

  const highlights = { deployment: new Highlight(), serial: new Highlight() };
  const roots = new Set<StyledRoot>(options.documentStyled ? [] : [doc]);
  let sheet: CSSStyleSheet | undefined;
  let enabled = false;

  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_RULES);
  } catch {
    sheet = undefined; // no constructable stylesheets: ranges still register, uncoloured
  }

  function adopt(root: StyledRoot): void {
    if (!sheet) return;
    try {
      // The page may replace its own list at any time; re-adding is idempotent.
      if (!root.adoptedStyleSheets.includes(sheet)) {
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }
    } catch {
      // A root that refuses foreign sheets keeps its text unpainted rather than break.
    }
  }

  function unadopt(root: StyledRoot): void {
    if (!sheet || !root.adoptedStyleSheets.includes(sheet)) return;
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  }

  // Adopting or dropping a stylesheet restyles the whole document, while registering or
  // unregistering a highlight costs an ordinary frame. So the sheet is adopted once, when
  // there is first something to colour, and stays (inert) while highlights are toggled; only
  // disposing takes it back. A document too large to restyle without a long frame is held
  // instead: its ranges are kept but neither coloured nor registered until `showHeld`.
  const budget = options.restyleBudget ?? RESTYLE_ELEMENT_BUDGET;
  let adopted = false;
  let held = false;
  let released = false;
  let registered = false;

  function sync(): void {
    if (enabled && !adopted && !held && highlights.deployment.size + highlights.serial.size > 0) {
      held = !released && roots.has(doc) && exceedsRestyleBudget(doc, budget);
      if (!held) {
        adopted = true;
        for (const root of roots) adopt(root);
      }
    }
    register(enabled && !held);
  }

  function register(on: boolean): void {
    if (on === registered) return;
    registered = on;
    for (const kind of ['deployment', 'serial'] as const) {
      const name = HIGHLIGHT_NAMES[kind];
      if (on) registry?.set(name, highlights[kind]);
      // The registry is the document's: a scout started after this one (a reloaded
      // extension) may own the name by now, and its highlights must stay.
      else if (registry?.get(name) === highlights[kind]) registry.delete(name);
    }
  }

  return {
    mark: markOf,
    add(range, kind) {
      highlights[kind].add(range);
      if (!adopted && !held) sync();
    },
    remove(range, kind) {
      highlights[kind].delete(range);
    },
    addRoot(root) {
      if (roots.has(root)) return;
      roots.add(root);
      if (adopted) adopt(root);
    },
    setEnabled(on) {
      if (on === enabled) return;
      enabled = on;
      sync();
    },
    get held() {
      return held;
    },
    showHeld() {
      if (released) return;
      released = true;
      held = false;
      sync();
    },
    holdLongText() {
      if (released || held) return;
      held = true;
      register(false);
    },
    dispose() {
      enabled = false;
      register(false);
      for (const root of roots) unadopt(root);
      adopted = false;
      held = false;
      highlights.deployment.clear();
      highlights.serial.clear();
      roots.clear();
    },
  };
}
