/** Checks and parsers of single settings' values, for settings.ts. */
import { readFileSync } from 'node:fs';
import { INCLUDE_OPTIONS, type IncludeOption } from '../arxiv/select.js';
import { ARXIV_ARCHIVES, ARXIV_CATEGORIES, suggestCategory } from '../core/arxiv-categories.js';
import { grouped } from '../core/text.js';
import { UsageError } from '../errors.js';
import { SETTINGS, type SettingId, type SettingSpec } from './table.js';

const CATEGORY = /^[a-z][a-z-]*(\.[A-Za-z][A-Za-z-]*)?$/;

/** `cs.AR, cs.DC,cs.LG` → ['cs.AR','cs.DC','cs.LG']; throws naming the source on a bad entry. */
export function parseCategoryList(text: string, source: string): string[] {
  const list = text
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const bad = list.filter((c) => !CATEGORY.test(c));
  if (bad.length)
    throw new UsageError(`${source}: not an arXiv category: ${bad.join(', ')} (expected names like cs.LG or hep-th)`);
  return [...new Set(list)];
}

/**
 * The reader's categories against arXiv's taxonomy: an archive with subject classes (`cs`) or a
 * likely typo (`cs.LX`, `CS.lg`) is a problem, with the category meant; a well-formed name this
 * release does not know (arXiv adds categories now and then) is used, with a warning.
 */
export function checkTaxonomy(
  categories: readonly string[],
  source: string,
  problems: string[],
  warnings: string[],
): void {
  for (const c of categories) {
    if (ARXIV_CATEGORIES.has(c)) continue;
    if (ARXIV_ARCHIVES.has(c)) {
      const some = [...ARXIV_CATEGORIES].filter((x) => x.startsWith(`${c}.`)).slice(0, 3);
      problems.push(`${source}: ${c} is an archive, not a category: name its categories (${some.join(', ')}, …)`);
      continue;
    }
    const meant = suggestCategory(c);
    if (meant) problems.push(`${source}: not an arXiv category: ${c} (did you mean ${meant}?)`);
    else warnings.push(`${source}: ${c} is not in arXiv's category taxonomy as this release knows it; used as given`);
  }
}

/** What a number setting must be, in the words of its problem line ("a whole number from 1 to 64"). */
export function expectation(key: SettingId): string {
  const sp: SettingSpec = SETTINGS[key];
  if (sp.expect) return sp.expect;
  const what = sp.kind === 'int' ? 'a whole number' : 'a number';
  if (sp.min !== undefined && sp.max !== undefined) return `${what} from ${sp.min} to ${grouped(sp.max)}`;
  return sp.min !== undefined ? `${what} ≥ ${sp.min}` : what;
}

/** `serve`'s process count (`--workers`): a whole number from 1 to 64; throws naming the source otherwise. */
export function parseServeWorkers(text: string, source: string): number {
  const { min, max } = SETTINGS.serveWorkers;
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || n < min || n > max)
    throw new UsageError(`${source}: expected ${expectation('serveWorkers')}, got ${JSON.stringify(text)}`);
  return n;
}

export function parseIncludeList(text: string, source: string, problems: string[]): IncludeOption[] {
  const list = text
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const bad = list.filter((x) => !(INCLUDE_OPTIONS as readonly string[]).includes(x));
  if (bad.length)
    problems.push(`${source}: unknown ${bad.join(', ')} (expected a list of: ${INCLUDE_OPTIONS.join(', ')})`);
  return [...new Set(list.filter((x): x is IncludeOption => (INCLUDE_OPTIONS as readonly string[]).includes(x)))];
}

export function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read config file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
      cause: e,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`config file ${path} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`config file ${path}: expected a JSON object of settings`);
  }
  return value as Record<string, unknown>;
}
