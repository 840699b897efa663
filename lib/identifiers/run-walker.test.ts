import { describe, expect, test } from 'vitest';
import { createRunWalker } from './run-walker';
import { matchesIn, page, runsOf, runTexts } from './testing';

describe('createRunWalker', () => {
  test('reads text across inline elements as one run', () => {
    const body = page('<p>Deployment <b>1418</b>1336 and <span>S<wbr>N</span> <i>x</i></p>');
    const runs = runsOf(body).filter((run) => run.text.trim());
    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(run?.text).toBe('Deployment 14181336 and SN x');
    expect(run?.nodes.map((node) => node.data)).toEqual([
      'Deployment ',
      '1418',
      '1336 and ',
      'S',
      'N',
      ' ',
      'x',
    ]);
    expect(run?.starts).toEqual([0, 11, 15, 24, 25, 26, 27]);
    expect(run?.block).toBe(body.querySelector('p'));
  });

  test('keeps block elements in runs of their own, including the text around them', () => {
    const body = page('<div>before<p>inside</p>after<ul><li>one</li><li>two</li></ul></div>');
    expect(runTexts(body)).toEqual(['before', 'inside', 'after', 'one', 'two']);
    const runs = runsOf(body).filter((run) => run.text.trim());
    const div = body.querySelector('div');
    expect(runs.map((run) => run.block)).toEqual([
      div,
      body.querySelector('p'),
      div,
      ...Array.from(body.querySelectorAll('li')),
    ]);
  });

  test('separates table cells and the text on either side of an empty block', () => {
    const body = page(
      '<table><tr><td>a1</td><td>b2</td></tr></table><div>x<hr>y<div></div>z</div>',
    );
    expect(runTexts(body)).toEqual(['a1', 'b2', 'x', 'y', 'z']);
  });

  test('breaks the line at <br> and images without splitting the run', () => {
    const body = page('<p>VS0164AB<br>FPBX-100-00A3C9<img alt="x">tail</p>');
    const runs = runsOf(body).filter((run) => run.text.trim());
    expect(runs.map((run) => run.text)).toEqual(['VS0164AB\nFPBX-100-00A3C9\ntail']);
    expect(runs[0]?.starts).toEqual([0, 9, 25]);
  });

  test('skips script, style, noscript, template, textarea, select, hidden and aria-hidden', () => {
    const body = page(
      [
        '<p>shown</p>',
        '<script>var deployment = "14181336";</script>',
        '<style>.a{}</style>',
        '<noscript>no script</noscript>',
        '<template><p>templated</p></template>',
        '<textarea>typed</textarea>',
        '<select><option>picked</option></select>',
        '<div hidden><p>hidden</p></div>',
        '<div aria-hidden="true"><p>aria hidden</p></div>',
        '<div aria-hidden="TRUE">upper</div>',
        '<div aria-hidden="false">not hidden</div>',
        '<p>last</p>',
      ].join(''),
    );
    expect(runTexts(body)).toEqual(['shown', 'not hidden', 'last']);
  });

  test('does not read comments or attributes', () => {
    const body = page(
      '<p title="Deployment 14181336"><!-- 85922823 -->text<a href="/x">link</a></p>',
    );
    expect(runTexts(body)).toEqual(['textlink']);
  });

  test('reads text hidden only by CSS', () => {
    const body = page(
      '<details><summary>More</summary><p style="display:none">folded</p></details>',
    );
    expect(runTexts(body)).toEqual(['More', 'folded']);
  });

  test('walks into open shadow roots as blocks of their own, never closed ones', () => {
    const body = page('<p>before <x-card>light</x-card> after</p><div id="closed">c</div>');
    const card = body.querySelector('x-card') as Element;
    const open = card.attachShadow({ mode: 'open' });
    open.innerHTML = '<span>shadow <b>text</b></span><p>deeper</p>';
    const closed = (body.querySelector('#closed') as Element).attachShadow({ mode: 'closed' });
    closed.innerHTML = '<p>secret</p>';
    const runs = runsOf(body).filter((run) => run.text.trim());
    expect(runs.map((run) => run.text.trim())).toEqual([
      'before',
      'shadow text',
      'deeper',
      'light after',
      'c',
    ]);
    expect(runs[1]?.block).toBe(open);
    expect(runs[2]?.block).toBe(open.querySelector('p'));
  });

  test('walks a shadow root given as the root', () => {
    const host = page('<div></div>').firstElementChild as Element;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = 'Serial <b>VS0164AB</b>';
    expect(runsOf(shadow).map((run) => [run.text, run.block])).toEqual([
      ['Serial VS0164AB', shadow],
    ]);
  });

  test('re-produces a block’s runs when walked from that block', () => {
    const body = page('<div><p>one <b>two</b></p><p>three<span>four</span></p></div>');
    for (const run of runsOf(body)) {
      if (!run.text.trim()) continue;
      const again = runsOf(run.block).find((other) => other.nodes[0] === run.nodes[0]);
      expect(again?.text).toBe(run.text);
      expect(again?.nodes).toEqual(run.nodes);
      expect(again?.starts).toEqual(run.starts);
      expect(again?.block).toBe(run.block);
    }
  });

  test('walks an element root, reading nothing when the root itself is skipped', () => {
    const body = page('<div id="a">x<p>y</p></div><div id="b" hidden>z</div>');
    expect(runTexts(body.querySelector('#a') as Element)).toEqual(['x', 'y']);
    expect(runTexts(body.querySelector('#b') as Element)).toEqual([]);
  });

  test('walks a text node root as one run', () => {
    const text = page('<p>Deployment 14181336</p>').querySelector('p')?.firstChild as Text;
    const runs = runsOf(text);
    expect(runs.map((run) => [run.text, run.nodes[0]])).toEqual([['Deployment 14181336', text]]);
  });

  test('counts what it read', () => {
    const body = page('<p>abc<b>de</b></p><script>ignored</script>');
    const walker = createRunWalker(body);
    while (walker.next()) {
      // drain
    }
    expect(walker.charsRead).toBe(5);
    expect(walker.nodesRead).toBe(5); // p, "abc", b, "de", script (its text is never read)
    expect(walker.next()).toBeNull();
  });

  test('hands back after a bounded amount of work on pages of empty elements', () => {
    const body = page(`${'<div></div>'.repeat(5000)}<p>end</p>`);
    const walker = createRunWalker(body);
    let calls = 0;
    let texts = '';
    for (let run = walker.next(); run; run = walker.next()) {
      calls++;
      texts += run.text;
    }
    expect(texts).toBe('end');
    expect(calls).toBeGreaterThan(1);
  });

  test('never cuts a block of many inline nodes: blank runs while it reads, then the whole run', () => {
    // 8,000 items after one cue: more nodes than one call may visit, more text than a
    // plain block may hold; the list counts whole only if the run is whole.
    const items = Array.from({ length: 8_000 }, (_, i) => `<b>${10_000_000 + i}</b>`);
    const body = page(`<p>deployments ${items.join(', ')}</p>`);
    for (const digitRunsOnly of [false, true]) {
      const walker = createRunWalker(body, { digitRunsOnly });
      let calls = 0;
      const runs = [];
      for (let run = walker.next(); run; run = walker.next()) {
        calls++;
        if (run.nodes.length > 0) runs.push(run);
      }
      expect(calls).toBeGreaterThan(5);
      expect(runs).toHaveLength(1);
      expect(runs[0]?.text).toBe(body.querySelector('p')?.textContent);
    }
    expect(matchesIn(body)).toHaveLength(8_000);
  }, 30_000);

  describe('with digitRunsOnly (the detector’s walk)', () => {
    const gatedTexts = (root: Node) => {
      const walker = createRunWalker(root, { digitRunsOnly: true });
      const texts: string[] = [];
      for (let run = walker.next(); run; run = walker.next()) {
        const text = run.text.replace(/\s+/g, ' ').trim();
        if (text) texts.push(text);
      }
      return { texts, walker };
    };

    test('leaves out blocks of inline text without a digit, and keeps the ones with one', () => {
      const body = page(
        [
          '<p>no <b>digits</b> here</p>',
          '<p>Deployment <b>1418</b>1336</p>',
          '<div>before<p>plain <i>words</i></p>after 7</div>',
          '<td>one text node</td>',
        ].join(''),
      );
      expect(gatedTexts(body).texts).toEqual([
        'Deployment 14181336',
        'before',
        'after 7',
        'one text node',
      ]);
    });

    test('hands back the same runs as the full walk wherever a digit is', () => {
      const body = page(
        '<div><p>Serial <b>VS0164AB</b></p><p>none <b>at</b> all</p><ul><li>a <b>1</b></li></ul></div>',
      );
      const full = runsOf(body).filter((run) => /[0-9]/.test(run.text));
      const walker = createRunWalker(body, { digitRunsOnly: true });
      const gated = [];
      for (let run = walker.next(); run; run = walker.next()) {
        if (/[0-9]/.test(run.text)) gated.push(run);
      }
      expect(gated.map((run) => [run.text, run.nodes, run.starts, run.block])).toEqual(
        full.map((run) => [run.text, run.nodes, run.starts, run.block]),
      );
    });

    test('reads hiding attributes the way the full walk does', () => {
      // Only some of these attributes hide: a plain block is one only if none of them does.
      const body = page(
        [
          '<p>Serial <span aria-hidden="false">VS0164AB</span> 1</p>',
          '<p>Deployment <b aria-hidden=" TRUE ">14181336</b> 2</p>',
          '<p>Deployment <i><b hidden>14181337</b></i> 3</p>',
          '<p>Deployment <b class="x" title="y">14181338</b> 4</p>',
        ].join(''),
      );
      const full = runsOf(body).filter((run) => /[0-9]/.test(run.text));
      const { texts } = gatedTexts(body);
      expect(texts).toEqual(full.map((run) => run.text.replace(/\s+/g, ' ').trim()));
      expect(texts).toEqual([
        'Serial VS0164AB 1',
        'Deployment 2',
        'Deployment 3',
        'Deployment 14181338 4',
      ]);
    });

    test('walks a block holding a shadow root, a hidden element or a line break in full', () => {
      const body = page(
        [
          '<p>no digit <b>here</b> <x-chip></x-chip> <span id="s">x</span></p>',
          '<p>words <span hidden><x-chip id="hidden"></x-chip></span></p>',
          '<p>one<br>two</p>',
        ].join(''),
      );
      const chip = body.querySelector('x-chip') as Element;
      chip.attachShadow({ mode: 'open' }).innerHTML = '<b>Serial VS0164AB</b>';
      const span = body.querySelector('#s') as Element;
      span.attachShadow({ mode: 'open' }).innerHTML = 'Deployment 14181336';
      const hidden = body.querySelector('#hidden') as Element;
      hidden.attachShadow({ mode: 'open' }).innerHTML = 'Serial VS0999ZZ';
      expect(gatedTexts(body).texts).toEqual([
        'no digit here',
        'Serial VS0164AB',
        'Deployment 14181336',
        'x',
        'words',
        'one two',
      ]);
    });

    test('reads the shadow root of a block that would otherwise be plain', () => {
      const body = page('<p>light <b>words</b></p>');
      const host = body.firstElementChild as Element;
      host.attachShadow({ mode: 'open' }).innerHTML = 'Serial <b>VS0777AB</b>';
      expect(gatedTexts(body).texts).toEqual(['Serial VS0777AB', 'light words']);
    });

    test('hands out a plain block’s run after the run its start ended', () => {
      const body = page('<div>before 1<p>Serial <b>VS0164AB</b></p>after</div>');
      const walker = createRunWalker(body, { digitRunsOnly: true });
      const runs = [];
      for (let run = walker.next(); run; run = walker.next()) {
        if (run.text.trim()) runs.push([run.text, run.block]);
      }
      const div = body.querySelector('div');
      expect(runs).toEqual([
        ['before 1', div],
        ['Serial VS0164AB', body.querySelector('p')],
        ['after', div],
      ]);
    });

    test('hands back within its budget along a long row of blocks without a digit', () => {
      const body = page(`${'<p>plain <b>words</b></p>'.repeat(3000)}<p>end 1</p>`);
      const walker = createRunWalker(body, { digitRunsOnly: true });
      let calls = 0;
      const texts: string[] = [];
      for (let run = walker.next(); run; run = walker.next()) {
        calls++;
        if (run.text.trim()) texts.push(run.text);
      }
      expect(texts).toEqual(['end 1']);
      // 3000 blocks are fewer steps than one call's budget, but asking each costs more.
      expect(calls).toBeGreaterThan(3);
    });

    test('counts the text of a block it leaves out as read', () => {
      const body = page('<p>abc<b>de</b></p><p>x1</p>');
      const { walker } = gatedTexts(body);
      expect(walker.charsRead).toBe(7);
    });
  });
});

describe('a page changing under the walk', () => {
  test('goes on from the nearest element still in place when the node it stood on is removed', () => {
    const body = page('<div id="feed"><p>a1</p><p>b2</p><p>c3</p><p>d4</p></div><p>e5</p>');
    const walker = createRunWalker(body);
    expect(walker.next()?.text).toBe('a1');
    // The walk has entered the second item; the page removes it and the one after it.
    expect(walker.reached).toBe(body.querySelectorAll('p')[1]);
    const [, second, third] = body.querySelectorAll('p');
    second?.remove();
    third?.remove();
    const rest: string[] = [];
    for (let run = walker.next(); run; run = walker.next())
      if (run.text.trim()) rest.push(run.text);
    // The first item is read again (its matches are replaced, not added); nothing is missed.
    expect(rest).toEqual(['a1', 'd4', 'e5']);
  });

  test('leaves out the elements it is told to skip', () => {
    const body = page('<p>a1</p><div class="new"><p>b2</p></div><p>c3</p>');
    const added = body.querySelector('.new') as Element;
    const walker = createRunWalker(body, { skip: (el) => el === added });
    const texts: string[] = [];
    for (let run = walker.next(); run; run = walker.next())
      if (run.text.trim()) texts.push(run.text);
    expect(texts).toEqual(['a1', 'c3']);
  });
});
