/**
 * Generated arXiv worlds for the stand-in: a day of N papers in realistic proportions across
 * your categories and others, submitted inside the listing date's real submission window.
 */
import { submissionWindow } from '../../src/arxiv/schedule.js';
import type { StandInAnnouncement, StandInPaper, StandInWorld } from './arxiv-standin.js';

export const MY_CATEGORIES = ['cs.AR', 'cs.DC', 'cs.LG'];

/** Primary categories in turn: mostly yours, some from elsewhere (cross-lists into yours). */
const PRIMARIES = ['cs.LG', 'cs.LG', 'cs.DC', 'cs.AR', 'cs.LG', 'math.OC', 'stat.ML', 'cs.DC'];

export interface GeneratedDay {
  world: StandInWorld;
  /** Papers whose primary category is one of MY_CATEGORIES (what fetch keeps by default). */
  mine: string[];
  crossFromElsewhere: string[];
  replacements: string[];
}

export function generateDay(listingDate: string, n: number, replacements = 0, prefix = '2609'): GeneratedDay {
  const window = submissionWindow(listingDate);
  if (!window) throw new Error(`${listingDate} is not a listing date`);
  const span = window.end.getTime() - window.start.getTime();
  const papers: StandInPaper[] = [];
  const announced: StandInAnnouncement[] = [];
  const out: GeneratedDay = { world: { papers, days: {} }, mine: [], crossFromElsewhere: [], replacements: [] };
  for (let i = 0; i < n; i++) {
    const id = `${prefix}.${String(10001 + i)}`;
    const primary = PRIMARIES[i % PRIMARIES.length]!;
    // Every third paper is cross-listed to one more of your categories.
    const extra =
      MY_CATEGORIES.find((c) => c !== primary && i % 3 === 0) ?? (primary.startsWith('cs.') ? null : 'cs.LG');
    const categories = extra ? [primary, extra] : [primary];
    const at = new Date(window.start.getTime() + Math.floor(((i + 0.5) / n) * span)).toISOString();
    papers.push({
      id,
      version: 1,
      title: `Paper ${i}: scalable ${primary} systems`,
      authors: [`Author ${i}`, 'Zoë Ünicode'],
      abstract: `We study problem ${i} in ${primary}. Our method improves throughput by ${i % 50}%.`,
      categories,
      comment: i % 4 === 0 ? `${10 + (i % 7)} pages` : null,
      published: at,
      updated: at,
    });
    announced.push({ paperId: id, version: 1, kind: 'new', categories });
    (MY_CATEGORIES.includes(primary) ? out.mine : out.crossFromElsewhere).push(id);
  }
  for (let i = 0; i < replacements; i++) {
    const id = `2501.${String(20001 + i)}`;
    papers.push({
      id,
      version: 2,
      title: `Older paper ${i}`,
      authors: ['Old Author'],
      abstract: 'An older paper, replaced.',
      categories: ['cs.LG'],
      published: '2025-01-10T12:00:00Z',
      updated: window.start.toISOString(),
    });
    announced.push({ paperId: id, version: 2, kind: 'replace', categories: ['cs.LG'] });
    out.replacements.push(id);
  }
  out.world.days[listingDate] = announced;
  return out;
}
