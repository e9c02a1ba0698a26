/**
 * One published day from its files: the raw JSONL (every listing the crawler saw), the enhanced
 * JSONL of each language (the papers the digest listed, with their summaries), the Markdown
 * digest (its category order) and our own day record (exact announcements and provenance),
 * merged into the data the store keeps for the day. Pure.
 *
 * Richer files win: the enhanced JSONL's metadata over the raw JSONL's over the Markdown's; a
 * paper that only a poorer file lists is left out where a richer digest of the day exists.
 */
import type { DayRecord, RecordedSummary } from '../core/day-record.js';
import { hasPlaceholder, PLACEHOLDER_FLAG } from '../core/placeholders.js';
import {
  IMPORTED_PROMPT_VERSION,
  IMPORTED_SUMMARIZER,
  SOURCE_RANK,
  type AnnouncementInput,
  type CodeLink,
  type PublishedDay,
  type PublishedPaper,
  type SummaryInput,
} from '../core/types.js';
import type { ReferenceFile } from './reference-file.js';
import type { ReferenceRecord } from './reference-record.js';

export interface DayFiles {
  date: string;
  files: readonly ReferenceFile[];
  /** Our own day records of the date (one per language). */
  records: readonly DayRecord[];
}

export interface MergedDay {
  day: PublishedDay;
  /** Files whose summary language was assumed (LANGUAGE): neither --lang nor the name said. */
  languageAssumed: string[];
  /** Papers whose imported summaries are the reference system's failure placeholders. */
  placeholders: string[];
  /** Papers the raw files list but no digest of the day did: the reference never summarized them. */
  unlisted: string[];
  notes: string[];
}

const byRank = (a: ReferenceFile, b: ReferenceFile) => SOURCE_RANK[b.format] - SOURCE_RANK[a.format];

/** Each paper once, the first of its lines (a paper repeats once per listing it appeared in). */
const firstOf = (records: readonly ReferenceRecord[]): Map<string, ReferenceRecord> => {
  const out = new Map<string, ReferenceRecord>();
  for (const r of records) if (!out.has(r.paper.id)) out.set(r.paper.id, r);
  return out;
};

/**
 * The reference crawler writes a paper once per listing it appeared in (its own category and each
 * of yours it was cross-listed to). Each occurrence is kept as an announcement in the next of the
 * paper's categories, so the raw file renders back line for line.
 */
function announcementsOf(records: readonly ReferenceRecord[]): { list: AnnouncementInput[]; repeated: number } {
  const seen = new Map<string, number>();
  const list: AnnouncementInput[] = [];
  let repeated = 0;
  for (const { paper: p } of records) {
    const n = seen.get(p.id) ?? 0;
    seen.set(p.id, n + 1);
    if (n < p.categories.length && !(n > 0 && p.categoriesPartial))
      list.push({
        paperId: p.id,
        category: p.categories[n]!,
        version: p.version ?? null,
        kind: n === 0 ? 'new' : 'cross',
      });
    else repeated++;
  }
  return { list, repeated };
}

export function mergeDay(input: DayFiles, opts: { defaultLanguage: string }): MergedDay {
  const { date } = input;
  const files = [...input.files].sort(byRank);
  const notes: string[] = [];
  const languageAssumed: string[] = [];
  const enhanced = files.filter((f) => f.format === 'enhanced-jsonl');
  const raw = files.filter((f) => f.format === 'raw-jsonl');
  const markdown = files.filter((f) => f.format === 'markdown');
  const recordOf = new Map(input.records.map((r) => [r.language, r]));

  // A Markdown digest names no language: that of the day's enhanced JSONL (or record) when there
  // is just one, else --lang or LANGUAGE.
  const languages = new Set([...enhanced.map((f) => f.language), ...input.records.map((r) => r.language)]);
  const languageOf = (f: ReferenceFile): string => {
    if (f.language) return f.language;
    const only = languages.size === 1 ? [...languages][0] : null;
    if (only) return only;
    languageAssumed.push(f.file);
    return opts.defaultLanguage;
  };

  // 1. Papers: each from the richest file that lists it. Where the day has an enhanced JSONL, a
  // paper only the Markdown lists is a contradiction, not a paper.
  const papers = new Map<string, PublishedPaper>();
  const digestIds = new Set(enhanced.flatMap((f) => f.records.map((r) => r.paper.id)));
  const ignored = new Set<string>();
  for (const f of files) {
    for (const r of firstOf(f.records).values()) {
      if (papers.has(r.paper.id)) continue;
      if (f.format === 'markdown' && enhanced.length && !digestIds.has(r.paper.id)) {
        ignored.add(r.paper.id);
        continue;
      }
      papers.set(r.paper.id, {
        paper: r.paper,
        rank: SOURCE_RANK[f.format],
        ...(f.format === 'enhanced-jsonl' ? { code: r.code ? { ...r.code } : null } : {}),
      });
    }
  }
  if (ignored.size)
    notes.push(
      `the Markdown lists ${ignored.size} ${ignored.size === 1 ? 'paper' : 'papers'} the enhanced JSONL does not (${[...ignored].slice(0, 3).join(', ')}${ignored.size > 3 ? ', …' : ''}): left out`,
    );
  const disagree = markdown.flatMap((md) =>
    [...firstOf(md.records).values()].filter((r) => {
      const kept = papers.get(r.paper.id);
      return kept && kept.rank > SOURCE_RANK.markdown && kept.paper.title !== r.paper.title;
    }),
  );
  if (disagree.length)
    notes.push(`the Markdown's titles differ from the JSONL's for ${disagree.length} papers: the JSONL is kept`);

  // What only our day record knows: versions, dates, the journal reference and DOI.
  const record = input.records[0];
  if (record)
    for (const [id, p] of papers) {
      const extra = record.papers[id];
      if (extra)
        p.paper = {
          ...p.paper,
          version: extra.version,
          journalRef: extra.journalRef,
          doi: extra.doi,
          published: extra.published,
          updated: extra.updated,
        };
    }

  // 2. Announcements: exactly as listed when our record says, else from the richest listing (the
  // raw file has every listing), then papers that only the other files list.
  let announcements: AnnouncementInput[];
  let repeated = 0;
  if (record) {
    announcements = record.announcements
      .filter((a) => papers.has(a.id))
      .map((a) => ({ paperId: a.id, category: a.category, kind: a.kind, version: a.version }));
  } else {
    const base = raw.length ? raw : files.slice(0, 1);
    const all = announcementsOf(base.flatMap((f) => f.records));
    announcements = all.list;
    repeated = all.repeated;
  }
  const announced = new Set(announcements.map((a) => a.paperId));
  for (const p of papers.values())
    if (!announced.has(p.paper.id)) {
      announced.add(p.paper.id);
      announcements.push({
        paperId: p.paper.id,
        category: p.paper.categories[0]!,
        version: p.paper.version ?? null,
        kind: 'new',
      });
    }
  if (repeated)
    notes.push(`${repeated} repeated ${repeated === 1 ? 'entry' : 'entries'} of a paper already in the file skipped`);

  // 3. Summaries, per language, from its enhanced JSONL, else from the Markdown.
  const summaries: SummaryInput[] = [];
  const placeholders: string[] = [];
  const digests: PublishedDay['digests'] = [];
  const incomplete: string[] = [];
  const listed = new Set<string>();
  const sources = new Map<string, ReferenceFile>();
  for (const f of [...enhanced, ...markdown]) {
    const language = languageOf(f);
    if (!sources.has(language)) sources.set(language, f);
  }
  for (const [language, f] of sources) {
    const order = markdown[0]?.categoryOrder ?? recordOf.get(language)?.categoryOrder ?? null;
    digests.push({ language, categoryOrder: order });
    const rec = recordOf.get(language);
    for (const r of firstOf(f.records).values()) {
      if (!papers.has(r.paper.id)) continue;
      listed.add(r.paper.id);
      const s = summaryOf(r, language, date, rec?.papers[r.paper.id]?.summary ?? null);
      if (!s) {
        if (r.incomplete) incomplete.push(r.paper.id);
        continue;
      }
      if (s.flags?.includes(PLACEHOLDER_FLAG)) placeholders.push(r.paper.id);
      summaries.push(s);
    }
  }
  if (incomplete.length)
    notes.push(
      `${incomplete.length} ${incomplete.length === 1 ? 'entry has' : 'entries have'} an AI summary with fields missing (${incomplete.slice(0, 3).join(', ')}${incomplete.length > 3 ? ', …' : ''}): stored without it, as the reference's Markdown left them out`,
    );

  const codeLinks: CodeLink[] = [];
  for (const p of papers.values()) if (p.code) codeLinks.push({ paperId: p.paper.id, ...p.code });
  const top = files[0]?.format ?? 'raw-jsonl';
  return {
    day: {
      date,
      papers: [...papers.values()],
      announcements,
      exactOrder: record !== undefined,
      summaries,
      codeLinks,
      digests,
      deliveries: input.records.flatMap((r) => r.deliveries),
      source: `import:${top}`,
    },
    languageAssumed,
    placeholders,
    unlisted: digests.length ? [...papers.keys()].filter((id) => !listed.has(id)) : [],
    notes,
  };
}

/**
 * A listed paper's summary: the reference's (belonging to this day), or — when our record says
 * who wrote it — restored under its own key with its provenance. A paper listed without one
 * (our files: failed, refused, pending) keeps that status and reason.
 */
function summaryOf(
  r: ReferenceRecord,
  language: string,
  date: string,
  recorded: RecordedSummary | null,
): SummaryInput | null {
  const base = { paperId: r.paper.id, language };
  const flags = r.summary && hasPlaceholder(r.summary) ? [PLACEHOLDER_FLAG, ...(r.flags ?? [])] : (r.flags ?? []);
  if (recorded && (recorded.status === 'ok') === (r.summary !== null) && (r.summary || r.status)) {
    return {
      ...base,
      version: recorded.version,
      summarizer: recorded.summarizer,
      promptVersion: recorded.promptVersion,
      day: recorded.day,
      status: recorded.status,
      fields: r.summary,
      error: recorded.error,
      flags: recorded.flags,
      tokensIn: recorded.tokensIn,
      tokensOut: recorded.tokensOut,
      costUsd: recorded.costUsd,
      durationMs: recorded.durationMs,
    };
  }
  const imported = {
    ...base,
    version: 0,
    summarizer: IMPORTED_SUMMARIZER,
    promptVersion: IMPORTED_PROMPT_VERSION,
    day: date,
  };
  if (r.summary) return { ...imported, status: 'ok', fields: r.summary, flags };
  if (r.status) return { ...imported, status: r.status.status, fields: null, error: r.status.reason, flags: [] };
  return null;
}
