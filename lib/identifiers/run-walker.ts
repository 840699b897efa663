// One pass over a subtree's text, grouped into block runs as it goes. The current block is
// tracked while walking (pushed on the way down, popped on the way up), because looking up
// each text node's block ancestor costs several times the walk itself. Skipped subtrees are
// never entered; open shadow roots are walked as their own blocks.

import { BLOCK_TAGS, BREAK_TAGS, isHiddenElement, mayHostShadow, SKIPPED_TAGS } from './dom';
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
  /** Open block elements; the first entry is the frame's root. */
  blocks: Node[];
  /** On resume, go into the current node's children (set after entering an element). */
  descend: boolean;
  /** The element to push as a block once its first child is reached. */
  descendBlock: Node | null;
}

function isSpace(code: number): boolean {
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
      return { text, nodes: [node], starts: [0], block: node };
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
  let text = '';
  let blank = true;
  let runBlock: Node = root;
  let ready: TextRun | null = null;
  let overBudget = false;

  const openFrame = (frameRoot: Node): Frame => ({
    walker: doc.createTreeWalker(frameRoot, SHOW_ELEMENT_AND_TEXT),
    root: frameRoot,
    blocks: [frameRoot],
    descend: true,
    descendBlock: null,
  });

  const endRun = (): void => {
    if (nodes.length === 0) {
      if (overBudget) ready = { text: '', nodes: [], starts: [], block: currentBlock() };
      return;
    }
    if (!blank || overBudget) ready = { text, nodes, starts, block: runBlock };
    nodes = [];
    starts = [];
    text = '';
    blank = true;
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
    if (
      text.length >= MAX_RUN_CHARS &&
      (isSpace(text.charCodeAt(text.length - 1)) || isSpace(data.charCodeAt(0)))
    ) {
      endRun();
    }
    if (nodes.length === 0) {
      runBlock = currentBlock();
      text = data;
      starts.push(0);
    } else {
      starts.push(text.length);
      text += data;
    }
    nodes.push(node);
    if (blank && hasNonSpace(data)) blank = false;
  };

  const enterElement = (f: Frame, el: Element): void => {
    nodesRead++;
    const tag = el.localName;
    if (BREAK_TAGS.has(tag) && nodes.length > 0) text += '\n';
    if (SKIPPED_TAGS.has(tag) || isHiddenElement(el)) return;
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) endRun();
    f.descend = true;
    f.descendBlock = isBlock ? el : null;
    const shadow = mayHostShadow(tag) ? el.shadowRoot : null;
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
    let node: Node | null = null;
    if (f.descend) {
      f.descend = false;
      node = f.walker.firstChild();
      if (node && f.descendBlock) f.blocks.push(f.descendBlock);
      f.descendBlock = null;
    }
    while (!node) {
      node = f.walker.nextSibling();
      if (node) break;
      const parent = f.walker.parentNode();
      if (!parent || parent === f.root) {
        frames.pop();
        endRun();
        return true;
      }
      if (f.blocks[f.blocks.length - 1] === parent) {
        f.blocks.pop();
        endRun();
      }
    }
    if (node.nodeType === TEXT_NODE) addText(node as Text);
    else if (node.nodeType === ELEMENT_NODE) enterElement(f, node as Element);
    return true;
  };

  const main = openFrame(root);
  frames.push(main);
  if (root.nodeType === ELEMENT_NODE) {
    frames.pop();
    const el = root as Element;
    if (!SKIPPED_TAGS.has(el.localName) && !isHiddenElement(el)) {
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
