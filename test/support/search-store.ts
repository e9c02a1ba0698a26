/**
 * A generated store large enough that searches cost real time (test-only): `papers` papers over
 * days of 250, with abstracts of ~120 words drawn from a Zipf-like vocabulary of English-looking
 * words, so common words and short prefixes match most papers as on arXiv. Deterministic; built
 * through the store's own methods (about 25,000 papers in a few seconds).
 */
import { join } from 'node:path';
import type { AnnouncementInput, PaperInput } from '../../src/core/types.js';
import { openStore, type Store } from '../../src/store/store.js';

const SYLLABLES =
  'ba be bi bo bu ca ce co da de di do fa fe fi ga ge go la le li lo ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi'.split(
    ' ',
  );
const COMMON =
  'the of and a in to we for is that this on with by as are an our from be which can model data learning method'.split(
    ' ',
  );
const CATEGORIES = ['cs.LG', 'cs.CV', 'cs.CL', 'cs.AI', 'stat.ML', 'cs.RO'];

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SearchStore {
  store: Store;
  path: string;
  /** Announcement dates, oldest first. */
  days: string[];
}

export function generateSearchStore(dir: string, papers: number, seed = 7): SearchStore {
  const random = rng(seed);
  const vocabulary: string[] = [...COMMON];
  while (vocabulary.length < 6000) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    vocabulary.push(w);
  }
  // Zipf: rank r drawn with probability ∝ 1/r.
  const word = () => vocabulary[Math.floor(Math.exp(random() * Math.log(vocabulary.length))) - 1]!;
  const text = (n: number) => Array.from({ length: n }, word).join(' ');
  const path = join(dir, 'search.db');
  const store = openStore(path, { now: () => new Date('2026-01-01T00:00:00Z') });
  const days: string[] = [];
  const perDay = 250;
  const start = Date.UTC(2020, 0, 1);
  store.rawDatabase().pragma('synchronous = OFF');
  for (let first = 0; first < papers; first += perDay) {
    const date = new Date(start + (first / perDay) * 86_400_000).toISOString().slice(0, 10);
    days.push(date);
    const batch: PaperInput[] = [];
    const listings: AnnouncementInput[] = [];
    for (let i = first; i < Math.min(papers, first + perDay); i++) {
      const id = `${2000 + Math.floor(i / 99_999)}.${String((i % 99_999) + 1).padStart(5, '0')}`;
      const primary = CATEGORIES[i % CATEGORIES.length]!;
      batch.push({
        id,
        version: 1,
        title: text(8),
        authors: [`Author ${i % 997}`, `Writer ${i % 389}`],
        abstract: text(120),
        categories: [primary],
      });
      listings.push({ paperId: id, category: primary, version: 1, kind: 'new' });
    }
    store.transaction(() => {
      store.upsertPapers(batch, 'test');
      store.addAnnouncements(date, listings, 'test');
    });
  }
  store.rawDatabase().pragma('synchronous = NORMAL');
  return { store, path, days };
}
