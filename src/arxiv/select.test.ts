import { describe, expect, it } from 'vitest';
import type { AnnouncementKind } from '../core/types.js';
import { selectAnnounced, type Announced } from './select.js';

const item = (id: string, kind: AnnouncementKind, categories: string[]): Announced => ({
  id,
  version: kind.startsWith('replace') ? 2 : 1,
  kind,
  title: `T ${id}`,
  authors: ['A'],
  abstract: 'x',
  categories,
});

const day = [
  item('2609.00001', 'new', ['cs.LG', 'cs.DC']), // yours, cross-listed to another of yours
  item('2609.00002', 'new', ['cs.AR']),
  item('2609.00003', 'cross', ['math.OC', 'cs.LG']), // cross-list from elsewhere
  item('2609.00004', 'new', ['cs.DC', 'cs.LG']), // cross-listed between your categories
  item('2507.00007', 'cross', ['cs.AR', 'cs.LG']), // an older paper of yours, newly cross-listed to cs.LG
  item('2608.00005', 'replace', ['cs.LG']),
  item('2608.00006', 'replace-cross', ['stat.ML', 'cs.LG', 'cs.AR']),
];
const mine = ['cs.AR', 'cs.DC', 'cs.LG'];
const rows = (s: ReturnType<typeof selectAnnounced>) =>
  s.announcements.map((a) => `${a.paperId}@${a.category}:${a.kind}`);

describe('selectAnnounced', () => {
  it('should keep, by default, papers whose primary category is yours, with a row per listing of yours', () => {
    const s = selectAnnounced(day, mine, new Set());
    expect(s.papers.map((p) => p.id)).toEqual(['2609.00001', '2609.00002', '2609.00004', '2507.00007']);
    expect(rows(s)).toEqual([
      '2609.00001@cs.LG:new',
      '2609.00001@cs.DC:cross',
      '2609.00002@cs.AR:new',
      '2609.00004@cs.DC:new',
      '2609.00004@cs.LG:cross',
      '2507.00007@cs.LG:cross',
    ]);
    expect(s.skipped).toEqual({ crossFromElsewhere: 1, replacements: 2 });
  });

  it('should add cross-lists from other categories and replacements when asked', () => {
    const s = selectAnnounced(day, mine, new Set(['cross', 'replace'] as const));
    expect(s.papers).toHaveLength(7);
    expect(rows(s)).toContain('2609.00003@cs.LG:cross');
    expect(rows(s)).toContain('2608.00005@cs.LG:replace');
    expect(rows(s)).toEqual(
      expect.arrayContaining(['2608.00006@cs.LG:replace-cross', '2608.00006@cs.AR:replace-cross']),
    );
    expect(s.skipped).toEqual({ crossFromElsewhere: 0, replacements: 0 });
  });

  it('should store a paper listed twice once', () => {
    const s = selectAnnounced([day[0]!, day[0]!], mine, new Set());
    expect(s.papers).toHaveLength(1);
    expect(s.announcements).toHaveLength(2);
  });
});
