/**
 * Writes the README's settings table from src/config/table.ts (between the
 * `<!-- settings -->` markers). `npm run docs`; src/config/table.test.ts fails when they drift.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { settingsTableMarkdown } from '../src/config/table.js';

export const README = fileURLToPath(new URL('../README.md', import.meta.url));
export const START = '<!-- settings: generated from src/config/table.ts by `npm run docs` -->';
export const END = '<!-- /settings -->';

export function withTable(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md: the markers ${START} … ${END} are missing`);
  return `${readme.slice(0, a + START.length)}\n${settingsTableMarkdown()}\n${readme.slice(b)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(README, withTable(readFileSync(README, 'utf8')));
  console.log('README.md: settings table written');
}
