import { describe, expect, it } from 'vitest';
import { pyDumps } from './py-json.js';

describe('pyDumps', () => {
  it("should write Python json.dumps' separators and key order", () => {
    expect(pyDumps({ id: '1', categories: ['a', 'b'], comment: null, n: 3, ok: true, e: [], o: {} })).toBe(
      '{"id": "1", "categories": ["a", "b"], "comment": null, "n": 3, "ok": true, "e": [], "o": {}}',
    );
  });

  it('should escape like ensure_ascii=True (lowercase hex, surrogate pairs)', () => {
    expect(pyDumps('π 提出 é 😀', true)).toBe('"\\u03c0 \\u63d0\\u51fa \\u00e9 \\ud83d\\ude00"');
  });

  it('should keep non-ASCII with ensure_ascii=False and always escape quotes and controls', () => {
    expect(pyDumps('π "q" \\ \n\t\r\b\f \u0001 \u007f /', false)).toBe(
      '"π \\"q\\" \\\\ \\n\\t\\r\\b\\f \\u0001 \u007f /"',
    );
  });

  it('should drop undefined keys and write floats like Python', () => {
    expect(pyDumps({ a: undefined, b: 1.5, c: 1e-7, d: 1e21 })).toBe('{"b": 1.5, "c": 1e-07, "d": 1e+21}');
  });
});
