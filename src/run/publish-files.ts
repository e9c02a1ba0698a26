/**
 * Publishing the site in place so that whoever reads it — and whatever a killed run leaves — is a
 * complete site: the pages first, then the pages that link to them (the index, the feeds), and
 * only then the files nothing links to any more are removed. A file whose content is unchanged is
 * not written again, so a daily run rewrites the few pages that changed, not the whole site.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { removeOrphans, writeFileAtomic } from '../core/write-file.js';

export interface TreeWrite {
  written: number;
  unchanged: number;
  removed: number;
}

export interface TreeOptions {
  /** Files that link to the others, written after them (the index). */
  last: (rel: string) => boolean;
  /** Files of the tree that may be removed when no longer published (old day pages). */
  prunable: (rel: string) => boolean;
}

const sameContent = (path: string, text: string): boolean => {
  try {
    return readFileSync(path, 'utf8') === text;
  } catch {
    return false;
  }
};

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** Writes `files` (path relative to `dir` → content) into `dir`; throws OutputError naming the file. */
export function writeTree(dir: string, files: ReadonlyMap<string, string>, opts: TreeOptions): TreeWrite {
  const result: TreeWrite = { written: 0, unchanged: 0, removed: 0 };
  removeOrphans(dir);
  const put = (rel: string, text: string) => {
    const path = join(dir, rel);
    if (sameContent(path, text)) result.unchanged++;
    else {
      writeFileAtomic(path, text);
      result.written++;
    }
  };
  for (const [rel, text] of files) if (!opts.last(rel)) put(rel, text);
  for (const [rel, text] of files) if (opts.last(rel)) put(rel, text);
  for (const rel of listFiles(dir))
    if (!files.has(rel) && opts.prunable(rel)) {
      rmSync(join(dir, rel), { force: true });
      result.removed++;
    }
  return result;
}
