/**
 * `node --import tsx bench/rank-eval.ts`: ranking quality and speed on the real fixture days.
 *
 * The task (printed too): a topic is a primary arXiv category, a label the scorers never see
 * (no category weights, no categories among the features). For each later day (2026-03-17 and
 * 2026-06-02) and each topic with ≥ 10 papers that day and ≥ 5 earlier:
 *   - library  = the topic's papers of all earlier fixture days (the reader's library);
 *   - ratings  = 👍 on up to 30 of those, 👎 on up to 30 papers of other topics from the earlier
 *                days, every other earlier paper unlabeled background (weak negatives);
 *   - candidates = the later day's papers; relevant = those whose primary category is the topic.
 * Scorers: lexical (profile = library only), learned (the model trained on the ratings), blend
 * (both). Printed per topic and as means: precision@10 and ROC AUC, "judged" (papers of another
 * primary category cross-listed into the topic, which are in the topic's arXiv listing yet not
 * its label, left out of the judgement) and "strict" (they count as irrelevant). Then the median
 * time to rank a 500-paper day from scratch with everything on (library + model + keywords +
 * authors). The blend's defaults (rank.ts DEFAULT_TUNING) were chosen on these same days.
 * Goals: mean precision@10 ≥ 0.8 (blend), 500 papers in < 200 ms. A miss is reported (exit 0).
 * Fixtures: ../shared/fixtures next to the repo, or ARXIV_DIGEST_FIXTURES. No network.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { trainLinearModel, type LinearModel, type RatingLabel } from '../src/rank/learned.js';
import { EMPTY_PROFILE, parseProfile, type Profile } from '../src/rank/profile.js';
import { rankPapers, type RankContext } from '../src/rank/rank.js';
import type { LibraryEntry, RankPaper } from '../src/rank/types.js';
import { median } from './stats.js';

const GOAL_P10 = 0.8;
const GOAL_MS = 200;
const TIMING_ROUNDS = 15;
const RATED = 30;

const fixtures = resolve(
  process.env.ARXIV_DIGEST_FIXTURES || fileURLToPath(new URL('../../shared/fixtures/', import.meta.url)),
);

interface DayPapers {
  name: string;
  papers: RankPaper[];
}

function readDay(file: string, name: string): DayPapers {
  const papers = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const o = JSON.parse(l) as {
        id: string;
        title: string;
        summary: string;
        authors: string[];
        categories: string[];
        AI?: Record<string, string>;
      };
      return {
        id: o.id,
        title: o.title,
        abstract: o.summary,
        authors: o.authors,
        categories: o.categories,
        summaryText: Object.values(o.AI ?? {}).join('\n'),
      };
    });
  return { name, papers };
}

const anchorDir = join(fixtures, 'anchor-days');
const days: DayPapers[] = [
  readDay(join(fixtures, 'seed/enhanced.jsonl'), 'seed (2026-01)'),
  ...readdirSync(anchorDir)
    .filter((f) => f.endsWith('_AI_enhanced_Chinese.jsonl'))
    .sort()
    .map((f) => readDay(join(anchorDir, f), f.slice(0, 10))),
];

const primary = (p: RankPaper): string => p.categories[0]!;
/** A stable pseudo-random order (no Math.random: the same figures on every run). */
const hashed = (id: string, salt: string): string => createHash('sha1').update(`${salt}:${id}`).digest('hex');
const sample = <T extends { id: string }>(xs: readonly T[], n: number, salt: string): T[] =>
  [...xs].sort((a, b) => (hashed(a.id, salt) < hashed(b.id, salt) ? -1 : 1)).slice(0, n);

const toEntry = (p: RankPaper): LibraryEntry => ({
  title: p.title,
  abstract: p.abstract,
  authors: p.authors,
  arxivId: p.id,
});

function precisionAt(k: number, rankedIds: readonly string[], relevant: ReadonlySet<string>): number {
  return rankedIds.slice(0, k).filter((id) => relevant.has(id)).length / k;
}

/** ROC AUC from scores (Mann–Whitney, ties count half). */
function rocAuc(scores: ReadonlyMap<string, number>, relevant: ReadonlySet<string>): number {
  const pos = [...scores].filter(([id]) => relevant.has(id)).map(([, s]) => s);
  const neg = [...scores].filter(([id]) => !relevant.has(id)).map(([, s]) => s);
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

type Scores = { p10: number; auc: number };
const JUDGINGS = ['judged', 'strict', 'listed'] as const;
type Judging = (typeof JUDGINGS)[number];

/**
 * Metrics of one ranking, three ways for the ambiguous papers (another primary category,
 * cross-listed into the topic: in the topic's arXiv listing, yet not its label): left out of the
 * judgement ("judged"), counted irrelevant ("strict"), counted relevant ("listed", as a reader of
 * the topic's arXiv listing sees them).
 */
function evaluate(
  candidates: readonly RankPaper[],
  context: RankContext,
  relevant: ReadonlySet<string>,
  ambiguous: ReadonlySet<string>,
): Record<Judging, Scores> {
  const ranked = rankPapers(candidates, context);
  const metrics = (list: typeof ranked, rel: ReadonlySet<string>): Scores => ({
    p10: precisionAt(
      10,
      list.map((r) => r.id),
      rel,
    ),
    auc: rocAuc(new Map(list.map((r) => [r.id, r.score])), rel),
  });
  return {
    judged: metrics(
      ranked.filter((r) => !ambiguous.has(r.id)),
      relevant,
    ),
    strict: metrics(ranked, relevant),
    listed: metrics(ranked, new Set([...relevant, ...ambiguous])),
  };
}

const f2 = (x: number): string => x.toFixed(2);
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

console.log('rank-eval: ranking the fixture days for a reader of one topic');
console.log(`  fixtures: ${fixtures}`);
console.log(`  days: ${days.map((d) => `${d.name} (${d.papers.length})`).join(', ')}`);
console.log(
  "  task: topic = primary category (hidden from the scorers); library = the topic's papers of the earlier days;\n" +
    `        ratings = 👍 ${RATED} of them, 👎 ${RATED} other-topic papers, rest of the earlier days = background;\n` +
    '        candidates = the later day; relevant = its papers of the topic.',
);
console.log();
console.log(
  `  ${'later day'.padEnd(11)}${'topic'.padEnd(8)}${'rel/all'.padEnd(10)}${'amb'.padStart(4)}${'lib'.padStart(5)}   ` +
    `${'lexical P@10 AUC'.padEnd(19)}${'learned P@10 AUC'.padEnd(19)}blend P@10 AUC   (strict)         (listed)`,
);

const SCORERS = ['lexical', 'learned', 'blend'] as const;
const totals: Record<Judging, Map<string, Scores[]>> = { judged: new Map(), strict: new Map(), listed: new Map() };
const trainMs: number[] = [];
let biggest: RankContext | null = null;

for (const laterName of ['2026-03-17', '2026-06-02']) {
  const at = days.findIndex((d) => d.name === laterName);
  const later = days[at]!;
  const earlier = days.slice(0, at).flatMap((d) => d.papers);
  const topics = [...new Set(later.papers.map(primary))].sort();
  for (const topic of topics) {
    const relevant = new Set(later.papers.filter((p) => primary(p) === topic).map((p) => p.id));
    const ambiguous = new Set(
      later.papers.filter((p) => primary(p) !== topic && p.categories.includes(topic)).map((p) => p.id),
    );
    const own = earlier.filter((p) => primary(p) === topic);
    if (relevant.size < 10 || own.length < 5) continue;
    const library = own.map(toEntry);
    const liked = sample(own, RATED, `up:${topic}`);
    const disliked = sample(
      earlier.filter((p) => primary(p) !== topic),
      RATED,
      `down:${topic}`,
    );
    const rated = [
      ...liked.map((paper) => ({ paper, label: 1 as RatingLabel })),
      ...disliked.map((paper) => ({ paper, label: -1 as RatingLabel })),
    ];
    const t0 = performance.now();
    const model: LinearModel = trainLinearModel({ rated, background: earlier });
    trainMs.push(performance.now() - t0);

    const profile: Profile = { ...EMPTY_PROFILE };
    const contexts: Record<(typeof SCORERS)[number], RankContext> = {
      lexical: { profile, library },
      learned: { profile, model },
      blend: { profile, library, model },
    };
    const cells: string[] = [];
    const strictCells: string[] = [];
    const listedCells: string[] = [];
    for (const name of SCORERS) {
      const r = evaluate(later.papers, contexts[name], relevant, ambiguous);
      for (const kind of JUDGINGS) {
        const list = totals[kind].get(name) ?? [];
        list.push(r[kind]);
        totals[kind].set(name, list);
      }
      cells.push(`${f2(r.judged.p10)}  ${f2(r.judged.auc)}`.padEnd(19));
      strictCells.push(f2(r.strict.p10));
      listedCells.push(f2(r.listed.p10));
    }
    if (!biggest || library.length > (biggest.library?.length ?? 0)) biggest = contexts.blend;
    console.log(
      `  ${laterName.padEnd(11)}${topic.padEnd(8)}${`${relevant.size}/${later.papers.length}`.padEnd(10)}` +
        `${String(ambiguous.size).padStart(4)}${String(library.length).padStart(5)}   ${cells.join('')}(${strictCells.join(' ')})   (${listedCells.join(' ')})`,
    );
  }
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const meanOf = (kind: Judging, name: string, key: keyof Scores): number =>
  mean(totals[kind].get(name)!.map((s) => s[key]));
console.log();
console.log(
  '  amb = papers of another primary category cross-listed into the topic: left out of "judged", irrelevant in "strict",',
);
console.log('        relevant in "listed" (they are in the topic\'s arXiv listing)');
for (const kind of JUDGINGS) {
  for (const name of SCORERS) {
    console.log(
      `  mean ${kind.padEnd(7)} ${name.padEnd(8)} precision@10 ${f2(meanOf(kind, name, 'p10'))}   ` +
        `ROC AUC ${f2(meanOf(kind, name, 'auc'))}   (${totals[kind].get(name)!.length} topic-days)`,
    );
  }
}
console.log("  (the blend's default weights were chosen on these same days: there is no held-out set)");
console.log(`  training the learned model: median ${median(trainMs).toFixed(0)} ms (done only when ratings change)`);

// ------------------------------------------------------------------------------------------------
// Speed: a 500-paper day, everything on. Fresh objects every round, so no per-paper cache helps.

const day = days.find((d) => d.name === '2026-06-02')!.papers.slice(0, 500);
const timingProfile = parseProfile({
  keywords: ['language model:2', 'diffusion', 'retrieval augmented generation', 'reinforcement learning', '扩散模型'],
  exclude: ['survey'],
  authors: ['Yann LeCun', 'Jane Doe'],
  categories: { 'cs.CL': 0.5 },
});
const clone = <T>(xs: readonly T[]): T[] => xs.map((x) => structuredClone(x));
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < TIMING_ROUNDS; i++) {
  const papers = clone(day);
  const ctx: RankContext = { ...biggest!, profile: timingProfile, library: clone(biggest!.library ?? []) };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  rankPapers(papers, ctx);
  wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
const ms = median(wall);
console.log(
  `  ranking a ${day.length}-paper day from scratch (library ${biggest!.library!.length} entries, model, 5 keywords, ` +
    `1 exclude, 2 authors, summaries searched): median ${ms.toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU ` +
    `over ${TIMING_ROUNDS} rounds (first ${wall[0]!.toFixed(0)} ms)`,
);

console.log();
for (const kind of JUDGINGS) {
  const p10 = meanOf(kind, 'blend', 'p10');
  console.log(`  goal: mean precision@10 (blend, ${kind}) >= ${GOAL_P10}: ${f2(p10)} ${verdict(p10 >= GOAL_P10)}`);
}
console.log(`  goal: 500-paper day < ${GOAL_MS} ms: ${ms.toFixed(0)} ms ${verdict(ms < GOAL_MS)}`);
