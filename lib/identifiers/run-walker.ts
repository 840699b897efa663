// One pass over a subtree's text, grouped into block runs as it goes. The current block is
// tracked while walking (pushed on the way down, popped on the way up), because looking up
// each text node's block ancestor costs several times the walk itself. Skipped subtrees are
// never entered (hidden ones are told by their attributes as the walk meets them, so no step
// costs more than its own nodes); open shadow roots are walked as their own blocks. The
// detector's walk (`digitRunsOnly`) reads a block of plain inline content in one native
// `textContent` read instead, and hands it out only when it holds a digit.

import {
  flagsOf,
  isHiddenElement,
  isSkippedElement,
  TAG_BLOCK,
  TAG_BREAK,
  TAG_SHADOW_HOST,
  TAG_SKIPPED,
} from './dom';
import type { RunWalker, TextRun } from './types';

const SHOW_TEXT = 0x4;
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** A plain block with more text than this is walked node by node (see `plainText`). */
const MAX_PLAIN_CHARS = 1 << 16;
/** Nodes one `next()` may visit before it hands back whatever run it is in, even a blank one. */
export const STEP_BUDGET = 4096;
/**
 * The digit gate (see `plainText`) is asked only of blocks this shallow in their frame: deeper
 * blocks would make the native text reads add up (each reads its whole subtree).
 */
const GATE_MAX_DEPTH = 24;

interface Frame {
  walker: TreeWalker;
  root: Node;
  /** The open elements from the frame's root down to the last node visited. */
  path: Node[];
  /** Open block elements; the first entry is the frame's root. */
  blocks: Node[];
  /** The next node was already found (after skipping a subtree), or null to take nextNode(). */
  pending: Node | null;
}

/**
 * The tag name read through the prototype's getter: a form's `localName` can be clobbered by
 * a control named "localName" (hostile pages do this), the getter cannot.
 */
function localNameOf(node: Node): string {
  for (let proto = Object.getPrototypeOf(node); proto; proto = Object.getPrototypeOf(proto)) {
    const getter = Object.getOwnPropertyDescriptor(proto, 'localName')?.get;
    if (getter) return String(getter.call(node));
  }
  return '';
}

/**
 * Elements a plain block may hold at most: beyond that, the walk is cheaper than asking (and a
 * big container gives up at its first block child anyway).
 */
const PLAIN_MAX_ELEMENTS = 256;

/**
 * How many elements `block` holds when every one of them is plain inline content (not a
 * block, a line break, skipped or hidden, and hosting no open shadow root), else -1.
 */
function plainInlineElements(block: Element): number {
  const first = block.firstElementChild;
  return first ? countPlainInline(first, 0) : 0;
}

/** `visited` plus the plain inline elements from `first` on (and inside them), or -1. */
function countPlainInline(first: Element, visited: number): number {
  for (let child: Element | null = first; child; child = child.nextElementSibling) {
    if (++visited > PLAIN_MAX_ELEMENTS) return -1;
    const flags = flagsOf(nameOf(child));
    if (flags & (TAG_BLOCK | TAG_BREAK | TAG_SKIPPED) || isHiddenElement(child)) return -1;
    if (flags & TAG_SHADOW_HOST && child.shadowRoot) return -1;
    const inner = child.firstElementChild;
    if (inner) {
      visited = countPlainInline(inner, visited);
      if (visited < 0) return -1;
    }
  }
  return visited;
}

/**
 * The run of a plain block: its text came in one native read, and its text nodes are found
 * only when a rule or a match asks for them (most runs with a digit never need them).
 */
class PlainRun implements TextRun {
  readonly hasDigit = true;
  private walked: { nodes: Text[]; starts: number[] } | null = null;

  constructor(
    readonly text: string,
    readonly block: Element,
  ) {}

  get nodes(): Text[] {
    return this.walk().nodes;
  }

  get starts(): number[] {
    return this.walk().starts;
  }

  private walk(): { nodes: Text[]; starts: number[] } {
    if (this.walked) return this.walked;
    const nodes: Text[] = [];
    const starts: number[] = [];
    const doc = this.block.ownerDocument;
    const walker = doc.createTreeWalker(this.block, SHOW_TEXT);
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const size = (node as Text).length;
      if (size === 0) continue;
      starts.push(offset);
      nodes.push(node as Text);
      offset += size;
    }
    this.walked = { nodes, starts };
    return this.walked;
  }
}

/** An element's tag name; the prototype's getter only when a form clobbered the property. */
export function nameOf(el: Node): string {
  const tag: unknown = (el as Element).localName;
  return typeof tag === 'string' ? tag : localNameOf(el);
}

const ANY_DIGIT = /[0-9]/;

/**
 * A run as the walker hands it out. Its text is joined on first read: most runs hold no digit,
 * so detection never reads them, and joining (or flattening) every run's pieces would copy
 * the whole page's text once more.
 */
class WalkedRun implements TextRun {
  private joined: string | null = null;
  private parts: string[];
  readonly nodes: Text[];
  readonly starts: number[];
  readonly block: Node;
  /** Undefined when the walker did not test (detection then tests the joined text). */
  readonly hasDigit: boolean | undefined;

  constructor(
    parts: string[],
    nodes: Text[],
    starts: number[],
    block: Node,
    hasDigit: boolean | undefined,
  ) {
    this.parts = parts;
    this.nodes = nodes;
    this.starts = starts;
    this.block = block;
    this.hasDigit = hasDigit;
  }

  get text(): string {
    if (this.joined === null) {
      this.joined = this.parts.length === 1 ? (this.parts[0] ?? '') : this.parts.join('');
      this.parts = [];
    }
    return this.joined;
  }
}

function hasNonSpace(data: string): boolean {
  // Whitespace between tags is most of the blank text: a plain loop answers it without a
  // regex call; beyond Latin-1, the regex knows every Unicode space.
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    if (code > 255) return /\S/.test(data.slice(i));
    if (code > 32 && code !== 160) return true;
  }
  return false;
}

function textRoot(node: Text): RunWalker {
  let done = false;
  let charsRead = 0;
  return {
    next() {
      if (done) return null;
      done = true;
      const text = node.data;
      charsRead = text.length;
      return new WalkedRun([text], [node], [0], node, ANY_DIGIT.test(text));
    },
    get reached() {
      return done ? node : null;
    },
    get charsRead() {
      return charsRead;
    },
    get nodesRead() {
      return done ? 1 : 0;
    },
  };
}

export interface RunWalkerOptions {
  /**
   * Leave out blocks whose text holds no digit (they cannot hold an identifier): their text
   * nodes are never visited. Detection sets this; without it every run is handed out.
   */
  digitRunsOnly?: boolean;
  /** Elements whose subtree this walk leaves out (read by a walk of their own). */
  skip?: (el: Element) => boolean;
}

export function createRunWalker(root: Node, options: RunWalkerOptions = {}): RunWalker {
  if (root.nodeType === TEXT_NODE) return textRoot(root as Text);
  const gate = options.digitRunsOnly === true;
  const skip = options.skip;
  const doc = root.ownerDocument ?? (root as Document);
  const frames: Frame[] = [];
  let charsRead = 0;
  let nodesRead = 0;

  let nodes: Text[] = [];
  let starts: number[] = [];
  let parts: string[] = [];
  let length = 0;
  let blank = true;
  let digits = false;
  let runBlock: Node = root;
  let ready: TextRun | null = null;
  /** A run found together with `ready` (a plain block right after a run), handed out next. */
  let queued: TextRun | null = null;
  /** Work done by this `next()` beyond one step per node, in steps. */
  let work = 0;
  let overBudget = false;

  const openFrame = (frameRoot: Node): Frame => ({
    walker: doc.createTreeWalker(frameRoot, SHOW_ELEMENT_AND_TEXT),
    root: frameRoot,
    path: [frameRoot],
    blocks: [frameRoot],
    pending: null,
  });

  const endRun = (): void => {
    if (nodes.length === 0) {
      if (overBudget) ready = new WalkedRun([], [], [], currentBlock(), false);
      return;
    }
    if (!blank || overBudget) {
      ready = new WalkedRun(parts, nodes, starts, runBlock, gate ? undefined : digits);
      nodes = [];
      starts = [];
      parts = [];
    } else {
      // Most runs are blank (the whitespace between blocks): their arrays are kept.
      nodes.length = 0;
      starts.length = 0;
      parts.length = 0;
    }
    length = 0;
    blank = true;
    digits = false;
  };

  const currentBlock = (): Node => {
    const f = frames[frames.length - 1];
    return f ? (f.blocks[f.blocks.length - 1] ?? f.root) : root;
  };

  /** Moves the frame's walker past `el`'s subtree; returns the node after it, if any. */
  const skipSubtree = (f: Frame): Node | null => {
    for (;;) {
      const sibling = f.walker.nextSibling();
      if (sibling) return sibling;
      if (!f.walker.parentNode()) return null;
    }
  };

  /**
   * The text of a block of plain inline content (no nested block, line break, skipped or
   * hidden element, or shadow root, so its run is exactly its textContent), or null when the
   * block is not one (a container gives up at its first block child) or holds no element
   * (walking its text nodes costs less than the question).
   */
  const plainText = (f: Frame, el: Element, tag: string, flags: number): string | null => {
    // A form's properties can be clobbered by its controls' names.
    if (tag === 'body' || tag === 'html' || tag === 'form') return null;
    if (f.blocks.length > GATE_MAX_DEPTH) return null;
    // A host's own shadow root is read as a frame of its own, by the full walk.
    if (flags & TAG_SHADOW_HOST && el.shadowRoot) return null;
    const elements = plainInlineElements(el);
    if (elements <= 0) return null;
    const text = el.textContent;
    if (typeof text !== 'string' || text.length > MAX_PLAIN_CHARS) return null;
    // Asking cost more than one step: count it, so that a long row of blocks without a digit
    // (none of them a run to hand back) still ends a `next()` within its budget.
    work += 4 + 2 * elements + (text.length >> 6);
    return text;
  };

  const enterElement = (f: Frame, el: Element, tag: string): void => {
    nodesRead++;
    const flags = flagsOf(tag);
    if (flags & TAG_BREAK && nodes.length > 0) {
      parts.push('\n');
      length++;
    }
    if (flags & TAG_SKIPPED || isHiddenElement(el) || skip?.(el)) {
      f.pending = skipSubtree(f);
      // Nothing of the skipped subtree is read, but a later sibling must still see its parent.
      if (!f.pending) f.pending = f.root;
      return;
    }
    const plain = gate && flags & TAG_BLOCK ? plainText(f, el, tag, flags) : null;
    if (plain !== null) {
      // The digit gate: every identifier holds a digit, so a plain block without one is
      // done with one native read, and one with a digit is a run whose text nodes are only
      // visited if a rule or a match needs them. The browser's copy of the text costs far
      // less than visiting each node from script.
      endRun();
      charsRead += plain.length;
      f.pending = skipSubtree(f);
      if (!f.pending) f.pending = f.root;
      if (!ANY_DIGIT.test(plain)) return;
      // The run that ended before this block goes first.
      if (ready === null) ready = new PlainRun(plain, el);
      else queued = new PlainRun(plain, el);
      return;
    }
    f.path.push(el);
    if (flags & TAG_BLOCK) {
      endRun();
      f.blocks.push(el);
    }
    const shadow = flags & TAG_SHADOW_HOST ? el.shadowRoot : null;
    if (shadow) {
      endRun();
      frames.push(openFrame(shadow));
    }
  };

  /**
   * The page may remove the node the walk stands on between two calls (a feed trimming its
   * old items): the walk would go on inside the removed subtree and end there, never seeing
   * the rest. It goes on instead from the deepest open element still in place, at its first
   * child (what it read of that element again is replaced, not added).
   */
  const reanchor = (f: Frame): void => {
    const at = f.pending ?? f.walker.currentNode;
    if (at === f.root || f.root.contains(at)) return;
    let i = f.path.length - 1;
    while (i > 0 && !f.root.contains(f.path[i] as Node)) i--;
    const anchor = f.path[i] as Node;
    f.walker.currentNode = anchor;
    f.pending = f.walker.firstChild() ?? skipSubtree(f) ?? f.root;
  };

  const main = openFrame(root);
  frames.push(main);
  if (root.nodeType === ELEMENT_NODE) {
    frames.pop();
    const el = root as Element;
    if (!isSkippedElement(el)) {
      frames.push(main);
      const shadow = el.shadowRoot;
      if (shadow) frames.push(openFrame(shadow));
    }
  }

  let finished = false;
  /** The last node the walk took (see RunWalker.reached). */
  let reached: Node | null = null;
  return {
    // The hot loop: one pass per node, text handled inline (most nodes are text).
    next() {
      if (queued !== null) {
        const run = queued;
        queued = null;
        return run;
      }
      if (finished) return null;
      const top = frames[frames.length - 1];
      if (top) reanchor(top);
      let steps = 0;
      work = 0;
      overBudget = false;
      while (ready === null) {
        if (++steps + work > STEP_BUDGET) {
          overBudget = true;
          // Inside a run, hand back a blank run and read on from here next time: a run is
          // never cut, so a cue still applies to the end of its block however long it is.
          if (nodes.length > 0) return new WalkedRun([], [], [], runBlock, false);
        }
        const f = frames[frames.length - 1];
        if (f === undefined) {
          endRun();
          finished = true;
          break;
        }
        let node = f.pending;
        f.pending = null;
        if (node === f.root) node = null;
        else if (node === null) node = f.walker.nextNode();
        if (node === null) {
          frames.pop();
          endRun();
          continue;
        }
        reached = node;
        // Leave every open element that is not an ancestor of this node.
        const parent = node.parentNode;
        const path = f.path;
        while (path.length > 1 && path[path.length - 1] !== parent) {
          if (path.pop() === f.blocks[f.blocks.length - 1]) {
            f.blocks.pop();
            endRun();
          }
        }
        // Text has no localName: one property read tells text from element and names the tag.
        const tag: unknown = (node as Element).localName;
        if (tag !== undefined) {
          enterElement(f, node as Element, typeof tag === 'string' ? tag : localNameOf(node));
          continue;
        }
        const data = (node as Text).data;
        const size = data.length;
        nodesRead++;
        charsRead += size;
        if (size === 0) continue;
        if (nodes.length === 0) runBlock = f.blocks[f.blocks.length - 1] ?? f.root;
        starts.push(length);
        nodes.push(node as Text);
        parts.push(data);
        length += size;
        if (blank && hasNonSpace(data)) blank = false;
        // Behind the gate nearly every run holds a digit: detection tests the joined text.
        if (!gate && !digits && ANY_DIGIT.test(data)) digits = true;
      }
      const run = ready;
      ready = null;
      return run;
    },
    get reached() {
      return reached;
    },
    get charsRead() {
      return charsRead;
    },
    get nodesRead() {
      return nodesRead;
    },
  };
}
