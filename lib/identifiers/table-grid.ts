// The HTML table model, enough to find a cell's row and column headers with `colspan` and
// `rowspan` taken into account. Built once per table per task: a table whose every cell is a
// candidate must not cost a grid per cell, and nothing can change the DOM while one
// synchronous slice of detection runs, so the cache is dropped at the next microtask.

const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

export interface TableGrid {
  /** `rows[r][c]` is the cell covering row r, column c (a spanning cell covers several). */
  rows: (Element | undefined)[][];
  /** Where each cell's top-left corner sits. */
  origin: Map<Element, { row: number; column: number }>;
}

let cache: WeakMap<Element, TableGrid> | null = null;

function span(cell: Element, name: string, fallback: number, max: number): number {
  const value = Number.parseInt(cell.getAttribute(name) ?? '', 10);
  if (!Number.isFinite(value) || value < 0) return fallback;
  return Math.min(value, max);
}

/** The table's row groups in table order: thead, then bodies and bare rows, then tfoot. */
function rowGroups(table: Element): Element[][] {
  const head: Element[][] = [];
  const body: Element[][] = [];
  const foot: Element[][] = [];
  let bare: Element[] | null = null;
  for (const child of Array.from(table.children)) {
    const tag = child.localName;
    if (tag === 'tr') {
      if (!bare) {
        bare = [];
        body.push(bare);
      }
      bare.push(child);
      continue;
    }
    bare = null;
    const rows = Array.from(child.children).filter((row) => row.localName === 'tr');
    if (tag === 'thead') head.push(rows);
    else if (tag === 'tbody') body.push(rows);
    else if (tag === 'tfoot') foot.push(rows);
  }
  return [...head, ...body, ...foot];
}

function buildGrid(table: Element): TableGrid {
  const rows: (Element | undefined)[][] = [];
  const origin = new Map<Element, { row: number; column: number }>();
  for (const group of rowGroups(table)) {
    const first = rows.length;
    const last = first + group.length; // rowspan never reaches past its row group
    for (let r = first; r < last; r++) rows[r] ??= [];
    group.forEach((tr, index) => {
      const r = first + index;
      const line = rows[r] ?? [];
      let column = 0;
      for (const cell of Array.from(tr.children)) {
        if (cell.localName !== 'td' && cell.localName !== 'th') continue;
        while (line[column]) column++;
        const colspan = Math.max(1, span(cell, 'colspan', 1, MAX_COLSPAN));
        const rowspan = span(cell, 'rowspan', 1, MAX_ROWSPAN) || last - r;
        origin.set(cell, { row: r, column });
        for (let y = r; y < Math.min(r + Math.max(rowspan, 1), last); y++) {
          const target = rows[y] ?? [];
          for (let x = column; x < column + colspan; x++) target[x] = cell;
        }
        column += colspan;
      }
    });
  }
  return { rows, origin };
}

/** The grid of the table a cell belongs to, or null when the cell is not in a table row. */
export function gridOf(cell: Element): TableGrid | null {
  const row = cell.parentElement;
  if (row?.localName !== 'tr') return null;
  let table = row.parentElement;
  if (table && table.localName !== 'table') table = table.parentElement;
  if (table?.localName !== 'table') return null;
  if (!cache) {
    cache = new WeakMap();
    queueMicrotask(() => {
      cache = null;
    });
  }
  let grid = cache.get(table);
  if (!grid) {
    grid = buildGrid(table);
    cache.set(table, grid);
  }
  return grid;
}

/**
 * The cell's row header: the nearest `th` to its left in the same row, else the row's first
 * cell (none when the cell is that first cell).
 */
export function rowHeaderOf(cell: Element, grid: TableGrid): Element | null {
  const at = grid.origin.get(cell);
  const line = at && grid.rows[at.row];
  if (!at || !line) return null;
  for (let x = at.column - 1; x >= 0; x--) {
    const other = line[x];
    if (other && other !== cell && other.localName === 'th') return other;
  }
  const first = line[0];
  return first && first !== cell ? first : null;
}

/**
 * The cell's column header: the nearest `th` above it in the same column, else the column's
 * first cell (none when the cell is that first cell).
 */
export function columnHeaderOf(cell: Element, grid: TableGrid): Element | null {
  const at = grid.origin.get(cell);
  if (!at) return null;
  for (let y = at.row - 1; y >= 0; y--) {
    const other = grid.rows[y]?.[at.column];
    if (other && other !== cell && other.localName === 'th') return other;
  }
  const first = grid.rows[0]?.[at.column];
  return first && first !== cell ? first : null;
}
