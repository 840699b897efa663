// One pass over a subtree's text, grouped into block runs as it goes. The current block is
// tracked while walking (pushed on the way down, popped on the way up), because looking up
// each text node's block ancestor costs several times the walk itself. Skipped subtrees are
// never entered (hidden ones are told by their attributes as the walk meets them, so no step
// costs more than its own nodes); open shadow roots are walked as their own blocks.

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

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** A run longer than this is cut at the next whitespace between two text nodes. */
const MAX_RUN_CHARS = 1 << 16;
/** Nodes one `next()` may visit before it hands back whatever run it is in, even a blank one. */
const STEP_BUDGET = 4096;

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
  readonly hasDigit: boolean;

  constructor(parts: string[], nodes: Text[], starts: number[], block: Node, hasDigit: boolean) {
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

export function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160;
}

function hasNonSpace(data: string): boolean {
  const first = data.charCodeAt(0);
  return (first > 32 && first !== 160) || /\S/.test(data);
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
    get charsRead() {
      return charsRead;
    },
    get nodesRead() {
      return done ? 1 : 0;
    },
  };
}

export function createRunWalker(root: Node): RunWalker {
  if (root.nodeType === TEXT_NODE) return textRoot(root as Text);
  const doc = root.ownerDocument ?? (root as Document);
  const frames: Frame[] = [];
  let charsRead = 0;
  let nodesRead = 0;

  let nodes: Text[] = [];
  let starts: number[] = [];
  let parts: string[] = [];
  let length = 0;
  let lastCode = 32;
  let blank = true;
  let digits = false;
  let runBlock: Node = root;
  let ready: TextRun | null = null;
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
    if (!blank || overBudget) ready = new WalkedRun(parts, nodes, starts, runBlock, digits);
    nodes = [];
    starts = [];
    parts = [];
    length = 0;
    lastCode = 32;
    blank = true;
    digits = false;
  };

  const currentBlock = (): Node => {
    const f = frames[frames.length - 1];
    return f ? (f.blocks[f.blocks.length - 1] ?? f.root) : root;
  };

  const addText = (node: Text): void => {
    const data = node.data;
    nodesRead++;
    charsRead += data.length;
    if (data.length === 0) return;
    if (length >= MAX_RUN_CHARS && (isSpace(lastCode) || isSpace(data.charCodeAt(0)))) endRun();
    if (nodes.length === 0) runBlock = currentBlock();
    starts.push(length);
    nodes.push(node);
    parts.push(data);
    length += data.length;
    lastCode = data.charCodeAt(data.length - 1);
    if (blank && hasNonSpace(data)) blank = false;
    if (!digits && ANY_DIGIT.test(data)) digits = true;
  };

  /** Moves the frame's walker past `el`'s subtree; returns the node after it, if any. */
  const skipSubtree = (f: Frame): Node | null => {
    for (;;) {
      const sibling = f.walker.nextSibling();
      if (sibling) return sibling;
      if (!f.walker.parentNode()) return null;
    }
  };

  const enterElement = (f: Frame, el: Element, tag: string): void => {
    nodesRead++;
    const flags = flagsOf(tag);
    if (flags & TAG_BREAK && nodes.length > 0) {
      parts.push('\n');
      length++;
      lastCode = 10;
    }
    if (flags & TAG_SKIPPED || isHiddenElement(el)) {
      f.pending = skipSubtree(f);
      // Nothing of the skipped subtree is read, but a later sibling must still see its parent.
      if (!f.pending) f.pending = f.root;
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

  const step = (): boolean => {
    const f = frames[frames.length - 1];
    if (!f) {
      endRun();
      return false;
    }
    let node = f.pending;
    f.pending = null;
    if (node === f.root) node = null;
    else if (!node) node = f.walker.nextNode();
    if (!node) {
      frames.pop();
      endRun();
      return true;
    }
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
    if (tag === undefined) addText(node as Text);
    else enterElement(f, node as Element, typeof tag === 'string' ? tag : localNameOf(node));
    return true;
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
  return {
    next() {
      if (finished) return null;
      let steps = 0;
      overBudget = false;
      while (!ready) {
        if (!step()) {
          finished = true;
          break;
        }
        if (++steps >= STEP_BUDGET) overBudget = true;
      }
      const run = ready;
      ready = null;
      return run;
    },
    get charsRead() {
      return charsRead;
    },
    get nodesRead() {
      return nodesRead;
    },
  };
}
