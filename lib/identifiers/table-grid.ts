// The HTML table model, enough to find a cell's row and column headers with `colspan` and
// `rowspan` taken into account. The last table's grid is kept while it still fits (the cell
// is in it and its row has as many cells as when it was built): a table whose every cell is a
// candidate must cost one grid, not one per cell, even across time slices. Rows are laid
// out as the cells asking reach them (a cell's headers sit in its own row and the rows
// above), so a table of thousands of rows costs each step only its own rows. A row appended
// later is not in the grid, so the grid is rebuilt then.

const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

/**
 * Kept in arrays, not in maps keyed by cells: a map key gives the cell's wrapper an identity
 * hash, and Blink then keeps that wrapper for as long as the cell lives (`bench:oldgen`
 * showed the difference on a large ticket).
 */
export interface TableGrid {
  /** `rows[r][c]` is the cell covering row r, column c (a spanning cell covers several). */
  rows: (Element | undefined)[][];
  /** The `tr` of each row laid out so far. */
  trs: Element[];
  /** How many cells each row had when it was laid out. */
  cellCounts: number[];
  /** Every `tr` of the table in table order, and where each one's row group ends. */
  order: Element[];
  groupEnds: number[];
  /** The row last looked up: cells are asked about in document order, so the next is near. */
  hint: number;
}

export interface GridPosition {
  row: number;
  column: number;
}

/**
 * The grid of the last table asked about. Cells are read in document order, so a table's
 * cells come one after another. Keeping every table's grid for the page's life made a long
 * scan promote them all to V8's old generation, and scavenges grew long. The kept table stays in
 * memory until another table is read, even if the page removed it: one table at most.
 */
let last: { table: Element; grid: TableGrid } | null = null;

function span(cell: Element, name: string, fallback: number, max: number): number {
  if (!cell.hasAttributes()) return fallback;
  const value = Number.parseInt(cell.getAttribute(name) ?? '', 10);
  if (!Number.isFinite(value) || value < 0) return fallback;
  return Math.min(value, max);
}

function rowsOf(group: Element): Element[] {
  const rows: Element[] = [];
  for (let row = group.firstElementChild; row; row = row.nextElementSibling) {
    if (row.localName === 'tr') rows.push(row);
  }
  return rows;
}

/** The table's row groups in table order: thead, then bodies and bare rows, then tfoot. */
function rowGroups(table: Element): Element[][] {
  const head: Element[][] = [];
  const body: Element[][] = [];
  const foot: Element[][] = [];
  let bare: Element[] | null = null;
  for (let child = table.firstElementChild; child; child = child.nextElementSibling) {
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
    if (tag === 'thead') head.push(rowsOf(child));
    else if (tag === 'tbody') body.push(rowsOf(child));
    else if (tag === 'tfoot') foot.push(rowsOf(child));
  }
  return [...head, ...body, ...foot];
}

function newGrid(table: Element): TableGrid {
  const order: Element[] = [];
  const groupEnds: number[] = [];
  for (const group of rowGroups(table)) {
    // A rowspan never reaches past its row group.
    const end = order.length + group.length;
    for (const tr of group) {
      order.push(tr);
      groupEnds.push(end);
    }
  }
  return { rows: [], trs: [], cellCounts: [], hint: 0, order, groupEnds };
}

function rowAt(rows: (Element | undefined)[][], r: number): (Element | undefined)[] {
  let row = rows[r];
  if (!row) {
    row = [];
    rows[r] = row;
  }
  return row;
}

/** Lays out the next row of the table; false when every row is laid out. */
function layOutRow(grid: TableGrid): boolean {
  const { rows, trs } = grid;
  const r = trs.length;
  const tr = grid.order[r];
  if (!tr) return false;
  const last = grid.groupEnds[r] ?? r + 1;
  const line = rowAt(rows, r);
  let column = 0;
  let cells = 0;
  for (let cell = tr.firstElementChild; cell; cell = cell.nextElementSibling) {
    cells++;
    const tag = cell.localName;
    if (tag !== 'td' && tag !== 'th') continue;
    while (line[column]) column++;
    const colspan = Math.max(1, span(cell, 'colspan', 1, MAX_COLSPAN));
    const rowspan = span(cell, 'rowspan', 1, MAX_ROWSPAN) || last - r;
    const bottom = Math.min(r + Math.max(rowspan, 1), last);
    for (let y = r; y < bottom; y++) {
      const target = rowAt(rows, y);
      for (let x = column; x < column + colspan; x++) target[x] = cell;
    }
    column += colspan;
  }
  trs.push(tr);
  grid.cellCounts.push(cells);
  return true;
}

/**
 * The row of `tr` in the grid, or -1: searched from the last row found on, and failing that
 * among the rows not laid out yet, laying them out up to it.
 */
function rowOf(grid: TableGrid, tr: Element): number {
  const { trs } = grid;
  if (trs[grid.hint] === tr) return grid.hint;
  // Cells are read in document order: the next row is most often the first not laid out.
  if (grid.order[trs.length] === tr && layOutRow(grid)) {
    grid.hint = trs.length - 1;
    return grid.hint;
  }
  for (let i = 0; i < trs.length; i++) {
    const r = (grid.hint + i) % trs.length;
    if (trs[r] === tr) {
      grid.hint = r;
      return r;
    }
  }
  while (layOutRow(grid)) {
    if (trs[trs.length - 1] === tr) {
      grid.hint = trs.length - 1;
      return grid.hint;
    }
  }
  return -1;
}

/** Where the cell's top-left corner sits in the grid, or null when the grid lacks it. */
export function positionOf(cell: Element, grid: TableGrid): GridPosition | null {
  const tr = cell.parentElement;
  const row = tr ? rowOf(grid, tr) : -1;
  // A cell's first column in its own row is its corner (cells spanning down from above are
  // other cells).
  const column = row < 0 ? -1 : (grid.rows[row]?.indexOf(cell) ?? -1);
  return column < 0 ? null : { row, column };
}

/** The grid of the table a cell belongs to, or null when the cell is not in a table row. */
export function gridOf(cell: Element): TableGrid | null {
  const row = cell.parentElement;
  if (row?.localName !== 'tr') return null;
  let table = row.parentElement;
  if (table && table.localName !== 'table') table = table.parentElement;
  if (table?.localName !== 'table') return null;
  const known = last?.table === table ? last.grid : null;
  const at = known ? positionOf(cell, known) : null;
  if (known && at && known.cellCounts[at.row] === row.childElementCount) return known;
  const grid = newGrid(table);
  last = { table, grid };
  // Laid out up to the asking cell now: a later change to these rows makes the grid stale.
  positionOf(cell, grid);
  return grid;
}

/**
 * The cell's row header: the nearest `th` to its left in the same row, else the row's first
 * cell (none when the cell is that first cell).
 */
export function rowHeaderOf(cell: Element, grid: TableGrid): Element | null {
  const at = positionOf(cell, grid);
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
  const at = positionOf(cell, grid);
  if (!at) return null;
  for (let y = at.row - 1; y >= 0; y--) {
    const other = grid.rows[y]?.[at.column];
    if (other && other !== cell && other.localName === 'th') return other;
  }
  const first = grid.rows[0]?.[at.column];
  return first && first !== cell ? first : null;
}
