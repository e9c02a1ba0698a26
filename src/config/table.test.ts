import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README, withTable } from '../../scripts/readme-settings.js';
import { SETTING_IDS, SETTINGS, type SettingSpec } from './table.js';

describe('the settings table', () => {
  it('should be the README settings table, as written by `npm run docs`', () => {
    const readme = readFileSync(README, 'utf8');
    expect(withTable(readme), 'README.md drifted from src/config/table.ts: run `npm run docs`').toBe(readme);
  });

  it('should give every setting a meaning, secrets no config key, and numbers a sane default', () => {
    for (const id of SETTING_IDS) {
      const s: SettingSpec = SETTINGS[id];
      expect(s.doc, id).not.toBe('');
      if (s.kind === 'secret') expect([s.key, s.default], id).toEqual([null, null]);
      if ((s.kind === 'int' || s.kind === 'number') && s.default !== null) {
        const n = Number(s.default);
        expect(n >= (s.min ?? -Infinity) && n <= (s.max ?? Infinity), id).toBe(true);
      }
    }
  });
});
