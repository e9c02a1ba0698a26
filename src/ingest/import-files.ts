/**
 * `import`: reads reference-system files and stores them, one transaction per file, so a killed
 * import leaves whole files stored or not stored and a re-run finishes the job. Idempotent.
 */
import { readFileSync } from 'node:fs';
import type { Store, WriteCounts } from '../store/store.js';
import { emptyCounts } from '../store/store.js';
import { AppError, InputError, errorMessage } from '../errors.js';
import { parseReferenceFile, type ReferenceFile, type ReferenceFileOptions } from './reference-file.js';

export interface FileImport {
  file: string;
  /** Set when the whole file was refused (unreadable, unknown format, no date). */
  error?: string;
  parsed?: Omit<ReferenceFile, 'papers' | 'announcements' | 'summaries' | 'codeLinks'>;
  papers: WriteCounts;
  announcements: WriteCounts;
  summaries: WriteCounts;
  codeLinks: WriteCounts;
}

export function importReferenceFile(store: Store, file: string, opts: ReferenceFileOptions): FileImport {
  const result: FileImport = {
    file,
    papers: emptyCounts(),
    announcements: emptyCounts(),
    summaries: emptyCounts(),
    codeLinks: emptyCounts(),
  };
  let parsed: ReferenceFile;
  try {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new InputError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? errorMessage(e)}`, {
        cause: e,
      });
    }
    parsed = parseReferenceFile(file, text, opts);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { ...result, error: e.message };
  }
  const source = `import:${parsed.format}`;
  store.transaction(() => {
    result.papers = store.upsertPapers(parsed.papers, source);
    result.announcements = store.addAnnouncements(parsed.date, parsed.announcements, source);
    result.summaries = store.upsertSummaries(parsed.summaries);
    result.codeLinks = store.upsertCodeLinks(parsed.codeLinks, source);
  });
  const { papers: _p, announcements: _a, summaries: _s, codeLinks: _c, ...meta } = parsed;
  return { ...result, parsed: meta };
}

export const changed = (c: WriteCounts): number => c.inserted + c.updated;
