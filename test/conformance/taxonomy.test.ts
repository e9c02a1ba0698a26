/** Our arXiv category table against arXiv's own (arxiv-base's category definitions, read in place). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ARXIV_CATEGORIES } from '../../src/core/arxiv-categories.js';

const FIXTURES =
  process.env.ARXIV_DIGEST_FIXTURES ?? fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));

describe("arXiv's category taxonomy", () => {
  it('should know exactly the active categories', () => {
    const defs = JSON.parse(readFileSync(join(FIXTURES, 'arxiv/taxonomy-arXiv_category_def.json'), 'utf8')) as {
      category: string;
      active: number;
    }[];
    const active = defs.filter((d) => Number(d.active) === 1 && !d.category.startsWith('test')).map((d) => d.category);
    expect([...ARXIV_CATEGORIES].sort()).toEqual(active.sort());
  });
});
