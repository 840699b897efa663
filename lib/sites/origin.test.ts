import { describe, expect, test } from 'vitest';
import { isCanonicalSiteOrigin, matchPatternFor, parseSiteOrigin } from './origin';

describe('parseSiteOrigin', () => {
  test.each([
    ['example.com', 'https://example.com'],
    ['  Example.COM  ', 'https://example.com'],
    ['http://example.com', 'http://example.com'],
    ['https://help.example.com/tickets/42?x=1#c', 'https://help.example.com'],
    ['https://example.com:443', 'https://example.com'],
    ['localhost:8080', 'https://localhost:8080'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
    ['bücher.example', 'https://xn--bcher-kva.example'],
  ])('%j → %s', (input, origin) => {
    expect(parseSiteOrigin(input)).toEqual({ ok: true, value: origin });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['*.example.com', 'wildcard'],
    ['https://*/*', 'wildcard'],
    ['<all_urls>', 'invalid'],
    ['ftp://example.com', 'unsupported-scheme'],
    ['file:///etc/passwd', 'unsupported-scheme'],
    ['javascript:alert(1)', 'unsupported-scheme'],
    ['chrome-extension://abc', 'unsupported-scheme'],
    ['https://user:pw@example.com', 'credentials'],
    ['exa mple.com', 'invalid'],
    ['https://', 'invalid'],
  ])('%j is refused as %s', (input, kind) => {
    const result = parseSiteOrigin(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe(kind);
  });

  test('only exact origins are canonical', () => {
    expect(isCanonicalSiteOrigin('https://example.com')).toBe(true);
    expect(isCanonicalSiteOrigin('https://example.com/')).toBe(false);
    expect(isCanonicalSiteOrigin('example.com')).toBe(false);
  });
});

describe('matchPatternFor', () => {
  test('keeps the port where patterns support one (Chrome)', () => {
    expect(matchPatternFor('http://127.0.0.1:8787', { portsInPatterns: true })).toBe(
      'http://127.0.0.1:8787/*',
    );
    expect(matchPatternFor('https://example.com', { portsInPatterns: true })).toBe(
      'https://example.com/*',
    );
  });

  test('drops the port where patterns cannot have one (Firefox)', () => {
    expect(matchPatternFor('http://127.0.0.1:8787', { portsInPatterns: false })).toBe(
      'http://127.0.0.1/*',
    );
  });
});
