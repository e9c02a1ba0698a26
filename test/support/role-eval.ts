/**
 * How well the offline summarizer reads sentence roles, on a labelled set: accuracy (share of
 * sentences given their labelled role), precision per role (of the sentences given a role, the
 * share that have it) and their mean, and field precision — of the sentences the summarizer
 * puts in the motivation, method, result and conclusion fields, the share whose labelled role
 * belongs there (motivation takes background and problem). Used by bench/offline.ts and tests.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { offlineSummary } from '../../src/summarize/offline.js';
import { ROLES, labelSentences, type Role } from '../../src/summarize/roles.js';
import { splitSentences } from '../../src/summarize/sentences.js';
import type { LabelledAbstract } from '../fixtures/offline-labelled.js';
import { REAL_LABELS } from '../fixtures/offline-roles-real.js';

export interface RoleEval {
  sentences: number;
  accuracy: number;
  precision: Record<Role, { right: number; given: number }>;
  /** Mean of the per-role precisions (roles never given are left out). */
  meanPrecision: number;
  fieldPrecision: number;
  confusions: Map<string, number>;
}

const FIELD_ROLES: Record<'motivation' | 'method' | 'result' | 'conclusion', Role[]> = {
  motivation: ['background', 'problem'],
  method: ['method'],
  result: ['result'],
  conclusion: ['conclusion'],
};

export function evaluateRoles(set: readonly LabelledAbstract[]): RoleEval {
  const precision = Object.fromEntries(ROLES.map((r) => [r, { right: 0, given: 0 }])) as RoleEval['precision'];
  const confusions = new Map<string, number>();
  let right = 0;
  let total = 0;
  let fieldRight = 0;
  let fieldTotal = 0;
  for (const a of set) {
    const texts = a.sentences.map((s) => s.text);
    const predicted = labelSentences(texts);
    a.sentences.forEach((s, i) => {
      const got = predicted[i]!;
      total++;
      precision[got].given++;
      if (got === s.role) {
        right++;
        precision[got].right++;
      } else confusions.set(`${s.role} → ${got}`, (confusions.get(`${s.role} → ${got}`) ?? 0) + 1);
    });
    const fields = offlineSummary(a.title, texts.join(' '));
    if (!fields) continue;
    for (const [field, roles] of Object.entries(FIELD_ROLES))
      for (const s of a.sentences)
        if (fields[field as keyof typeof FIELD_ROLES].includes(s.text)) {
          fieldTotal++;
          if (roles.includes(s.role)) fieldRight++;
        }
  }
  const given = ROLES.filter((r) => precision[r].given > 0);
  return {
    sentences: total,
    accuracy: right / total,
    precision,
    meanPrecision: given.reduce((n, r) => n + precision[r].right / precision[r].given, 0) / given.length,
    fieldPrecision: fieldRight / fieldTotal,
    confusions,
  };
}

const LETTER: Record<string, Role> = { B: 'background', P: 'problem', M: 'method', R: 'result', C: 'conclusion' };

/**
 * The hand-labelled real abstracts (offline-roles-real.ts) with their text from the fixtures, or
 * null when the fixtures are not beside the repository. Throws when a label no longer matches
 * the splitter's sentences (the labels would then be wrong, not the model).
 */
export function realLabelled(fixtures: string, split?: 'dev' | 'held-out'): LabelledAbstract[] | null {
  const dir = join(fixtures, 'anchor-days');
  if (!existsSync(dir)) return null;
  const byId = new Map<string, { title: string; summary: string }>();
  for (const f of readdirSync(dir).filter((x) => /^\d{4}-\d{2}-\d{2}\.jsonl$/.test(x)))
    for (const l of readFileSync(join(dir, f), 'utf8').split('\n'))
      if (l.trim()) {
        const r = JSON.parse(l) as { id: string; title: string; summary: string };
        byId.set(r.id, r);
      }
  return REAL_LABELS.filter((x) => !split || x.split === split).map((x) => {
    const p = byId.get(x.id);
    if (!p) throw new Error(`offline-roles-real: ${x.id} is not in ${dir}`);
    const sentences = splitSentences(p.summary);
    if (sentences.length !== x.roles.length)
      throw new Error(
        `offline-roles-real: ${x.id} splits into ${sentences.length} sentences, labelled ${x.roles.length}`,
      );
    return { title: p.title, sentences: sentences.map((text, i) => ({ text, role: LETTER[x.roles[i]!]! })) };
  });
}
