import { describe, expect, it } from 'vitest';
import { arxivIdFromUrl, parseArxivId } from './arxiv-id.js';

describe('parseArxivId', () => {
  it('should parse new-style ids with and without version', () => {
    expect(parseArxivId('2401.01234')).toEqual({ id: '2401.01234', version: null });
    expect(parseArxivId('2401.01234v12')).toEqual({ id: '2401.01234', version: 12 });
    expect(parseArxivId('0704.0001')).toEqual({ id: '0704.0001', version: null });
    expect(parseArxivId(' 1412.9999v1 ')).toEqual({ id: '1412.9999', version: 1 });
  });

  it('should parse old-style ids with archive and subject class', () => {
    expect(parseArxivId('astro-ph/0601001')).toEqual({ id: 'astro-ph/0601001', version: null });
    expect(parseArxivId('math.GT/0309136v2')).toEqual({ id: 'math.GT/0309136', version: 2 });
    expect(parseArxivId('cond-mat/9912345')).toEqual({ id: 'cond-mat/9912345', version: null });
  });

  it('should reject things that are not arXiv ids', () => {
    for (const bad of [
      '',
      'abc',
      '2401.1234',
      '2413.01234',
      '2401.123456',
      '1501.1234',
      '1412.12345',
      '0612.0001',
      'astro-ph/061301',
      '2401.01234v',
      '<script>',
    ]) {
      expect(parseArxivId(bad), bad).toBeNull();
    }
  });

  it('should take ids from abs and pdf links', () => {
    expect(arxivIdFromUrl('https://arxiv.org/abs/2606.01400')).toEqual({ id: '2606.01400', version: null });
    expect(arxivIdFromUrl('http://arxiv.org/pdf/2606.01400v3.pdf')).toEqual({ id: '2606.01400', version: 3 });
    expect(arxivIdFromUrl('https://arxiv.org/abs/hep-th/9901001v1')).toEqual({ id: 'hep-th/9901001', version: 1 });
    expect(arxivIdFromUrl('https://example.org/abs/2606.01400')).toBeNull();
  });
});
