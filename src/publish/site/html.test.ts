/** The site's escaping primitives: HTML text and attributes, URLs, JSON inside scripts. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspHash, esc, safeHttpUrl, scriptJson } from './html.js';

describe('esc', () => {
  it('should escape the five characters that matter in text and quoted attributes', () => {
    expect(esc(`<img src=x onerror=alert(1)> & "a" 'b'`)).toBe(
      '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;a&quot; &#39;b&#39;',
    );
  });

  it('should leave other text, including non-ASCII, untouched', () => {
    expect(esc('Zoë Ünicode 扩散模型 \\ $1 $$')).toBe('Zoë Ünicode 扩散模型 \\ $1 $$');
  });
});

describe('safeHttpUrl', () => {
  it('should accept http and https URLs and normalize them', () => {
    expect(safeHttpUrl('https://github.com/a/b')).toBe('https://github.com/a/b');
    expect(safeHttpUrl(' http://example.org/x y ')).toBe('http://example.org/x%20y');
  });

  it('should refuse script, data and relative URLs and garbage', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<b>',
      '/etc/passwd',
      'x',
      '',
      null,
    ])
      expect(safeHttpUrl(bad), String(bad)).toBeNull();
  });

  it('should keep quotes out of the result so an attribute cannot be closed', () => {
    expect(safeHttpUrl('https://example.org/"><script>')).toBe('https://example.org/%22%3E%3Cscript%3E');
  });
});

describe('scriptJson', () => {
  it('should never contain < and should parse back to the same value', () => {
    const value = { t: '</script><script>alert(1)</script><!-- \u2028\u2029 "q" \\' };
    const json = scriptJson(value);
    expect(json).not.toContain('<');
    expect(json).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('cspHash', () => {
  it('should be the quoted base64 SHA-256 a CSP expects', () => {
    const digest = createHash('sha256').update('alert(1)').digest('base64');
    expect(cspHash('alert(1)')).toBe(`'sha256-${digest}'`);
  });
});
