// The runs of one block's own text, leaving out the blocks nested in it. When text changes
// or an inline element arrives directly inside a big container (a timeline, a comment list),
// only the container's own text needs reading again, not every item below it. The rules are
// run-walker's, and so are its step budget and its tag-name read: skipped and hidden subtrees
// are not read, a nested block or a shadow root ends the run, a break tag adds a newline.

import {
  flagsOf,
  isHiddenElement,
  TAG_BLOCK,
  TAG_BREAK,
  TAG_SHADOW_HOST,
  TAG_SKIPPED,
} from './dom';
import { nameOf, STEP_BUDGET } from './run-walker';
import type { TextRun } from './types';

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

/** Like a RunWalker, without `reached`: it reads one block's own text, not a whole subtree. */
export interface OwnRunWalker {
  next(): TextRun | null;
  readonly charsRead: number;
  readonly nodesRead: number;
}

export function createOwnRunWalker(block: Node): OwnRunWalker {
  const doc = block.ownerDocument ?? (block as Document);
  const walker = doc.createTreeWalker(block, SHOW_ELEMENT_AND_TEXT);
  let charsRead = 0;
  let nodesRead = 0;
  let finished = false;
  let nodes: Text[] = [];
  let starts: number[] = [];
  let text = '';

  const take = (): TextRun | null => {
    if (nodes.length === 0) return null;
    const run = { text, nodes, starts, block };
    nodes = [];
    starts = [];
    text = '';
    return run;
  };

  // Moves past the current node's subtree: its next sibling, or its nearest ancestor's.
  const skipSubtree = (): Node | null => {
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      const parent = walker.parentNode();
      if (!parent || parent === block) return null;
    }
  };

  let node: Node | null = walker.nextNode();
  return {
    next() {
      if (finished) return null;
      for (let steps = 0; node; steps++) {
        // Past the budget, hand back a blank run and read on from here next time: the run
        // itself is never cut, so a cue still applies to the end of its block.
        if (steps >= STEP_BUDGET) return { text: '', nodes: [], starts: [], block };
        if (node.nodeType === 3) {
          const data = (node as Text).data;
          nodesRead++;
          charsRead += data.length;
          if (data.length) {
            starts.push(text.length);
            text += data;
            nodes.push(node as Text);
          }
          node = walker.nextNode();
          continue;
        }
        nodesRead++;
        const el = node as Element;
        // One lookup for all the tag's roles; a form's clobbered `localName` is read around.
        const flags = flagsOf(nameOf(el));
        if (flags & TAG_SKIPPED || isHiddenElement(el)) {
          node = skipSubtree();
          continue;
        }
        const isBlock = (flags & TAG_BLOCK) !== 0;
        // A shadow root's text is a run of its own (read by its own pass); the host's light
        // children still belong to this block, after a break.
        const hostsShadow = !isBlock && (flags & TAG_SHADOW_HOST) !== 0 && el.shadowRoot !== null;
        if (flags & TAG_BREAK && nodes.length) text += '\n';
        node = isBlock ? skipSubtree() : walker.nextNode();
        if (isBlock || hostsShadow) {
          const run = take();
          if (run) return run;
        }
      }
      finished = true;
      return take();
    },
    get charsRead() {
      return charsRead;
    },
    get nodesRead() {
      return nodesRead;
    },
  };
}
