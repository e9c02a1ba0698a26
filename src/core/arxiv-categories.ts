/**
 * arXiv's category taxonomy (arxiv.org/category_taxonomy), so a reader's categories are checked
 * before a run asks arXiv for a feed that does not exist: a typo gets a suggestion. Data.
 */

// prettier-ignore
const ARCHIVES: Record<string, readonly string[]> = {
  cs: [
    'AI', 'AR', 'CC', 'CE', 'CG', 'CL', 'CR', 'CV', 'CY', 'DB', 'DC', 'DL', 'DM', 'DS', 'ET', 'FL', 'GL', 'GR', 'GT',
    'HC', 'IR', 'IT', 'LG', 'LO', 'MA', 'MM', 'MS', 'NA', 'NE', 'NI', 'OH', 'OS', 'PF', 'PL', 'RO', 'SC', 'SD', 'SE',
    'SI', 'SY',
  ],
  econ: ['EM', 'GN', 'TH'],
  eess: ['AS', 'IV', 'SP', 'SY'],
  math: [
    'AC', 'AG', 'AP', 'AT', 'CA', 'CO', 'CT', 'CV', 'DG', 'DS', 'FA', 'GM', 'GN', 'GR', 'GT', 'HO', 'IT', 'KT', 'LO',
    'MG', 'MP', 'NA', 'NT', 'OA', 'OC', 'PR', 'QA', 'RA', 'RT', 'SG', 'SP', 'ST',
  ],
  'astro-ph': ['CO', 'EP', 'GA', 'HE', 'IM', 'SR'],
  'cond-mat': ['dis-nn', 'mes-hall', 'mtrl-sci', 'other', 'quant-gas', 'soft', 'stat-mech', 'str-el', 'supr-con'],
  nlin: ['AO', 'CD', 'CG', 'PS', 'SI'],
  physics: [
    'acc-ph', 'ao-ph', 'app-ph', 'atm-clus', 'atom-ph', 'bio-ph', 'chem-ph', 'class-ph', 'comp-ph', 'data-an', 'ed-ph',
    'flu-dyn', 'gen-ph', 'geo-ph', 'hist-ph', 'ins-det', 'med-ph', 'optics', 'plasm-ph', 'pop-ph', 'soc-ph', 'space-ph',
  ],
  'q-bio': ['BM', 'CB', 'GN', 'MN', 'NC', 'OT', 'PE', 'QM', 'SC', 'TO'],
  'q-fin': ['CP', 'EC', 'GN', 'MF', 'PM', 'PR', 'RM', 'ST', 'TR'],
  stat: ['AP', 'CO', 'ME', 'ML', 'OT', 'TH'],
};

/** Archives that are categories themselves (no subject classes). */
// prettier-ignore
const SINGLE = ['gr-qc', 'hep-ex', 'hep-lat', 'hep-ph', 'hep-th', 'math-ph', 'nucl-ex', 'nucl-th', 'quant-ph'];

export const ARXIV_CATEGORIES: ReadonlySet<string> = new Set([
  ...Object.entries(ARCHIVES).flatMap(([a, subs]) => subs.map((s) => `${a}.${s}`)),
  ...SINGLE,
]);

/** Archives with subject classes: a digest follows their categories, not the archive. */
export const ARXIV_ARCHIVES: ReadonlySet<string> = new Set(Object.keys(ARCHIVES));

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The known category a name most likely meant (case, one or two letters off), or null. */
export function suggestCategory(name: string): string | null {
  const lower = name.toLowerCase();
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of ARXIV_CATEGORIES) {
    if (c.toLowerCase() === lower) return c;
    const d = distance(lower, c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return bestD <= 2 ? best : null;
}
