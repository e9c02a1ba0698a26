/**
 * A deterministic synthetic arXiv corpus for the 1M-paper benches (bench/generate-store.ts,
 * bench/serve.ts): paper i is the same on every run and machine.
 *
 * Text comes from a word-bigram model trained on the real abstracts and titles of the fixtures
 * (../shared/fixtures/anchor-days, read in place), mixed with Zipf-distributed draws from the
 * fixtures' vocabulary ranked by frequency, from a per-archive list of physics / math / biology /
 * finance / statistics terms, and from a long tail of 300k coined names (`GraphVoxNet`, …) that
 * play the part of the rare words of real arXiv text. Authors come from a pool of 200k names
 * built from the fixtures' first and last names, reused Zipf-like. Categories are the active
 * codes of the real taxonomy (../shared/fixtures/arxiv/taxonomy-arXiv_category_def.json).
 * Chinese summaries are recombined sentences of the fixtures' real Chinese summaries.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnnouncementInput, PaperInput, SummaryFields, SummaryInput } from '../src/core/types.js';

export const FIXTURES = resolve(
  process.env.ARXIV_DIGEST_FIXTURES || fileURLToPath(new URL('../../shared/fixtures/', import.meta.url)),
);

// ------------------------------------------------------------------------------------------------
// randomness

/** sfc32: fast, good enough, seedable; every paper gets its own stream so batches are independent. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number, stream = 0) {
    this.a = 0x9e3779b9 ^ seed;
    this.b = 0x243f6a88 ^ stream;
    this.c = 0xb7e15162;
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }
  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  /**
   * A rank in [0, n) from a Zipf–Mandelbrot law with exponent 1, p(k) ∝ 1 / (k + q), sampled
   * exactly by inverting its continuous CDF. Small q: classic Zipf (word frequencies); large q:
   * a flatter head (authors, where the most prolific have thousands of papers, not millions).
   */
  zipf(n: number, q: number): number {
    const k = Math.floor(q * Math.pow((n + q) / q, this.next()) - q);
    return k < n ? k : n - 1;
  }
}

// ------------------------------------------------------------------------------------------------
// the fixtures

interface FixturePaper {
  id: string;
  title: string;
  summary: string;
  authors: string[];
  AI?: Record<string, string>;
}

function readFixturePapers(): FixturePaper[] {
  const dirs = [join(FIXTURES, 'anchor-days'), join(FIXTURES, 'seed')];
  const byId = new Map<string, FixturePaper>();
  for (const dir of dirs) {
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.jsonl')) continue;
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const p = JSON.parse(line) as FixturePaper;
        const old = byId.get(p.id);
        if (!old || (!old.AI && p.AI)) byId.set(p.id, p);
      }
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Active category codes of the real taxonomy, the most populous first (roughly arXiv's volumes). */
function readCategories(): string[] {
  const defs = JSON.parse(readFileSync(join(FIXTURES, 'arxiv', 'taxonomy-arXiv_category_def.json'), 'utf8')) as {
    category: string;
    active: number;
  }[];
  const active = defs.filter((d) => d.active === 1 && !d.category.startsWith('test.')).map((d) => d.category);
  const popular = [
    'cs.LG', 'cs.CV', 'cs.CL', 'cs.AI', 'quant-ph', 'hep-ph', 'cond-mat.mtrl-sci', 'astro-ph.GA', 'hep-th',
    'math.OC', 'stat.ML', 'cs.RO', 'cond-mat.str-el', 'math.PR', 'astro-ph.CO', 'physics.optics', 'math.AP',
    'cond-mat.mes-hall', 'eess.SP', 'cs.CR', 'math.CO', 'gr-qc', 'astro-ph.SR', 'astro-ph.HE', 'math.NA',
    'cs.IT', 'eess.SY', 'cs.SE', 'cs.HC', 'physics.flu-dyn', 'math.AG', 'math.NT', 'cond-mat.stat-mech',
    'cs.IR', 'eess.IV', 'math.DG', 'cond-mat.soft', 'nucl-th', 'stat.ME', 'cs.DC',
  ].filter((c) => active.includes(c)); // prettier-ignore
  return [...popular, ...active.filter((c) => !popular.includes(c))];
}

const archiveOf = (category: string): string => category.split('.')[0]!;

/** Topic words by archive family, mixed into the text of papers in those archives. */
const DOMAIN_TERMS: Record<string, string> = {
  physics:
    'quantum entanglement qubit qubits decoherence hamiltonian lagrangian spin lattice phonon photon photonic ' +
    'superconducting superconductivity topological fermion fermions boson bosons hadron hadronic quark quarks ' +
    'gluon neutrino neutrinos lepton collider luminosity cross-section scattering dark matter galaxy galaxies ' +
    'redshift cosmological inflation black hole gravitational waves spacetime curvature relativity magnetic ' +
    'ferromagnetic antiferromagnetic magnon plasma tokamak turbulence vortex vortices viscous reynolds laminar ' +
    'dispersion soliton waveguide resonator cavity laser nonlinear optical polarization anisotropy thermal ' +
    'conductivity semiconductor graphene monolayer heterostructure dopant band gap fermi surface hubbard ' +
    'ising criticality renormalization perturbative nonperturbative supersymmetry string holographic ads ' +
    'cft gauge symmetry chiral anomaly lattice qcd nucleon nuclei isotope decay spectroscopy telescope ' +
    'stellar exoplanet accretion supernova pulsar magnetar quasar interferometer detector calorimeter',
  math:
    'theorem lemma proof conjecture corollary manifold manifolds homology cohomology homotopy sheaf sheaves ' +
    'scheme morphism functor category algebra algebras module modules ideal ring rings polynomial ' +
    'polynomials eigenvalue eigenvalues spectrum operator operators banach hilbert sobolev elliptic ' +
    'parabolic hyperbolic boundary regularity existence uniqueness asymptotic asymptotics inequality ' +
    'inequalities bound bounds convex convexity graph graphs vertex vertices chromatic combinatorial ' +
    'permutation partition partitions prime primes modular arithmetic diophantine riemann zeta curve ' +
    'curves surface surfaces invariant invariants isomorphism automorphism group groups subgroup lie ' +
    'representation representations character stochastic martingale brownian markov ergodic measure ' +
    'measures integral integrals derivative fractional galerkin discretization convergence stability ' +
    'estimate estimates compact dimension dimensional finite infinite countable metric norm',
  bio:
    'protein proteins gene genes genome genomic sequencing rna dna cell cells cellular neuron neurons ' +
    'neural cortex cortical synaptic tissue tumor cancer mutation mutations phylogenetic evolutionary ' +
    'population populations epidemic epidemiological infection transmission enzyme binding molecular ' +
    'metabolic pathway pathways expression transcription regulatory biomarker clinical patients',
  finance:
    'market markets price prices pricing volatility portfolio asset assets risk option options hedging ' +
    'arbitrage equilibrium auction auctions welfare mechanism incentive incentives consumer firms ' +
    'monetary inflation interest rate rates credit liquidity trading returns econometric panel',
  stat:
    'estimator estimators likelihood posterior prior bayesian inference regression covariate covariates ' +
    'variance bootstrap sampling confidence interval hypothesis test tests consistency asymptotic ' +
    'nonparametric semiparametric causal treatment effect effects survival censoring mixture',
};

const domainOf = (archive: string): string | null =>
  /^(astro-ph|cond-mat|gr-qc|hep-|nucl-|physics|quant-ph|nlin|math-ph)/.test(archive)
    ? 'physics'
    : archive === 'math'
      ? 'math'
      : archive === 'q-bio'
        ? 'bio'
        : archive === 'q-fin' || archive === 'econ'
          ? 'finance'
          : archive === 'stat'
            ? 'stat'
            : null;

/** Morphemes of coined method / model / dataset names. */
const MORPHEMES = (
  'Flow Graph Mamba Diff Seg Vi Lo Quant Hyper Meta Neuro Bench Mix Fusion Prompt Token Vox Gauss Spec ' +
  'Tiny Omni Deep Auto Sparse Mol Geo Net Former Sim Align Mask Dyn Scale Lite Fast Chem Bio Astro Phys ' +
  'Opti Robo Nav Sign Code Math Proof Cloud Edge Fed Priv Trust Chain Spark Wave Field Loop Path Core ' +
  'Nova Luma Terra Aqua Cryo Hex Tri Poly Uni Multi Cross Self Co Re Pro Sym Bay Kern Tensor Rank Gen'
).split(' ');

// ------------------------------------------------------------------------------------------------
// the bigram model

const TOKEN = /\$[^$]{1,40}\$|[A-Za-z][A-Za-z0-9'-]*|\d+(?:\.\d+)?%?|[.,;:()]/g;
const START = 0; // sentence start state

class Bigram {
  readonly words: string[] = ['<s>'];
  private readonly ids = new Map<string, number>([['<s>', START]]);
  private start!: Int32Array;
  private next!: Int32Array;
  private cum!: Float64Array;

  constructor(texts: readonly string[]) {
    const pairs = new Map<number, Map<number, number>>();
    const id = (w: string): number => {
      let i = this.ids.get(w);
      if (i === undefined) {
        i = this.words.length;
        this.words.push(w);
        this.ids.set(w, i);
      }
      return i;
    };
    for (const text of texts) {
      let prev = START;
      for (const m of text.matchAll(TOKEN)) {
        const t = id(m[0]);
        let row = pairs.get(prev);
        if (!row) pairs.set(prev, (row = new Map()));
        row.set(t, (row.get(t) ?? 0) + 1);
        prev = m[0] === '.' ? START : t;
      }
    }
    const n = this.words.length;
    this.start = new Int32Array(n + 1);
    let total = 0;
    for (let i = 0; i < n; i++) total += pairs.get(i)?.size ?? 0;
    this.next = new Int32Array(total);
    this.cum = new Float64Array(total);
    let k = 0;
    for (let i = 0; i < n; i++) {
      this.start[i] = k;
      let c = 0;
      for (const [t, count] of pairs.get(i) ?? []) {
        this.next[k] = t;
        this.cum[k] = c += count;
        k++;
      }
    }
    this.start[n] = k;
  }

  idOf(word: string): number | undefined {
    return this.ids.get(word);
  }

  /** A successor of `prev`, or -1 when the model has none. */
  step(prev: number, rng: Rng): number {
    const lo0 = this.start[prev]!;
    const hi0 = this.start[prev + 1]!;
    if (lo0 === hi0) return -1;
    const r = rng.next() * this.cum[hi0 - 1]!;
    let lo = lo0;
    let hi = hi0 - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.next[lo]!;
  }
}

// ------------------------------------------------------------------------------------------------
// the corpus

export interface CorpusOptions {
  papers: number;
  days: number;
  /** First announcement day (a Monday is best). */
  firstDay: string;
  /** Share of papers with an ok summary. */
  summarized: number;
  seed: number;
}

export const DEFAULT_CORPUS: CorpusOptions = {
  papers: 1_000_000,
  days: 3_500,
  firstDay: '2012-01-02',
  summarized: 0.3,
  seed: 20_260_101,
};

export interface SyntheticPaper {
  /** 1-based, in announcement order: the store's papers.n when filled in that order. */
  n: number;
  date: string;
  paper: PaperInput & { version: number; published: string };
  /** Announcement rows of the paper on its first day (primary 'new', some 'cross'). */
  listings: AnnouncementInput[];
  /** A later 'replace' announcement, for ~5 % of papers. */
  replacement: { date: string; listing: AnnouncementInput } | null;
  summary: SummaryInput | null;
  codeUrl: string | null;
}

const SUMMARY_ENGLISH_SHARE = 1 / 3;
const CROSS_LIST_CHANCE = 0.5;
const REPLACE_CHANCE = 0.05;
const CODE_CHANCE = 0.12;
export const SUMMARIZER = 'openai:deepseek-chat';
export const PROMPT_VERSION = 'v1';

export class Corpus {
  readonly opts: CorpusOptions;
  readonly categories: string[];
  /** Announcement days, oldest first (Monday–Friday). */
  readonly days: string[];
  /** First paper index (0-based) of each day, plus the total at the end. */
  readonly dayStart: Int32Array;
  /** Fixture words ranked by frequency (lower-case alphabetic), the Zipf vocabulary. */
  readonly vocabulary: string[];
  /** Coined names, the rare tail. */
  readonly coined: string[];
  /** Author names, rank 0 the most prolific. */
  readonly authors: string[];
  private readonly abstracts: Bigram;
  private readonly titles: Bigram;
  private readonly domains: Map<string, string[]>;
  /** Sentences of the fixtures' Chinese summaries, by field. */
  readonly zhSentences: Record<keyof SummaryFields, string[]>;

  constructor(opts: CorpusOptions = DEFAULT_CORPUS) {
    this.opts = opts;
    const fixtures = readFixturePapers();
    this.categories = readCategories();
    this.abstracts = new Bigram(fixtures.map((p) => p.summary));
    this.titles = new Bigram(fixtures.map((p) => `${p.title}.`));

    const freq = new Map<string, number>();
    for (const p of fixtures) {
      for (const m of `${p.title} ${p.summary}`.toLowerCase().matchAll(/[a-z][a-z-]*[a-z]/g)) {
        freq.set(m[0], (freq.get(m[0]) ?? 0) + 1);
      }
    }
    this.vocabulary = [...freq]
      .filter(([, c]) => c >= 2)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([w]) => w);
    this.domains = new Map(Object.entries(DOMAIN_TERMS).map(([k, v]) => [k, v.split(' ')]));

    const rng = new Rng(opts.seed, 1);
    const coined = new Set<string>();
    while (coined.size < 300_000) {
      const parts = 2 + (rng.next() < 0.35 ? 1 : 0);
      let w = '';
      for (let i = 0; i < parts; i++) w += rng.pick(MORPHEMES);
      if (rng.next() < 0.3) w += String(rng.range(1, 12));
      coined.add(w);
    }
    this.coined = [...coined];

    const first = new Set<string>();
    const last = new Set<string>();
    for (const p of fixtures) {
      for (const a of p.authors) {
        const parts = a.trim().split(/\s+/);
        if (parts.length < 2) continue;
        first.add(parts[0]!);
        last.add(parts[parts.length - 1]!);
      }
    }
    const firsts = [...first].sort();
    const lasts = [...last].sort();
    const names = new Set<string>();
    while (names.size < 200_000) {
      const middle = rng.next() < 0.1 ? ` ${String.fromCharCode(65 + rng.int(26))}.` : '';
      names.add(`${rng.pick(firsts)}${middle} ${rng.pick(lasts)}`);
    }
    this.authors = [...names];

    const zh = { tldr: [], motivation: [], method: [], result: [], conclusion: [] } as Record<
      keyof SummaryFields,
      string[]
    >;
    for (const p of fixtures) {
      if (!p.AI) continue;
      for (const k of Object.keys(zh) as (keyof SummaryFields)[]) {
        const text = p.AI[k];
        if (!text || !/[\u4e00-\u9fff]/.test(text)) continue;
        for (const s of text.split(/(?<=。)/)) if (s.trim().length > 8) zh[k].push(s.trim());
      }
    }
    this.zhSentences = zh;

    // Days: Monday to Friday from firstDay; papers per day vary ±30 % around the mean.
    this.days = [];
    const d = new Date(`${opts.firstDay}T00:00:00Z`);
    while (this.days.length < opts.days) {
      const wd = d.getUTCDay();
      if (wd !== 0 && wd !== 6) this.days.push(d.toISOString().slice(0, 10));
      d.setUTCDate(d.getUTCDate() + 1);
    }
    const weights = this.days.map((_, i) => 0.7 + 0.6 * new Rng(opts.seed, 2_000_000 + i).next());
    const sum = weights.reduce((a, b) => a + b, 0);
    this.dayStart = new Int32Array(opts.days + 1);
    let acc = 0;
    for (let i = 0; i < opts.days; i++) {
      this.dayStart[i] = Math.round((acc / sum) * opts.papers);
      acc += weights[i]!;
    }
    this.dayStart[opts.days] = opts.papers;
  }

  /** Index of the day paper i (0-based) is announced on. */
  dayOf(i: number): number {
    let lo = 0;
    let hi = this.opts.days - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.dayStart[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Text of about `words` words (stopping at a sentence end), from the abstract model. */
  prose(rng: Rng, words: number, domain: string[] | null): string {
    let out = '';
    let count = 0;
    let prev = START;
    let capital = true;
    for (;;) {
      let w: string;
      let t: number;
      const r = rng.next();
      if (r < 0.006) {
        w = rng.pick(this.coined);
        t = this.abstracts.idOf('method') ?? START;
      } else if (domain && r < 0.05) {
        w = domain[rng.zipf(domain.length, 3)]!;
        t = this.abstracts.idOf(w) ?? this.abstracts.idOf('the') ?? START;
      } else if (r < 0.11 && prev !== START) {
        w = this.vocabulary[rng.zipf(this.vocabulary.length, 2.7)]!;
        t = this.abstracts.idOf(w) ?? START;
        if (t === START) t = this.abstracts.idOf('and') ?? START;
      } else {
        t = this.abstracts.step(prev, rng);
        if (t < 0) t = this.abstracts.step(START, rng);
        w = this.abstracts.words[t]!;
      }
      if (w === '.' || w === ',' || w === ';' || w === ':' || w === ')') {
        if (out === '' || out.endsWith('(')) continue;
        out += w;
        if (w === '.') {
          capital = true;
          prev = START;
          if (count >= words) return out;
          continue;
        }
      } else {
        if (capital) w = w.charAt(0).toUpperCase() + w.slice(1);
        out += out === '' || out.endsWith('(') ? w : ` ${w}`;
        capital = false;
        count++;
        if (count >= words + 25) return `${out}.`;
      }
      prev = t;
    }
  }

  private title(rng: Rng, domain: string[] | null): string {
    const target = rng.range(10, 15);
    const words: string[] = [];
    if (rng.next() < 0.35) words.push(`${rng.pick(this.coined)}:`);
    let prev = START;
    while (words.length < target) {
      let t = this.titles.step(prev, rng);
      let w = t < 0 ? '.' : this.titles.words[t]!;
      if (w === '.' || t < 0) {
        prev = START;
        continue;
      }
      if (domain && rng.next() < 0.12) {
        w = domain[rng.zipf(domain.length, 3)]!;
        t = this.titles.idOf(w) ?? START;
      }
      prev = t;
      if (/^[.,;:()]$/.test(w)) continue;
      words.push(w);
    }
    return words.map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
  }

  private zhField(rng: Rng, k: keyof SummaryFields, sentences: number): string {
    let s = '';
    for (let i = 0; i < sentences; i++) s += rng.pick(this.zhSentences[k]);
    return s;
  }

  /** Paper i (0-based), deterministic. */
  paper(i: number): SyntheticPaper {
    const rng = new Rng(this.opts.seed, 10 + i);
    const day = this.dayOf(i);
    const date = this.days[day]!;
    const inDay = i - this.dayStart[day]!;
    const yymm = date.slice(2, 4) + date.slice(5, 7);
    // Sequence numbers within a month: day-of-month × 400 + position keeps ids unique and ordered.
    const id = `${yymm}.${String(Number(date.slice(8, 10)) * 400 + inDay).padStart(5, '0')}`;

    const nCats = 1 + (rng.next() < 0.45 ? 1 + rng.zipf(3, 1) : 0);
    const cats: string[] = [];
    while (cats.length < nCats) {
      const c = this.categories[rng.zipf(this.categories.length, 3)]!;
      if (!cats.includes(c)) cats.push(c);
    }
    const domainName = domainOf(archiveOf(cats[0]!));
    const domain = domainName ? this.domains.get(domainName)! : null;

    const nAuthors = 2 + Math.floor(11 * Math.pow(rng.next(), 2.2));
    const authors: string[] = [];
    while (authors.length < nAuthors) {
      const a = this.authors[rng.zipf(this.authors.length, 500)]!;
      if (!authors.includes(a)) authors.push(a);
    }

    const version = rng.next() < 0.7 ? 1 : rng.range(2, 4);
    const paper = {
      id,
      version,
      title: this.title(rng, domain),
      authors,
      abstract: this.prose(rng, rng.range(140, 230), domain),
      categories: cats,
      comment: rng.next() < 0.5 ? `${rng.range(6, 40)} pages, ${rng.range(1, 15)} figures` : null,
      journalRef: null,
      doi: null,
      published: `${date}T00:00:00Z`,
      updated: version > 1 ? `${date}T00:00:00Z` : null,
    };
    const listings: AnnouncementInput[] = [{ paperId: id, category: cats[0]!, version, kind: 'new' }];
    for (const c of cats.slice(1)) {
      if (rng.next() < CROSS_LIST_CHANCE) listings.push({ paperId: id, category: c, version, kind: 'cross' });
    }
    let replacement: SyntheticPaper['replacement'] = null;
    if (rng.next() < REPLACE_CHANCE && day + 1 < this.days.length) {
      const later = Math.min(this.days.length - 1, day + rng.range(1, 60));
      replacement = {
        date: this.days[later]!,
        listing: { paperId: id, category: cats[0]!, version, kind: 'replace' },
      };
    }
    let summary: SummaryInput | null = null;
    if (rng.next() < this.opts.summarized) {
      const english = rng.next() < SUMMARY_ENGLISH_SHARE;
      const fields: SummaryFields = english
        ? {
            tldr: this.prose(rng, 25, domain),
            motivation: this.prose(rng, 30, domain),
            method: this.prose(rng, 35, domain),
            result: this.prose(rng, 30, domain),
            conclusion: this.prose(rng, 20, domain),
          }
        : {
            tldr: this.zhField(rng, 'tldr', 1 + rng.int(2)),
            motivation: this.zhField(rng, 'motivation', 1 + rng.int(2)),
            method: this.zhField(rng, 'method', 1 + rng.int(2)),
            result: this.zhField(rng, 'result', 1 + rng.int(2)),
            conclusion: this.zhField(rng, 'conclusion', 1),
          };
      summary = {
        paperId: id,
        version,
        language: english ? 'English' : 'Chinese',
        summarizer: SUMMARIZER,
        promptVersion: PROMPT_VERSION,
        status: 'ok',
        fields,
        tokensIn: rng.range(300, 700),
        tokensOut: rng.range(200, 500),
      };
    }
    const codeUrl = rng.next() < CODE_CHANCE ? `https://github.com/${rng.pick(this.coined).toLowerCase()}/${id}` : null;
    return { n: i + 1, date, paper, listings, replacement, summary, codeUrl };
  }
}
