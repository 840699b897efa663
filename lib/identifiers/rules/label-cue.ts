// Rule 2, label cue: the candidate is the whole text of a labelled value whose label is
// exactly a cue (optionally followed by `:` or `#`). Labelled values: a table cell by its row
// header, or failing that its column header; a `dd` by its `dt`; an element right after a
// sibling whose whole text is a cue; an element whose own `aria-label` or `title` is a cue.
// Only spans that line up with whole text nodes can be an element's whole text, so only
// those reach the (costlier) DOM lookups.

import { labelCueKind } from '../cues';
import { isSkippedElement, shortText } from '../dom';
import { columnHeaderOf, gridOf, rowHeaderOf } from '../table-grid';
import { DEPLOYMENT_SHAPE, SERIAL_SHAPE, shapesOf } from '../tokens';
import type { IdentifierKind, TextRun } from '../types';
import type { Finding, Rule, RunContext } from './rule';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;
/** How far above the value's own element a labelled element may sit (`td > div > b`). */
const MAX_CLIMB = 6;
const KIND_SHAPE: Record<IdentifierKind, number> = {
  deployment: DEPLOYMENT_SHAPE,
  serial: SERIAL_SHAPE,
};

const BLANK = /^\s*$/;

/** The index of the node holding `offset` (the last node starting at or before it). */
function nodeAt(run: TextRun, offset: number): number {
  let low = 0;
  let high = run.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((run.starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The kind a label element names, when its whole text is a cue. */
function labelKindOf(el: Element | null): IdentifierKind | null {
  if (!el) return null;
  return labelCueKind(shortText(el, 40, 16));
}

/** The element sibling right before `el`, with only blank text or unread elements between. */
function previousLabel(el: Element): Element | null {
  let hops = 0;
  for (let node = el.previousSibling; node && hops < 8; node = node.previousSibling, hops++) {
    if (node.nodeType === COMMENT_NODE) continue;
    if (node.nodeType === TEXT_NODE) {
      if (BLANK.test((node as Text).data)) continue;
      return null;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    if (isSkippedElement(node as Element)) continue;
    return node as Element;
  }
  return null;
}

function dtOf(dd: Element): Element | null {
  for (let el = dd.previousElementSibling; el; el = el.previousElementSibling) {
    if (el.localName === 'dt') return el;
    if (el.localName !== 'dd') return null;
  }
  return null;
}

/** Which kinds label `el` as a value (a bit set of shapes). */
function labelledKinds(el: Element): number {
  let kinds = 0;
  if (el.hasAttributes()) {
    kinds |= shapeOf(labelCueKind(el.getAttribute('aria-label')));
    kinds |= shapeOf(labelCueKind(el.getAttribute('title')));
  }
  // The element before a cell is often its row header too: its kind is read once.
  const previous = previousLabel(el);
  const previousKind = labelKindOf(previous);
  const kindOf = (label: Element | null): IdentifierKind | null =>
    label === previous ? previousKind : labelKindOf(label);
  kinds |= shapeOf(previousKind);
  const tag = el.localName;
  if (tag === 'dd') kinds |= shapeOf(kindOf(dtOf(el)));
  if (tag === 'td' || tag === 'th') {
    const grid = gridOf(el);
    if (grid) {
      // The row header labels the cell when it is a cue; failing that, the column header.
      kinds |= shapeOf(kindOf(rowHeaderOf(el, grid)) ?? kindOf(columnHeaderOf(el, grid)));
    }
  }
  return kinds;
}

function shapeOf(kind: IdentifierKind | null): number {
  return kind ? KIND_SHAPE[kind] : 0;
}

/**
 * Whether `parent`'s whole text is `child`'s: every other child is blank text, a comment,
 * an unread element or an empty one. Cheaper than reading the parent's text, and it stops at
 * the first sibling with content.
 */
function holdsOnly(parent: Element, child: Element): boolean {
  let checked = 0;
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node === child) continue;
    if (++checked > 16) return false;
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      if (!BLANK.test((node as Text).data)) return false;
    } else if (type === ELEMENT_NODE) {
      if (node.firstChild && !isSkippedElement(node as Element)) return false;
    }
  }
  return true;
}

/** The innermost element holding both nodes (they sit in one block, so a few steps up). */
function commonElement(first: Node, last: Node): Element | null {
  let el = first.parentNode;
  while (el && el.nodeType === ELEMENT_NODE && !el.contains(last)) el = el.parentNode;
  return el && el.nodeType === ELEMENT_NODE ? (el as Element) : null;
}

/** Whether `text` holds only white space from `from` to `to` (without copying it out). */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13)) continue;
    // Beyond ASCII, the regex knows every Unicode space.
    if (code > 127 && BLANK.test(text[i] ?? '')) continue;
    return false;
  }
  return true;
}

/** Where the run's text node `i` ends. */
function nodeEnd(run: TextRun, text: string, i: number): number {
  return i + 1 < run.nodes.length ? (run.starts[i + 1] ?? 0) : text.length;
}

interface LabelCandidate {
  start: number;
  end: number;
  shapes: number;
  first: number;
  last: number;
}

/**
 * Spans that could be an element's whole text: candidates that begin and end on text-node
 * boundaries (give or take blank space), and, inside a candidate spread over several text
 * nodes, a node that is a candidate on its own (`<b>Serial</b><span>VS0164AB</span>`).
 */
function labelCandidates({ run, text, candidates }: RunContext): LabelCandidate[] {
  const found: LabelCandidate[] = [];
  for (const candidate of candidates) {
    const first = nodeAt(run, candidate.start);
    const last = nodeAt(run, candidate.end - 1);
    if (
      isBlank(text, run.starts[first] ?? 0, candidate.start) &&
      isBlank(text, candidate.end, nodeEnd(run, text, last))
    ) {
      const { start, end, shapes } = candidate;
      found.push({ start, end, shapes, first, last });
    }
    for (let i = first; i <= last && first !== last; i++) {
      const start = run.starts[i] ?? 0;
      const raw = text.slice(start, nodeEnd(run, text, i));
      const value = raw.trim();
      const shapes = value.length >= 6 ? shapesOf(value) : 0;
      if (!shapes) continue;
      const at = start + raw.indexOf(value);
      if (found.some((c) => c.start === at && c.end === at + value.length)) continue;
      found.push({ start: at, end: at + value.length, shapes, first: i, last: i });
    }
  }
  return found;
}

export const labelCue: Rule = {
  name: 'label-cue',
  find(context: RunContext, out: Finding[]): void {
    for (const candidate of labelCandidates(context)) {
      try {
        findLabel(context, candidate, out);
      } catch {
        // A hostile page (a form whose controls clobber DOM methods) labels nothing.
      }
    }
  },
};

/** Labels one candidate span when its element (or one it fills up to a cell) is labelled. */
function findLabel({ run, text }: RunContext, candidate: LabelCandidate, out: Finding[]): void {
  const value = text.slice(candidate.start, candidate.end);
  const firstNode = run.nodes[candidate.first];
  const lastNode = run.nodes[candidate.last];
  if (!firstNode || !lastNode) return;
  let el =
    candidate.first === candidate.last
      ? firstNode.parentElement
      : commonElement(firstNode, lastNode);
  if (!el || shortText(el, 200, 64) !== value) return;
  let kinds = 0;
  for (let climb = 0; climb < MAX_CLIMB; climb++) {
    kinds |= labelledKinds(el) & candidate.shapes;
    // A cell is as far as a value goes: its row is a row, not a labelled value.
    if (el.localName === 'td' || el.localName === 'th') break;
    const parent: Element | null = el.parentElement;
    if (!parent || !holdsOnly(parent, el)) break;
    el = parent;
  }
  if (kinds & DEPLOYMENT_SHAPE) {
    out.push({ kind: 'deployment', start: candidate.start, end: candidate.end });
  }
  if (kinds & SERIAL_SHAPE) {
    out.push({ kind: 'serial', start: candidate.start, end: candidate.end });
  }
}
