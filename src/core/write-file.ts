/**
 * Writing published files so that readers never see half of one: a temp file in the same folder,
 * then a rename. A failure names the file and says why in words (a full disk, no permission); a
 * temp file a killed process left behind is removed by the next publish (removeOrphans).
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OutputError } from '../errors.js';

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
};

/** `the disk is full (ENOSPC)`, for any error of the file system. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
  return e instanceof Error ? e.message : String(e);
}

const TEMP = /^\..+\.\d+\.tmp$/;

export function writeFileAtomic(path: string, text: string): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new OutputError(`cannot write ${path}: ${fsReason(e)}`, { cause: e });
  }
}

/** Removes the temp files a killed writer left in a folder (and its sub-folders); returns how many. */
export function removeOrphans(dir: string, depth = 2): number {
  let n = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isFile() && TEMP.test(e.name)) {
      rmSync(p, { force: true });
      n++;
    } else if (e.isDirectory() && depth > 0 && !e.name.startsWith('.')) n += removeOrphans(p, depth - 1);
  }
  return n;
}
