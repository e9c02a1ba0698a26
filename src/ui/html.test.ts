/**
 * The one HTML toolkit's primitives: the escaper (text and attributes), the `html` template
 * (escaping by default, safe markup kept), URLs, JSON inside scripts, hashes; and the web app's
 * snippets (highlighted after escaping) and paths.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { highlightSnippet, plainSnippet } from './components/hits.js';
import { cspHash, esc, html, htmlBytes, safeHttpUrl, scriptJson, trusted } from './html.js';
import { paperPath, withQuery } from './pages/app-paths.js';

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

describe('html template', () => {
  it('should escape every interpolated string and number, keep SafeHtml, drop null and booleans', () => {
    const title = `<img src=x onerror="alert(1)"> & 'quotes'`;
    expect(html`<h1 title="${title}">${title}</h1>`.text).toBe(
      '<h1 title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39;</h1>',
    );
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${[html`<br>`, '<br>']}${null}${undefined}${false}${true}${3}</p>`.text).toBe(
      '<p><b>&lt;i&gt;</b><br>&lt;br&gt;3</p>',
    );
    expect(html`${trusted('<em>site markup</em>')}`.text).toBe('<em>site markup</em>');
  });

  it('should turn highlight markers into <mark> only after escaping, and drop stray markers', () => {
    expect(highlightSnippet('a \u0002<b>diffusion</b>\u0003 model').text).toBe(
      'a <mark>&lt;b&gt;diffusion&lt;/b&gt;</mark> model',
    );
    expect(highlightSnippet('\u0002open \u0002twice\u0003 end\u0003').text).toBe('open <mark>twice</mark> end');
    expect(plainSnippet('a \u0002b\u0003 c')).toBe('a **b** c');
  });

  it('should encode a page given in parts to the same bytes as the page joined', () => {
    // Two-byte, four-byte (surrogate pairs) and one-byte text across the 16,384-character groups.
    const parts = Array.from({ length: 300 }, (_, i) => `<p>第${i}篇 \u{1F44D} ${'x'.repeat(i % 7)}</p>`.repeat(9));
    const joined = parts.join('');
    expect(joined.length).toBeGreaterThan(3 * 16_384);
    expect(htmlBytes(parts).equals(Buffer.from(joined))).toBe(true);
    expect(htmlBytes(joined).toString('utf8')).toBe(joined);
    expect(htmlBytes([]).length).toBe(0);
  });

  it('should build paths: old-style ids keep their slash, queries drop empty values', () => {
    expect(paperPath('astro-ph/0601001')).toBe('/papers/astro-ph/0601001');
    expect(paperPath('2601.00001')).toBe('/papers/2601.00001');
    expect(withQuery('/search', { q: 'a&b c', category: '', page: 2, from: null })).toBe('/search?q=a%26b+c&page=2');
    expect(withQuery('/', {})).toBe('/');
  });
});
