/** `arxiv-digest search QUERY`: full-text search over the whole history. */
import pc from 'picocolors';
import { UsageError } from '../../errors.js';
import { terminalSafe } from '../../core/terminal.js';
import { toFtsQuery } from '../../search/query.js';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../store/store.js';
import { settingsFrom, withStore, type GlobalOptions, type Io } from '../context.js';

export interface SearchFlags {
  json?: boolean;
  limit?: string;
}

const shortAuthors = (a: string[]): string =>
  a.length <= 3 ? a.join(', ') : `${a.slice(0, 2).join(', ')}, … ${a[a.length - 1]}`;

export async function searchCommand(
  words: string[],
  flags: SearchFlags,
  globals: GlobalOptions,
  io: Io,
): Promise<number> {
  const limit = flags.limit === undefined ? 20 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
    throw new UsageError(`--limit: expected a whole number from 1 to 10000, got ${JSON.stringify(flags.limit)}`);
  const query = words.join(' ');
  const fts = toFtsQuery(query);
  const settings = settingsFrom(io, globals);
  return withStore(settings, (store) => {
    const hits = store.search(fts, limit);
    const marks = new RegExp(`[${HIGHLIGHT_START}${HIGHLIGHT_END}]`, 'g');
    if (flags.json) {
      const out = hits.map((h) => ({ ...h, snippet: h.snippet.replace(marks, '**') }));
      io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    const tty = Boolean(io.stdout.isTTY);
    const hl = (s: string) =>
      tty
        ? s.replace(new RegExp(`${HIGHLIGHT_START}(.*?)${HIGHLIGHT_END}`, 'g'), (_, t: string) => pc.bold(pc.yellow(t)))
        : s.replace(marks, '**');
    for (const h of hits) {
      const title = terminalSafe(h.title);
      io.stdout.write(
        `${h.date ?? '—'}  ${tty ? pc.cyan(h.id) : h.id}  ${tty ? pc.bold(title) : title}\n` +
          `            ${terminalSafe(shortAuthors(h.authors))} · ${terminalSafe(h.categories.join(' '))}\n` +
          `            ${hl(terminalSafe(h.snippet, [HIGHLIGHT_START, HIGHLIGHT_END]))}\n\n`,
      );
    }
    io.stdout.write(
      `search: ${hits.length} ${hits.length === 1 ? 'hit' : 'hits'} for ${JSON.stringify(query)}${hits.length === limit ? ` (first ${limit}; raise --limit for more)` : ''}\n`,
    );
    return 0;
  });
}
