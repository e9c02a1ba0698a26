import { describe, expect, it } from 'vitest';
import { LABELLED } from '../../test/fixtures/offline-labelled.js';
import { LABELLED_B } from '../../test/fixtures/offline-roles-b.js';
import { evaluateRoles } from '../../test/support/role-eval.js';
import { labelSentences, type Role } from './roles.js';
import { splitSentences } from './sentences.js';

describe('LABELLED', () => {
  it('should hold at least 40 abstracts of 5–10 sentences each, with Chinese ones among them', () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(40);
    for (const a of LABELLED) {
      expect(a.sentences.length, a.title).toBeGreaterThanOrEqual(5);
      expect(a.sentences.length, a.title).toBeLessThanOrEqual(10);
    }
    expect(LABELLED.filter((a) => /[\u4e00-\u9fff]/.test(a.title)).length).toBeGreaterThanOrEqual(3);
  });

  it('should be split back into exactly its sentences', () => {
    for (const a of LABELLED) {
      const texts = a.sentences.map((s) => s.text);
      expect(splitSentences(texts.join(' ')), a.title).toEqual(texts);
    }
  });

  it('should have a role accuracy of at least 80 % overall', () => {
    let right = 0;
    let total = 0;
    const perRole = new Map<Role, { right: number; total: number }>();
    for (const a of LABELLED) {
      const predicted = labelSentences(a.sentences.map((s) => s.text));
      a.sentences.forEach((s, i) => {
        const r = perRole.get(s.role) ?? { right: 0, total: 0 };
        r.total++;
        total++;
        if (predicted[i] === s.role) {
          r.right++;
          right++;
        }
        perRole.set(s.role, r);
      });
    }
    expect(right / total).toBeGreaterThanOrEqual(0.8);
    // No role may be left to chance: each is found in most of its sentences.
    for (const [role, r] of perRole) expect(r.right / r.total, role).toBeGreaterThanOrEqual(0.6);
  });
});

describe('LABELLED_B (written for issue 14, before the role model changed)', () => {
  it('should be split back into exactly its sentences, and read with at least 85 % accuracy and field precision', () => {
    for (const a of LABELLED_B) {
      const texts = a.sentences.map((s) => s.text);
      expect(splitSentences(texts.join(' ')), a.title).toEqual(texts);
    }
    const e = evaluateRoles(LABELLED_B);
    expect(e.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(e.meanPrecision).toBeGreaterThanOrEqual(0.85);
    expect(e.fieldPrecision).toBeGreaterThanOrEqual(0.85);
    // Held out from the tuning: the honest figure.
    expect(evaluateRoles(LABELLED_B.filter((a) => a.split === 'held-out')).accuracy).toBeGreaterThanOrEqual(0.85);
  });
});
