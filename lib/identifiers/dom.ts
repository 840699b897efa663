// How the detector sees the DOM: which elements it never reads, which ones start a new run of
// text, and which ones break a line inside a run. Decided by tag name only: computed style
// would force layout and cost far more than the walk itself.

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_FRAGMENT_NODE = 11;

/** Elements whose text is never read (their whole subtree is skipped). */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
]);

/** Elements whose text forms runs of its own, apart from the text around them. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'button',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'math',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'search',
  'section',
  'summary',
  'svg',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
  'ul',
]);

/** Inline elements that still separate the text on either side (a line break, a control). */
export const BREAK_TAGS: ReadonlySet<string> = new Set([
  'br',
  'img',
  'input',
  'iframe',
  'embed',
  'object',
  'video',
  'audio',
  'canvas',
  'meter',
  'progress',
  'select',
  'textarea',
]);

/** Built-in elements that may host a shadow root (custom elements, with a `-`, may too). */
const SHADOW_HOSTS: ReadonlySet<string> = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

/** How the walk treats an element, by tag name: bits of TAG_* below, 0 for plain inline. */
export const TAG_SKIPPED = 1;
export const TAG_BLOCK = 2;
export const TAG_BREAK = 4;
export const TAG_SHADOW_HOST = 8;

const tagFlags = new Map<string, number>();
for (const tag of SKIPPED_TAGS) tagFlags.set(tag, (tagFlags.get(tag) ?? 0) | TAG_SKIPPED);
for (const tag of BLOCK_TAGS) tagFlags.set(tag, (tagFlags.get(tag) ?? 0) | TAG_BLOCK);
for (const tag of BREAK_TAGS) tagFlags.set(tag, (tagFlags.get(tag) ?? 0) | TAG_BREAK);
for (const tag of SHADOW_HOSTS) tagFlags.set(tag, (tagFlags.get(tag) ?? 0) | TAG_SHADOW_HOST);

/** One lookup per element during the walk instead of one per set. */
export function flagsOf(tag: string): number {
  const flags = tagFlags.get(tag);
  if (flags !== undefined) return flags;
  return tag.includes('-') ? TAG_SHADOW_HOST : 0;
}

/**
 * `hidden` or `aria-hidden="true"`: the element and everything inside it is not read. The walk
 * asks this of every element it enters: a few attribute reads per element (one for the many
 * elements with no attribute) add a little to the walk, but unlike one up-front query of the
 * whole document they split across slices (that query was one task the first slice could not
 * cut, hundreds of ms on a big page).
 */
export function isHiddenElement(el: Element): boolean {
  try {
    // Most elements have no attribute at all: one call answers for them.
    if (!el.hasAttributes()) return false;
    // The reflected properties cost less than attribute lookups by name. They are only
    // trusted when they have their own types: SVG has no `hidden`, a form's controls can
    // clobber both, and a DOM without ARIA reflection has no `ariaHidden`.
    const hidden: unknown = (el as HTMLElement).hidden;
    const aria: unknown = (el as Element & { ariaHidden?: unknown }).ariaHidden;
    if (hidden === false && aria === null) return false;
    if (hidden === true || (typeof hidden === 'string' && hidden !== '')) return true;
    if (hidden === false && typeof aria === 'string') return isTrue(aria);
    if (el.hasAttribute('hidden')) return true;
    const attribute = el.getAttribute('aria-hidden');
    return attribute !== null && isTrue(attribute);
  } catch {
    // A form whose controls clobber its methods (`<input name="hasAttribute">`): read it.
    return false;
  }
}

function isTrue(value: string): boolean {
  return value.trim().toLowerCase() === 'true';
}

/** An element whose subtree the detector does not read. */
export function isSkippedElement(el: Element): boolean {
  return SKIPPED_TAGS.has(el.localName) || isHiddenElement(el);
}

/** The parent in the composed tree: a shadow root's parent is its host. */
function composedParent(node: Node): Node | null {
  const parent = node.parentNode;
  if (parent) return parent;
  return node.nodeType === DOCUMENT_FRAGMENT_NODE ? ((node as ShadowRoot).host ?? null) : null;
}

/**
 * Whether the detector reads this node: false for comments and anything inside a skipped,
 * `hidden` or `aria-hidden="true"` element (up through shadow hosts).
 */
export function isReadable(node: Node): boolean {
  const type = node.nodeType;
  if (type !== TEXT_NODE && type !== ELEMENT_NODE && type !== DOCUMENT_FRAGMENT_NODE) {
    return type === 9; // the document itself
  }
  for (let n: Node | null = node; n; n = composedParent(n)) {
    if (n.nodeType === ELEMENT_NODE && isSkippedElement(n as Element)) return false;
  }
  return true;
}

/**
 * The block whose run this node's text belongs to: the nearest block element at or above it,
 * else the shadow root or document it sits in (a shadow tree's text never joins the host's).
 */
export function blockOf(node: Node): Node {
  let last: Node = node;
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((n as Element).localName)) return n;
    last = n;
  }
  return last;
}

/**
 * The readable text of a small element, whitespace collapsed and trimmed, or null when it
 * holds more than `maxChars` characters or `maxNodes` nodes. Label lookups use this so that
 * a huge neighbour costs no more than a small one.
 */
export function shortText(el: Node, maxChars = 160, maxNodes = 64): string | null {
  let text = '';
  let budget = maxNodes;
  const visit = (node: Node): boolean => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (--budget < 0) return false;
      if (child.nodeType === TEXT_NODE) {
        text += (child as Text).data;
        if (text.length > maxChars) return false;
      } else if (child.nodeType === ELEMENT_NODE) {
        const tag = (child as Element).localName;
        if (isSkippedElement(child as Element)) continue;
        if (BREAK_TAGS.has(tag) || BLOCK_TAGS.has(tag)) text += ' ';
        if (!visit(child)) return false;
        if (BLOCK_TAGS.has(tag)) text += ' ';
      }
    }
    return true;
  };
  if (!visit(el)) return null;
  return text.replace(/\s+/g, ' ').trim();
}
