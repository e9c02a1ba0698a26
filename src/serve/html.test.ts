/** The app's HTML template: escaping by default, safe markup kept, snippets highlighted after escaping. */
import { describe, expect, it } from 'vitest';
import { highlightSnippet, htmlBytes, markup, paperPath, plainSnippet, trusted, withQuery } from './html.js';

describe('serve: html', () => {
  it('should escape every interpolated string and number, keep SafeHtml, drop null and booleans', () => {
    const title = `<img src=x onerror="alert(1)"> & 'quotes'`;
    expect(markup`<h1 title="${title}">${title}</h1>`.text).toBe(
      '<h1 title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39;</h1>',
    );
    const inner = markup`<b>${'<i>'}</b>`;
    expect(markup`<p>${inner}${[markup`<br>`, '<br>']}${null}${undefined}${false}${true}${3}</p>`.text).toBe(
      '<p><b>&lt;i&gt;</b><br>&lt;br&gt;3</p>',
    );
    expect(markup`${trusted('<em>site markup</em>')}`.text).toBe('<em>site markup</em>');
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
