/**
 * The reader's state (favorites, ratings, the profile saved from the web app) exported beside
 * the day files as `arxiv-digest-reader.json`, so that a lost store loses none of it: `run`
 * writes it with the day, `serve` whenever the reader marks a paper or saves the profile.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { READER_RECORD_FILE } from '../core/day-record.js';
import { writeFileAtomic } from '../core/write-file.js';
import { renderReaderRecord } from '../publish/day-record.js';
import { PROFILE_STATE } from '../rank/ranker.js';
import type { Store } from '../store/store.js';

/** Writes the reader's state into `outDir`; returns the file's name, or null when there is none to keep. */
export function writeReaderState(store: Store, outDir: string): string | null {
  const marks = store.exportMarks();
  const profile = store.getState(PROFILE_STATE);
  const path = join(outDir, READER_RECORD_FILE);
  // Nothing to keep, and nothing kept before that would now be stale.
  if (!marks.length && profile === null && !existsSync(path)) return null;
  writeFileAtomic(path, renderReaderRecord({ marks, state: profile === null ? {} : { [PROFILE_STATE]: profile } }));
  return READER_RECORD_FILE;
}
