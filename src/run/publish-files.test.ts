import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../errors.js';
import { testDir } from '../../test/support/fixtures.js';
import { writeTree } from './publish-files.js';

const site = (days: string[]) =>
  new Map([
    ['assets/site.css', 'css'],
    ...days.map((d) => [`days/${d}.html`, `page ${d}`] as [string, string]),
    ['index.html', days.map((d) => `<a href="days/${d}.html">`).join('')],
  ]);
const opts = { last: (rel: string) => rel === 'index.html', prunable: (rel: string) => rel.startsWith('days/') };

describe('writeTree: a site published in place', () => {
  it('should write only what changed, remove pages no longer linked, and leave what is not ours', () => {
    const dir = testDir();
    expect(writeTree(dir, site(['2026-01-05', '2026-01-06']), opts)).toEqual({ written: 4, unchanged: 0, removed: 0 });
    writeFileSync(join(dir, 'CNAME'), 'digest.example.org\n');
    const before = statSync(join(dir, 'days/2026-01-06.html')).mtimeMs;
    expect(writeTree(dir, site(['2026-01-06', '2026-01-07']), opts)).toEqual({ written: 2, unchanged: 2, removed: 1 });
    expect(statSync(join(dir, 'days/2026-01-06.html')).mtimeMs).toBe(before);
    expect(existsSync(join(dir, 'days/2026-01-05.html'))).toBe(false);
    expect(readFileSync(join(dir, 'CNAME'), 'utf8')).toBe('digest.example.org\n');
  });

  it('should write the index after the pages it links, so a failure midway leaves the old index', () => {
    const dir = testDir();
    writeTree(dir, site(['2026-01-05']), opts);
    // A new day's page cannot be written (a folder where the file should go: the write fails).
    mkdirSync(join(dir, 'days/2026-01-06.html'));
    expect(() => writeTree(dir, site(['2026-01-05', '2026-01-06']), opts)).toThrow(OutputError);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<a href="days/2026-01-05.html">');
  });

  it('should remove the temp files a killed writer left', () => {
    const dir = testDir();
    mkdirSync(join(dir, 'days'), { recursive: true });
    writeFileSync(join(dir, 'days', '.2026-01-05.html.4242.tmp'), 'half a page');
    writeFileSync(join(dir, '.index.html.4242.tmp'), 'half');
    writeTree(dir, site(['2026-01-05']), opts);
    expect(existsSync(join(dir, 'days', '.2026-01-05.html.4242.tmp'))).toBe(false);
    expect(existsSync(join(dir, '.index.html.4242.tmp'))).toBe(false);
  });
});
