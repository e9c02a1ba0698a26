/**
 * `backfill`: bulk history from OAI-PMH ListRecords, one archive set at a time, page by page.
 * Each page is stored together with the resumption token that follows it, in one
 * transaction, so an interrupted backfill continues where it stopped. Records carry no
 * announcement date; with arXivRaw the v1 submission time is mapped through arXiv's schedule
 * to the listing it was announced in.
 */
import type { AnnouncementInput, PaperInput } from '../core/types.js';
import type { Store, WriteCounts } from '../store/store.js';
import { addCounts, emptyCounts } from '../store/store.js';
import { grouped } from '../core/text.js';
import type { ArxivHttp } from './http.js';
import { parseOaiListRecords } from './oai.js';
import { listingDateOfSubmission } from './schedule.js';
import { selectAnnounced, type IncludeOption } from './select.js';
import { ArxivApiError, type OaiRecord, type ResumptionToken } from './types.js';

export type OaiFormat = 'arXiv' | 'arXivRaw';

export interface BackfillOptions {
  from: string;
  until: string;
  categories: readonly string[];
  include: ReadonlySet<IncludeOption>;
  format: OaiFormat;
  oaiUrl: string;
}

export interface BackfillDeps {
  http: ArxivHttp;
  store: Store;
  log: (line: string) => void;
}

export interface BackfillReport {
  sets: string[];
  pages: number;
  records: number;
  /** Records in your categories (the rest of the archive set is skipped). */
  matched: number;
  deleted: number;
  papers: WriteCounts;
  announcements: WriteCounts;
  days: number;
  resumed: boolean;
  notes: string[];
}

const PHYSICS_ARCHIVES = new Set([
  'astro-ph',
  'cond-mat',
  'gr-qc',
  'hep-ex',
  'hep-lat',
  'hep-ph',
  'hep-th',
  'math-ph',
  'nlin',
  'nucl-ex',
  'nucl-th',
  'physics',
  'quant-ph',
]);

/** The OAI-PMH set of a category's archive: `cs.LG` → `cs`, `hep-th` → `physics:hep-th`. */
export function oaiSetFor(category: string): string {
  const archive = category.split('.')[0]!;
  if (archive === 'nlin') return 'nlin';
  return PHYSICS_ARCHIVES.has(archive) ? `physics:${archive}` : archive;
}

export const paperFromRecord = (r: OaiRecord): PaperInput | null =>
  r.entry && {
    id: r.entry.id,
    version: r.entry.version,
    title: r.entry.title,
    authors: r.entry.authors,
    abstract: r.entry.abstract,
    categories: r.entry.categories,
    comment: r.entry.comment,
    journalRef: r.entry.journalRef,
    doi: r.entry.doi,
    published: r.entry.published,
    updated: r.entry.updated,
  };

async function getPage(http: ArxivHttp, url: string): Promise<{ records: OaiRecord[]; token: ResumptionToken | null }> {
  let page: { records: OaiRecord[]; token: ResumptionToken | null } | undefined;
  await http.get(url, {
    accept: 'text/xml',
    validate: (body) => {
      page = parseOaiListRecords(body);
    },
  });
  return page!;
}

export async function backfill(deps: BackfillDeps, opts: BackfillOptions): Promise<BackfillReport> {
  const { store, log, http } = deps;
  const yours = new Set(opts.categories);
  const sets = [...new Set(opts.categories.map(oaiSetFor))];
  const report: BackfillReport = {
    sets,
    pages: 0,
    records: 0,
    matched: 0,
    deleted: 0,
    papers: emptyCounts(),
    announcements: emptyCounts(),
    days: 0,
    resumed: false,
    notes: [],
  };
  const days = new Set<string>();
  if (opts.format === 'arXiv') {
    report.notes.push(
      'the arXiv format has submission dates without times, so no announcement days are recorded; use arXivRaw for those',
    );
  }
  for (const set of sets) {
    const key = `backfill:${opts.oaiUrl}:${set}:${opts.format}:${opts.from}:${opts.until}`;
    const start = `${opts.oaiUrl}?verb=ListRecords&metadataPrefix=${opts.format}&set=${encodeURIComponent(set)}&from=${opts.from}&until=${opts.until}`;
    let token = store.getState<string>(key);
    if (token) {
      report.resumed = true;
      log(`backfill ${set}: resuming an interrupted harvest`);
    }
    for (;;) {
      const url = token ? `${opts.oaiUrl}?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}` : start;
      let page: Awaited<ReturnType<typeof getPage>>;
      try {
        page = await getPage(http, url);
      } catch (e) {
        if (token && e instanceof ArxivApiError && e.code === 'badResumptionToken') {
          // Tokens expire (the 2025 service at the next UTC midnight): start the set again;
          // storing is idempotent, so nothing is counted twice.
          report.notes.push(`the resumption token for ${set} had expired; the set was harvested again from the start`);
          token = null;
          store.deleteState(key);
          continue;
        }
        throw e;
      }
      report.pages++;
      report.records += page.records.length;
      const papers: PaperInput[] = [];
      const announced = new Map<string, AnnouncementInput[]>();
      for (const record of page.records) {
        const paper = paperFromRecord(record);
        if (!paper) {
          report.deleted++;
          continue;
        }
        if (!paper.categories.some((c) => yours.has(c))) continue;
        const entry = record.entry!;
        const kind = yours.has(entry.categories[0] ?? '') ? 'new' : 'cross';
        const selection = selectAnnounced([{ ...entry, kind }], opts.categories, opts.include);
        if (selection.papers.length === 0) continue;
        report.matched++;
        papers.push(paper);
        const listing =
          opts.format === 'arXivRaw' && entry.published ? listingDateOfSubmission(new Date(entry.published)) : null;
        if (listing && listing >= opts.from && listing <= opts.until) {
          const list = announced.get(listing) ?? [];
          list.push(...selection.announcements.map((a) => ({ ...a, version: 1 })));
          announced.set(listing, list);
        }
      }
      const next = page.token?.token || null;
      store.transaction(() => {
        const p = store.upsertPapers(papers, `oai:${opts.format}`);
        report.papers = addCounts(report.papers, p);
        for (const [date, rows] of announced) {
          days.add(date);
          report.announcements = addCounts(report.announcements, store.addAnnouncements(date, rows, 'oai'));
        }
        if (next) store.setState(key, next);
        else store.deleteState(key);
      });
      const size = page.token?.completeListSize;
      log(
        `backfill ${set}: page ${report.pages}, ${grouped(report.records)}${size ? ` of ${grouped(size)}` : ''} records, ` +
          `${grouped(report.matched)} in your categories`,
      );
      if (!next) break;
      token = next;
    }
  }
  report.days = days.size;
  return report;
}
