/**
 * Which announced papers make the digest, and under which listings. Default, like the
 * reference system: papers whose primary category is one of yours (new submissions, and their
 * cross-lists between your categories). `cross` adds cross-lists from other categories,
 * `replace` adds replacements. A paper listed in several of your categories is one paper with
 * one announcement row per listing. Pure.
 */
import type { AnnouncementInput, AnnouncementKind, PaperInput } from '../core/types.js';

export type IncludeOption = 'cross' | 'replace';
export const INCLUDE_OPTIONS: readonly IncludeOption[] = ['cross', 'replace'];

/** What discovery knows of an announced paper (from the feed, a listing page or the API). */
export interface Announced {
  id: string;
  version: number | null;
  kind: AnnouncementKind;
  title: string;
  authors: string[];
  abstract: string | null;
  /** Primary first. */
  categories: string[];
  doi?: string | null;
  journalRef?: string | null;
  comment?: string | null;
}

export interface Selection {
  /** Papers that make the digest, in announcement order. */
  papers: Announced[];
  announcements: AnnouncementInput[];
  /** Announced papers left out by the include setting. */
  skipped: { crossFromElsewhere: number; replacements: number };
}

const isReplacement = (k: AnnouncementKind) => k === 'replace' || k === 'replace-cross';

export function selectAnnounced(
  items: readonly Announced[],
  categories: readonly string[],
  include: ReadonlySet<IncludeOption>,
): Selection {
  const yours = new Set(categories);
  const papers: Announced[] = [];
  const announcements: AnnouncementInput[] = [];
  const seen = new Set<string>();
  const skipped = { crossFromElsewhere: 0, replacements: 0 };
  for (const item of items) {
    if (seen.has(item.id)) continue;
    const primary = item.categories[0];
    const replacement = isReplacement(item.kind);
    const primaryIsYours = primary !== undefined && yours.has(primary);
    if (replacement && !include.has('replace')) {
      skipped.replacements++;
      continue;
    }
    if (!replacement && !primaryIsYours && !include.has('cross')) {
      skipped.crossFromElsewhere++;
      continue;
    }
    seen.add(item.id);
    papers.push(item);
    // One row per listing of yours the paper appears in; the primary's listing first.
    const listed = item.categories.filter((c) => yours.has(c));
    // Alias categories (cs.NA ~ math.NA) can put a paper in your feed under a name you did not list.
    if (listed.length === 0 && primary !== undefined) listed.push(primary);
    // `cross` for a paper whose primary is yours: an older paper cross-listed today to another of
    // your categories; it is not new in its primary listing.
    const olderPaper = item.kind === 'cross' && primaryIsYours && listed.length > 1;
    for (const category of listed) {
      const own = category === primary;
      if (olderPaper && own) continue;
      const kind: AnnouncementKind = replacement ? (own ? 'replace' : 'replace-cross') : own ? 'new' : 'cross';
      announcements.push({ paperId: item.id, category, version: item.version, kind });
    }
  }
  return { papers, announcements, skipped };
}

/** Metadata of an announced paper good enough to list it when the API has nothing better. */
export function paperFromAnnounced(a: Announced): PaperInput {
  return {
    id: a.id,
    version: a.version,
    title: a.title,
    authors: a.authors,
    abstract: a.abstract ?? '',
    categories: a.categories,
    comment: a.comment,
    journalRef: a.journalRef,
    doi: a.doi,
  };
}
