/**
 * A generated data branch of the reference system (daily-arXiv-ai-enhanced), warts included, for
 * the migration tests and the import bench. Its files are written the way the reference writes
 * them — the raw JSONL by its crawler (one line per listing, json.dumps without ASCII escapes),
 * the enhanced JSONL by its enhance step (ASCII-escaped), the Markdown by its converter (our
 * Python re-implementation in bench/reference-convert.py, run by python3) — and carry what its
 * users' history carries:
 *
 * - papers crawled but never summarized (its content filter dropped 15–33 %): raw only;
 * - cross-day de-duplication broken: a weekday repeats part of the previous day, each repeat
 *   summarized again with new text; now and then with newer metadata (a v2) and more stars;
 * - weekend files that are copies of Friday's (the run date is the UTC date);
 * - a category order in the Markdown that is a Python set's (arbitrary), not the configured one;
 * - placeholders published as summaries, an AI object with fields missing (the Markdown skips
 *   the paper), a day with only its Markdown, a day whose enhance step died (raw only);
 * - files beside the data that are not data (README, assets/file-list.txt, .github/).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../src/core/random.js';

const CONVERTER = fileURLToPath(new URL('../../bench/reference-convert.py', import.meta.url));

/** The categories the reference's user configured (its crawl list). */
export const REFERENCE_CATEGORIES = ['cs.CV', 'cs.CL', 'cs.AI', 'cs.GT', 'cs.IT', 'cs.CE', 'cs.GR'];
const OTHER = ['cs.LG', 'stat.ML', 'math.OC', 'eess.IV'];

export interface HistoryOptions {
  /** First calendar day (UTC run date). */
  start: string;
  /** Calendar days, weekends included. */
  days: number;
  /** New papers a weekday. */
  papersPerDay: number;
  seed?: number;
  /** Warts at fixed places (see above); off for a plain history (the bench's large ones). */
  warts?: boolean;
}

export interface GeneratedHistory {
  root: string;
  /** The data folder (root/data). */
  data: string;
  /** Every date with files, and which files. */
  days: { date: string; raw: boolean; enhanced: boolean; markdown: boolean }[];
  /** Unique papers across the history. */
  papers: number;
  /** Papers crawled (raw) on a day but not in that day's digest. */
  unlisted: number;
}

interface Line {
  id: string;
  categories: string[];
  pdf: string;
  abs: string;
  authors: string[];
  title: string;
  comment: string | null;
  summary: string;
  code_url?: string;
  code_stars?: number;
  code_last_update?: string;
  AI?: Record<string, string | undefined>;
}

const WORDS = [
  'diffusion',
  'graph',
  'transformer',
  'retrieval',
  'agents',
  'sparse',
  'equilibrium',
  'codes',
  'mesh',
  'policy',
];
const ZH = ['提出', '一种', '新的', '方法', '显著', '提升', '性能', '实验', '表明', '有效', '模型', '数据集'];

const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

export function generateReferenceHistory(root: string, opts: HistoryOptions): GeneratedHistory {
  const rand = seededRandom(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const zh = (n: number) => Array.from({ length: n }, () => pick(ZH)).join('');
  const summary = (): Record<string, string> => ({
    tldr: `${zh(8)}${rand() < 0.2 ? '  ' : ''}`, // trailing spaces: the Markdown strips the TL;DR
    motivation: zh(12),
    method: zh(14),
    result: `${zh(6)} ${Math.floor(rand() * 90)}%`,
    conclusion: zh(10),
  });

  const data = join(root, 'data');
  mkdirSync(data, { recursive: true });
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(root, 'README.md'), '# My daily arXiv\n\nData branch of daily-arXiv-ai-enhanced.\n');
  writeFileSync(join(root, '.github', 'workflows', 'run.yml'), 'name: arxiv daily\n');

  const out: GeneratedHistory = { root, data, days: [], papers: 0, unlisted: 0 };
  const jobs: {
    date: string;
    raw: Line[] | null;
    enhanced: Line[] | null;
    markdown: boolean;
    /** What the Markdown is converted from (the enhanced lines, also on a Markdown-only day). */
    mdsource: Line[];
    order: string[];
  }[] = [];
  let counter = 0;
  let previous: Line[] = [];
  const code = new Map<string, { code_url: string; code_stars: number }>();
  const failed = new Set<string>();
  let friday: (typeof jobs)[number] | null = null;
  let weekdays = 0;
  for (let d = 0; d < opts.days; d++) {
    const date = addDays(opts.start, d);
    const dow = weekday(date);
    if (dow === 0 || dow === 6) {
      // The weekend's runs see Thursday evening's listing again: copies of Friday's files.
      if (friday) jobs.push({ ...friday, date });
      continue;
    }
    weekdays++;
    const prefix = `${date.slice(2, 4)}${date.slice(5, 7)}`;
    const fresh: Line[] = Array.from({ length: opts.papersPerDay }, () => {
      const id = `${prefix}.${String(10001 + counter++).padStart(5, '0')}`;
      const primary = pick(REFERENCE_CATEGORIES);
      const extra = shuffle([...REFERENCE_CATEGORIES, ...OTHER].filter((c) => c !== primary)).slice(
        0,
        Math.floor(rand() * 3),
      );
      const w = [pick(WORDS), pick(WORDS), pick(WORDS)];
      const line: Line = {
        id,
        categories: [primary, ...extra],
        pdf: `https://arxiv.org/pdf/${id}`,
        abs: `https://arxiv.org/abs/${id}`,
        authors: Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, i) => `Author ${counter}-${i} Ünïcode`),
        title: `${w[0]![0]!.toUpperCase()}${w[0]!.slice(1)} ${w[1]} for ${w[2]}: $\\alpha$-bounds`,
        comment: rand() < 0.4 ? `${8 + Math.floor(rand() * 20)} pages` : null,
        summary: `We study ${w.join(' ')} under {constraints} with "quotes" and \\LaTeX{}.\nSecond line: ${Math.floor(rand() * 1000)} samples.`,
      };
      if (rand() < 0.15)
        code.set(id, {
          code_url: `https://github.com/lab${counter}/repo_${counter}`,
          code_stars: Math.floor(rand() * 300),
        });
      return line;
    });
    out.papers += fresh.length;
    // Broken de-duplication: part of the previous day is crawled again, and summarized again.
    const repeated = weekdays > 1 ? previous.filter((p) => rand() < 0.3 && !failed.has(p.id)) : [];
    const repeats = repeated.map((p) => {
      const again: Line = { ...p };
      if (rand() < 0.15) {
        again.title = `${p.title} (extended version)`;
        again.summary = `${p.summary} We add experiments.`;
      }
      const c = code.get(p.id);
      if (c) c.code_stars += 3; // stars grow between the days it is summarized
      return again;
    });
    const day = [...fresh, ...repeats];
    // The crawler walks the category listings in a set's order; a paper appears once per listing
    // of yours that has it (cross-lists from outside your categories are filtered out).
    const setOrder = shuffle(REFERENCE_CATEGORIES);
    const raw: Line[] = [];
    for (const c of setOrder) for (const p of day) if (p.categories.includes(c)) raw.push(p);
    const firstSeen = [...new Map(raw.map((p) => [p.id, p])).values()];
    // The content filter (or its timeouts) dropped a fifth of the papers after crawling.
    const kept = firstSeen.filter(() => rand() >= 0.2);
    // The enhance step adds the code link it found (with stars that day) and the summary.
    const enhanced = kept.map((p) => {
      const c = code.get(p.id);
      return { ...p, ...(c ? { ...c, code_last_update: date } : {}), AI: summary() } as Line;
    });
    if (opts.warts !== false) {
      // A failed summary published as placeholder text (a paper not crawled again: another day's
      // real summary of it would be shown instead, never the placeholder).
      if (weekdays === 2 && enhanced[0]) {
        enhanced[0].AI = { ...enhanced[0].AI, tldr: 'Summary generation failed' };
        failed.add(enhanced[0].id);
      }
      if (weekdays === 3 && enhanced[1]) delete enhanced[1].AI!.method; // the Markdown skips it
    }
    out.unlisted += firstSeen.length - kept.length;
    // The Markdown's order: CATEGORIES falls back to "cs.CV, cs.CL", the rest in a set's order.
    const present = [...new Set(enhanced.map((p) => p.categories[0]!))];
    const order = [
      ...['cs.CV', 'cs.CL'].filter((c) => present.includes(c)),
      ...shuffle(present.filter((c) => c !== 'cs.CV' && c !== 'cs.CL')),
    ];
    let job = {
      date,
      raw: raw as Line[] | null,
      enhanced: enhanced as Line[] | null,
      markdown: true,
      mdsource: enhanced,
      order,
    };
    if (opts.warts !== false && weekdays === 4) job = { ...job, raw: null, enhanced: null }; // Markdown only
    if (opts.warts !== false && weekdays === 5) job = { ...job, enhanced: null, markdown: false }; // enhance died
    jobs.push(job);
    if (dow === 5) friday = job;
    previous = day;
  }

  // One python3 process writes every file the way the reference does.
  const spec = jobs.map((j) => ({
    date: j.date,
    raw: j.raw,
    enhanced: j.enhanced,
    markdown: j.markdown,
    mdsource: j.mdsource,
    order: j.order,
  }));
  const script = `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("convert", sys.argv[1])
conv = importlib.util.module_from_spec(spec); spec.loader.exec_module(conv)
data = sys.argv[2]
for day in json.load(sys.stdin):
    d = day["date"]
    if day["raw"] is not None:
        with open(f"{data}/{d}.jsonl", "w", encoding="utf-8") as f:
            for o in day["raw"]: f.write(json.dumps(o, ensure_ascii=False) + "\\n")
    src = day["enhanced"]
    if src is not None:
        with open(f"{data}/{d}_AI_enhanced_Chinese.jsonl", "w", encoding="utf-8") as f:
            for o in src:
                o = {k: v for k, v in o.items() if k != "AI"} | {"AI": o["AI"]}
                f.write(json.dumps(o) + "\\n")
    if day["markdown"]:
        items = [o for o in day["mdsource"] if all(k in o["AI"] for k in ("tldr","motivation","method","result","conclusion"))]
        with open(f"{data}/{d}.md", "w", encoding="utf-8", newline="") as f:
            f.write(conv.convert(items, day["order"]))
`;
  const r = spawnSync('python3', ['-c', script, CONVERTER, data], { input: JSON.stringify(spec), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python3 could not write the history: ${r.stderr}`);
  writeFileSync(
    join(root, 'assets', 'file-list.txt'),
    jobs
      .flatMap((j) => [j.raw && `${j.date}.jsonl`, j.enhanced && `${j.date}_AI_enhanced_Chinese.jsonl`])
      .filter(Boolean)
      .join('\n') + '\n',
  );
  out.days = jobs.map((j) => ({
    date: j.date,
    raw: j.raw !== null,
    enhanced: j.enhanced !== null,
    markdown: j.markdown,
  }));
  return out;
}
