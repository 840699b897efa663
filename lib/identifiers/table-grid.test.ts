import { describe, expect, test } from 'vitest';
import { columnHeaderOf, gridOf, positionOf, rowHeaderOf } from './table-grid';

function tables(html: string): HTMLTableElement[] {
  document.body.innerHTML = html;
  return [...document.querySelectorAll('table')];
}

const cell = (table: Element, selector: string): Element => {
  const found = table.querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

describe('table grid', () => {
  test('builds one grid for all the cells of a table read one after another', () => {
    const [table] = tables(
      '<table><tr><th>Deployment</th><td id="a">14181336</td></tr><tr><th>Serial</th><td id="b">VS0164AB</td></tr></table>',
    );
    if (!table) throw new Error('no table');
    const first = gridOf(cell(table, '#a'));
    expect(gridOf(cell(table, '#b'))).toBe(first);
    expect(rowHeaderOf(cell(table, '#b'), first ?? expect.fail())?.textContent).toBe('Serial');
  });

  test('rebuilds the grid when a row gains a cell or another table was read in between', () => {
    const [one, two] = tables(
      '<table><tr><th>Deployment</th><td id="a">14181336</td></tr></table>' +
        '<table><tr><th>Serial</th></tr><tr><td id="b">VS0164AB</td></tr></table>',
    );
    if (!one || !two) throw new Error('no tables');
    const a = cell(one, '#a');
    const first = gridOf(a);
    const added = document.createElement('td');
    a.after(added);
    const grown = gridOf(added);
    expect(grown).not.toBe(first);
    expect(gridOf(a)).toBe(grown);

    // Only the last table's grid is kept, so a long page's tables do not pile up.
    const other = gridOf(cell(two, '#b'));
    expect(columnHeaderOf(cell(two, '#b'), other ?? expect.fail())?.textContent).toBe('Serial');
    const again = gridOf(a);
    expect(again).not.toBe(grown);
    expect(positionOf(added, again ?? expect.fail())).toEqual({ row: 0, column: 2 });
  });

  test('finds a cell of an earlier row after a later one, and a cell spanning into other rows', () => {
    const [table] = tables(
      '<table><tr><th>Deployment</th><td id="a" rowspan="2">14181336</td></tr>' +
        '<tr><th>Serial</th></tr><tr><th>Host</th><td id="c">VS0164AB</td></tr></table>',
    );
    if (!table) throw new Error('no table');
    const grid = gridOf(cell(table, '#c')) ?? expect.fail();
    expect(positionOf(cell(table, '#c'), grid)).toEqual({ row: 2, column: 1 });
    expect(gridOf(cell(table, '#a'))).toBe(grid);
    expect(positionOf(cell(table, '#a'), grid)).toEqual({ row: 0, column: 1 });
    expect(rowHeaderOf(cell(table, '#a'), grid)?.textContent).toBe('Deployment');
    expect(positionOf(document.createElement('td'), grid)).toBeNull();
  });

  test('lays out rows only as far as the cells asked about, one step of rows at a time', () => {
    const rows = Array.from(
      { length: 1000 },
      (_, i) => `<tr><td id="r${i}">${10_000_000 + i}</td><td>x</td></tr>`,
    );
    const [table] = tables(
      `<table><thead><tr><th>Deployment</th><th rowspan="0">Notes</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    );
    if (!table) throw new Error('no table');
    const grid = gridOf(cell(table, '#r0')) ?? expect.fail();
    // The header row and the asking cell's own.
    expect(grid.trs).toHaveLength(2);
    for (let i = 1; i < 10; i++) expect(gridOf(cell(table, `#r${i}`))).toBe(grid);
    expect(grid.trs).toHaveLength(11);
    expect(columnHeaderOf(cell(table, '#r9'), grid)?.textContent).toBe('Deployment');
    // A cell far down lays out the rows up to it, with the same answers as in order.
    expect(gridOf(cell(table, '#r700'))).toBe(grid);
    expect(grid.trs).toHaveLength(702);
    expect(positionOf(cell(table, '#r700'), grid)).toEqual({ row: 701, column: 0 });
    expect(columnHeaderOf(cell(table, '#r700'), grid)?.textContent).toBe('Deployment');
    // The header's rowspan="0" ends with its group: the body's second column is its own.
    expect(positionOf(cell(table, '#r5'), grid)).toEqual({ row: 6, column: 0 });
    expect(grid.rows[6]?.[1]?.textContent).toBe('x');
  });

  test('has no grid for a cell outside a table row', () => {
    document.body.innerHTML = '<div><span id="x">14181336</span></div>';
    expect(gridOf(document.querySelector('#x') as Element)).toBeNull();
  });
});
