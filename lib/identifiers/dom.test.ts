import { describe, expect, test } from 'vitest';
import { isHiddenElement } from './dom';
import { blockOf, isReadable } from './index';
import { page } from './testing';

describe('isReadable', () => {
  test('is false inside skipped, hidden and aria-hidden elements, up through shadow hosts', () => {
    const body = page(
      '<p id="p">a<b>b</b></p><div hidden><span id="h">x</span></div><div aria-hidden="true"><i id="ah">y</i></div><script id="s">z</script><div id="host" aria-hidden="true"></div><!--c-->',
    );
    const byId = (id: string) => body.querySelector(`#${id}`) as Element;
    expect(isReadable(byId('p'))).toBe(true);
    expect(isReadable(byId('p').querySelector('b')?.firstChild as Node)).toBe(true);
    expect(isReadable(byId('h'))).toBe(false);
    expect(isReadable(byId('ah').firstChild as Node)).toBe(false);
    expect(isReadable(byId('s').firstChild as Node)).toBe(false);
    const shadow = byId('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside</p>';
    expect(isReadable(shadow.querySelector('p') as Element)).toBe(false);
    expect(isReadable(body.lastChild as Node)).toBe(false);
    expect(isReadable(document)).toBe(true);
  });
});

describe('blockOf', () => {
  test('gives the nearest block element, else the shadow root or document', () => {
    const body = page('<div><p>one <b>two</b></p>three</div>');
    const p = body.querySelector('p') as Element;
    expect(blockOf(p.querySelector('b')?.firstChild as Node)).toBe(p);
    expect(blockOf(p)).toBe(p);
    expect(blockOf(body.querySelector('div')?.lastChild as Node)).toBe(body.querySelector('div'));
    const shadow = (body.querySelector('div') as Element).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>x</span>';
    expect(blockOf(shadow.querySelector('span')?.firstChild as Node)).toBe(shadow);
  });
});

describe('isHiddenElement', () => {
  const reflecting = (html: string, hidden: unknown, ariaHidden: unknown) => {
    const el = page(html).firstElementChild as Element;
    Object.defineProperty(el, 'hidden', { value: hidden });
    Object.defineProperty(el, 'ariaHidden', { value: ariaHidden });
    return el;
  };

  test('trusts the reflected properties where the browser has them', () => {
    expect(isHiddenElement(reflecting('<p class="a">x</p>', false, null))).toBe(false);
    expect(isHiddenElement(reflecting('<p hidden>x</p>', true, null))).toBe(true);
    expect(isHiddenElement(reflecting('<p hidden="until-found">x</p>', 'until-found', null))).toBe(
      true,
    );
    expect(isHiddenElement(reflecting('<p aria-hidden=" TRUE ">x</p>', false, ' TRUE '))).toBe(
      true,
    );
    expect(isHiddenElement(reflecting('<p aria-hidden="false">x</p>', false, 'false'))).toBe(false);
  });

  test('reads the attributes when a property is missing or clobbered', () => {
    const clobbered = page('<form hidden><input name="hidden"></form>').firstElementChild;
    expect(isHiddenElement(clobbered as Element)).toBe(true);
    // No ARIA reflection (an older DOM): the attribute still counts.
    expect(isHiddenElement(reflecting('<p aria-hidden="true">x</p>', false, undefined))).toBe(true);
    // SVG has no `hidden` property.
    expect(isHiddenElement(reflecting('<p hidden>x</p>', undefined, undefined))).toBe(true);
    expect(isHiddenElement(page('<b>x</b>').firstElementChild as Element)).toBe(false);
  });
});
