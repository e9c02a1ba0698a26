/** Request input checks: typed values or a 400 that says what was expected. */
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { categoryParam, dateRange, intParam, listParam, localPath, paperIdFromPath, textParam } from './params.js';

const status = (fn: () => unknown): number | 'ok' => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof HTTPException ? e.status : -1;
  }
};

describe('serve: params', () => {
  it('should read dates, ranges, numbers, categories and lists, or answer 400', () => {
    expect(dateRange('2026-01-01', '')).toEqual({ from: '2026-01-01', to: null });
    expect(status(() => dateRange('2026-02-29', undefined))).toBe(400);
    expect(status(() => dateRange('2026-01-02', '2026-01-01'))).toBe(400);
    expect(intParam(undefined, 'page', { min: 1, max: 5, fallback: 1 })).toBe(1);
    expect(intParam('5', 'page', { min: 1, max: 5, fallback: 1 })).toBe(5);
    for (const bad of ['6', '0', '1.5', '1e3', 'x', '99999999999'])
      expect([bad, status(() => intParam(bad, 'page', { min: 1, max: 5, fallback: 1 }))]).toEqual([bad, 400]);
    expect(['cs.LG', 'hep-th', 'math.GT', 'astro-ph.CO', 'cond-mat.stat-mech'].map((c) => categoryParam(c))).toEqual([
      'cs.LG',
      'hep-th',
      'math.GT',
      'astro-ph.CO',
      'cond-mat.stat-mech',
    ]);
    for (const bad of ['<b>', 'cs.LG"', 'CS LG', 'cs.%'])
      expect([bad, status(() => categoryParam(bad))]).toEqual([bad, 400]);
    expect(listParam(' diffusion, ,llm，扩散 ', 'keywords', { items: 5, length: 20 })).toEqual([
      'diffusion',
      'llm',
      '扩散',
    ]);
    expect(status(() => listParam('a,b,c', 'keywords', { items: 2, length: 20 }))).toBe(400);
    expect(textParam('  ', 'q', 5)).toBeNull();
    expect(status(() => textParam('toolong', 'q', 5))).toBe(400);
  });

  it('should read arXiv ids from paths, old style with a plain or encoded slash, versions dropped', () => {
    expect(paperIdFromPath('2601.00001')).toBe('2601.00001');
    expect(paperIdFromPath('2601.00001v3')).toBe('2601.00001');
    expect(paperIdFromPath('astro-ph/0601001')).toBe('astro-ph/0601001');
    expect(paperIdFromPath('astro-ph%2F0601001')).toBe('astro-ph/0601001');
    for (const bad of ['', 'x', '%E0%A4%A', '../etc/passwd', '2601.00001/favorite'])
      expect([bad, status(() => paperIdFromPath(bad))]).toEqual([bad, 400]);
  });

  it('should accept only paths on this server as redirect targets', () => {
    expect(localPath('/days/2026-01-06#2601.00001')).toBe('/days/2026-01-06#2601.00001');
    expect(localPath('/search?q=a+b&page=2')).toBe('/search?q=a+b&page=2');
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'evil',
      '/a b',
      '/\n',
      7,
      undefined,
    ])
      expect(localPath(bad)).toBeNull();
  });
});
