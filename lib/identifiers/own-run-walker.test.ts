import { describe, expect, test } from 'vitest';
import { createOwnRunWalker, type OwnRunWalker } from './own-run-walker';
import { createRunWalker } from './run-walker';

function texts(walker: OwnRunWalker): string[] {
  const out: string[] = [];
  for (let run = walker.next(); run; run = walker.next()) if (run.text.trim()) out.push(run.text);
  return out;
}

describe('own runs of a block', () => {
  test('reads a block like the detector’s walker when nothing is nested in it', () => {
    document.body.innerHTML =
      '<p id="p">Serial <b>AB</b>12<span>CD</span>34<br>next line <i hidden>x</i><script>s</script>end</p>';
    const p = document.querySelector('#p') as HTMLElement;
    expect(texts(createOwnRunWalker(p))).toEqual(texts(createRunWalker(p)));
    expect(texts(createOwnRunWalker(p))).toEqual(['Serial AB12CD34\nnext line end']);
  });

  test('leaves out nested blocks, and splits its own text around them', () => {
    document.body.innerHTML =
      '<div id="d">before <b>bold</b><div>nested one</div>after<p>nested two</p><span>tail</span></div>';
    const d = document.querySelector('#d') as HTMLElement;
    const walker = createOwnRunWalker(d);
    expect(texts(walker)).toEqual(['before bold', 'after', 'tail']);
    // Nested blocks are not even visited: only the block's own nodes count.
    expect(walker.nodesRead).toBe(8);
  });

  test('ends its run at a shadow host, like the detector’s walker, leaving the shadow text out', () => {
    document.body.innerHTML = '<div id="d">before <span id="h">light</span> after</div>';
    const d = document.querySelector('#d') as HTMLElement;
    (document.querySelector('#h') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML =
      '<p>shadow</p>';
    expect(texts(createOwnRunWalker(d))).toEqual(['before ', 'light after']);
    expect(texts(createRunWalker(d))).toContain('before ');
  });

  test('hands back blank runs while a long run is read, then the whole run, never cut', () => {
    const d = document.createElement('div');
    for (let i = 0; i < 5000; i++) d.append(document.createElement('b'), 'x ');
    document.body.replaceChildren(d);
    const walker = createOwnRunWalker(d);
    expect(walker.next()?.nodes).toEqual([]);
    const runs = [];
    for (let run = walker.next(); run; run = walker.next()) {
      if (run.nodes.length > 0) runs.push(run);
    }
    expect(runs).toHaveLength(1);
    expect(runs[0]?.nodes).toHaveLength(5000);
    expect(runs[0]?.text).toBe('x '.repeat(5000));
  });

  test('never cuts a run inside a token, however long it runs past the budget', () => {
    const d = document.createElement('div');
    for (let i = 0; i < 5000; i++) d.append(document.createElement('b'), 'x');
    document.body.replaceChildren(d);
    const runs = texts(createOwnRunWalker(d)).filter((t) => t !== '');
    expect(runs).toEqual(['x'.repeat(5000)]);
  });
});
