// Deterministic ticket-like pages for the detection benchmark: a helpdesk ticket with field
// tables, long comment threads, paragraphs whose words are split by inline <b>/<span>, and
// about 1% of words belonging to cued identifiers (some cues split from their value by inline
// tags, some values split in two), among decoys that must not count (ticket and order
// numbers, phone numbers, dates).

export interface TicketPage {
  html: string;
  /** Characters of text (what a text-node walk reads), markup excluded. */
  textChars: number;
  /** Cued identifiers written into the page (occurrences, not distinct values). */
  cued: number;
  /** The distinct values written with a cue, and the first of each kind in page order. */
  written: { deployments: Set<string>; serials: Set<string>; first: string[] };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the a customer reported that phone system calls drop after transfer queue agent ' +
  'voicemail extension trunk provider firmware upgrade rebooted appliance office branch ' +
  'we checked logs again yesterday morning issue still happens when ring group forwards ' +
  'to mobile please confirm whether it is under support contract renewal quote attached ' +
  'thanks regards update escalated engineer remote session scheduled tomorrow license'
).split(' ');
const NAMES = ['Ana Ruiz', 'Ben Okafor', 'Chen Wei', 'Dana Kohl', 'Eli Marsh', 'Farah Naz'];

export function generateTicketPage(targetTextChars: number, seed = 1): TicketPage {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const digits = (n: number) => {
    let s = String(1 + Math.floor(random() * 9));
    while (s.length < n) s += Math.floor(random() * 10);
    return s;
  };
  const serial = () => {
    const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
    let s = '';
    for (let i = 0; i < 4; i++) s += letters[Math.floor(random() * letters.length)];
    return `${s}${digits(4)}${random() < 0.5 ? `-${digits(2)}` : ''}`;
  };

  const parts: string[] = [];
  let textChars = 0;
  let cued = 0;
  const written = {
    deployments: new Set<string>(),
    serials: new Set<string>(),
    first: [] as string[],
  };
  const wrote = (kind: 'deployments' | 'serials', value: string) => {
    if (written[kind].size === 0) written.first.push(value);
    written[kind].add(value);
    return value;
  };
  // Text is counted as it is written; markup goes through `tag`.
  const text = (s: string) => {
    textChars += s.length;
    return s;
  };
  const wrapped = (s: string) => {
    const r = random();
    if (r < 0.1) return `<b>${text(s)}</b>`;
    if (r < 0.2) return `<span class="t">${text(s)}</span>`;
    return text(s);
  };

  // One cued identifier, written in one of the shapes real tickets use.
  const identifier = (): string => {
    cued++;
    const d = digits(8);
    const s = serial();
    switch (Math.floor(random() * 10)) {
      case 0:
        return `${text('deployment ')}${wrapped(wrote('deployments', d))}`;
      case 1:
        return `${text('Deployment ID: ')}${text(wrote('deployments', d))}`;
      case 2:
        wrote('deployments', d);
        return `<b>${text('Deployment')}</b>${text(' ')}<b>${text(d.slice(0, 4))}</b>${text(d.slice(4))}`;
      case 3:
        return `${text('host ')}${text(`${wrote('deployments', d)}.deployments.pbxact.com`)}`;
      case 4:
        return `${text('serial number ')}${text(wrote('serials', s))}`;
      case 5:
        return `<b>${text('S/N')}</b>${text(': ')}<span class="v">${text(wrote('serials', s))}</span>`;
      case 6:
        return `${text('SN# ')}${text(wrote('serials', s))}`;
      case 7:
        return `${text('the serial is ')}${wrapped(wrote('serials', s))}`;
      case 8: {
        cued++;
        const first = `deployments ${wrote('deployments', d)}, `;
        return `${text(first)}${text(wrote('deployments', digits(8)))}`;
      }
      default:
        return `<span>${text('Serial')}</span>${text(' ')}<span>${text(wrote('serials', s))}</span>`;
    }
  };
  const decoy = (): string => {
    const r = random();
    if (r < 0.3) return text(`ticket ${digits(8)}`);
    if (r < 0.5) return text(`order #${digits(8)}`);
    if (r < 0.75) return text(`call +1 ${digits(3)} ${digits(3)} ${digits(4)}`);
    return text(`on ${2015 + Math.floor(random() * 10)}0${1 + Math.floor(random() * 9)}15`);
  };

  // About one word in a hundred is part of a cued identifier (each one is about 3 words).
  const sentence = (): string => {
    const words: string[] = [];
    const n = 6 + Math.floor(random() * 10);
    for (let i = 0; i < n; i++) {
      if (i) words.push(text(' '));
      const r = random();
      if (r < 0.0035) words.push(identifier());
      else if (r < 0.006) words.push(decoy());
      else words.push(wrapped(pick(WORDS)));
    }
    words.push(text('. '));
    return words.join('');
  };
  const paragraph = () => {
    let p = '<p>';
    const n = 1 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) p += sentence();
    return `${p}</p>\n`;
  };
  const fieldTable = () => {
    const rows = [
      ['Status', pick(['Open', 'Pending', 'Solved'])],
      ['Priority', pick(['Low', 'Normal', 'High'])],
      ['Serial Number', serial()],
      ['Deployment ID', digits(8)],
      ['Ticket', digits(8)],
    ];
    cued += 2;
    wrote('serials', rows[2]?.[1] ?? '');
    wrote('deployments', rows[3]?.[1] ?? '');
    const body = rows
      .map(
        ([label, value]) => `<tr><th>${text(label ?? '')}</th><td>${text(value ?? '')}</td></tr>`,
      )
      .join('\n');
    return `<table class="fields">\n${body}\n</table>\n`;
  };
  const comment = () => {
    const meta = `<div class="meta"><b>${text(pick(NAMES))}</b> <span class="time">${text(
      `${1 + Math.floor(random() * 28)} May 2026 ${10 + Math.floor(random() * 9)}:${10 + Math.floor(random() * 49)}`,
    )}</span></div>`;
    textChars += 1; // the space between name and time
    let body = '';
    const n = 1 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) body += paragraph();
    return `<div class="comment">\n${meta}\n${body}</div>\n`;
  };

  parts.push(
    `<!doctype html><html><head><meta charset="utf-8"><title>Ticket ${digits(6)}</title>` +
      '<style>.comment{border-top:1px solid #ccc;margin:8px 0}.meta{color:#555}</style>' +
      '</head><body>\n<main id="ticket">\n',
  );
  while (textChars < targetTextChars) {
    const r = random();
    if (r < 0.08) parts.push(fieldTable());
    else if (r < 0.25) parts.push(paragraph());
    else parts.push(comment());
  }
  parts.push('</main>\n<section id="thread"></section>\n</body></html>\n');
  return { html: parts.join(''), textChars, cued, written };
}

/** One comment as a page script would append it, for the append benchmark. */
export function commentHtml(i: number): string {
  const id = String(20000000 + i * 7919).slice(0, 8);
  return `<div class="meta"><b>Agent ${i}</b> <span>just now</span></div><p>Follow-up ${i}: the <b>customer</b> confirmed deployment ${id} is back online after the reboot.</p>`;
}
