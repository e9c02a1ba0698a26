/**
 * Text for a BibTeX value that a plain `pdflatex` document typesets without an error — the
 * default OT1 font encoding and the kernel's UTF-8 input, nothing loaded — and that BibLaTeX +
 * biber, XeLaTeX and LuaLaTeX read as well. arXiv's metadata is plain text with LaTeX in it
 * (`$\mathcal{O}(n)$`, `\"u`), so LaTeX is kept and only what would break is rewritten:
 *
 * - outside math, `_ ^ ~ < > |` and a `$` with no partner become `\_`, `\textasciicircum{}`,
 *   `\textasciitilde{}`, `\textless{}`, `\textgreater{}`, `\textbar{}`, `\$` ("Missing $ inserted",
 *   and OT1 prints `<img>` as "¡img¿");
 * - math (`$…$`, `$$…$$`) is kept, in braces so the standard styles' title casing cannot turn
 *   `$\Omega$` into `$\omega$`;
 * - a URL (`https://…`) is text: its specials escaped (`\_`, `\%`, `\#`, …), no math read into it;
 *   `\url{U}` and `\href{U}{T}` — undefined without the url/hyperref packages — become the URL as
 *   text and `T (U)`;
 * - Greek letters and math symbols become math (`{$\omega$}`, `{$\leq$}`): the kernel has no
 *   text form of them; accented Latin letters become BibTeX special characters (`{\'e}`,
 *   `{\k{a}}`, `{\l}`: see latinLetter); punctuation and symbols the kernel sets (–, “, €) stay
 *   UTF-8, and so do other scripts (CJK, Cyrillic): there is nothing to rewrite them as, and biber,
 *   XeLaTeX and LuaLaTeX set them (pdflatex names the character: "Unicode character 张 not set up");
 * - commands a plain document lacks (`\mathbb`, `\text`, `\k` in OT1) get a default in the file's
 *   `@preamble` (bibtexPreamble).
 *
 * `%`, `&`, `#` and braces are left to the caller's balancing (citations.ts), which sees the
 * whole value.
 */

/** Accents by their combining mark (NFD), as LaTeX writes them. */
const ACCENTS: Record<string, string> = {
  '\u0300': '`',
  '\u0301': "'",
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '=',
  '\u0306': 'u',
  '\u0307': '.',
  '\u0308': '"',
  '\u030a': 'r',
  '\u030b': 'H',
  '\u030c': 'v',
  '\u0323': 'd',
  '\u0327': 'c',
  '\u0328': 'k',
  '\u0331': 'b',
};
/** Letters that are not a base letter with accents. */
const LETTERS: Record<string, string> = {
  ø: '\\o',
  Ø: '\\O',
  ł: '\\l',
  Ł: '\\L',
  ß: '\\ss',
  æ: '\\ae',
  Æ: '\\AE',
  œ: '\\oe',
  Œ: '\\OE',
  ı: '\\i',
  ȷ: '\\j',
  đ: '\\dj',
  Đ: '\\DJ',
  ð: '\\dh',
  Ð: '\\DH',
  þ: '\\th',
  Þ: '\\TH',
  ŋ: '\\ng',
  Ŋ: '\\NG',
  å: '\\aa',
  Å: '\\AA',
  '\u00ab': '\\guillemetleft',
  '\u00bb': '\\guillemetright',
};

/**
 * A Latin letter with accents as a BibTeX "special character" (`{\'e}`, `{\v{s}}`, `{\=i}`,
 * `{\k{a}}`, `{\l}`), or null. BibTeX works in bytes: a raw UTF-8 letter is cut in half where a
 * style takes initials or label letters (abbrv's `É.`, alpha's `[Ṣ+]`: "Invalid UTF-8 byte
 * sequence"), while a special character counts as one letter — and every reader (biber,
 * citation-js, Zotero) turns it back into the letter.
 */
function latinLetter(ch: string): string | null {
  const letter = LETTERS[ch];
  if (letter) return `{${letter}}`;
  const [base, ...marks] = [...ch.normalize('NFD')];
  if (!base || !/^[A-Za-z]$/.test(base) || !marks.length || marks.length > 2) return null;
  const cmds = marks.map((m) => ACCENTS[m]);
  if (cmds.some((c) => c === undefined)) return null;
  // `\'i`, not `\'\i`: biber reads the dotless form back as ı plus a combining accent, which
  // pdflatex cannot set; T1 has the composite glyph, OT1 puts the accent over the dot.
  let out: string = base;
  for (const c of cmds as string[])
    out = /[A-Za-z]/.test(c) ? `\\${c}{${out}}` : `\\${c}${out.length > 1 ? `{${out}}` : out}`;
  return `{${out}}`;
}

/**
 * Defaults for commands a plain document lacks, by the command (regex source, default): the
 * T1-only letters (ą's `\k`, `\dj`, `\th`, «), set in T1 for the one character — what
 * `\DeclareTextAccentDefault` does in a preamble, which OT1 documents then typeset and T1 ones
 * ignore — and the AMS commands arXiv titles use, as the nearest kernel command. They go in the
 * file's `@preamble` (bibtexPreamble), which the standard styles and biblatex write into the
 * .bbl; `\ProvideTextCommandDefault` and `\providecommand` may be used there, in the document
 * body, and define nothing the document already has.
 */
const DEFAULTS: [string, string][] = [
  ['k', '\\ProvideTextCommandDefault{\\k}[1]{\\UseTextAccent{T1}{\\k}{#1}}'],
  ...['dj', 'DJ', 'dh', 'DH', 'th', 'TH', 'ng', 'NG', 'guillemetleft', 'guillemetright'].map((c): [string, string] => [
    c,
    `\\ProvideTextCommandDefault{\\${c}}{\\UseTextSymbol{T1}{\\${c}}}`,
  ]),
  ...(
    [
      ['mathbb', '[1]{\\mathbf{#1}}'],
      ['mathds', '[1]{\\mathbf{#1}}'],
      ['mathfrak', '[1]{\\mathrm{#1}}'],
      ['mathscr', '[1]{\\mathcal{#1}}'],
      ['boldsymbol', '[1]{\\mathbf{#1}}'],
      ['bm', '[1]{\\mathbf{#1}}'],
      ['text', '[1]{\\mbox{#1}}'],
      ['operatorname', '[1]{\\mathrm{#1}}'],
      ['tfrac', '{\\frac}'],
      ['dfrac', '{\\frac}'],
      ['lesssim', '{\\mathrel{\\stackrel{<}{\\sim}}}'],
      ['gtrsim', '{\\mathrel{\\stackrel{>}{\\sim}}}'],
      ['leqslant', '{\\leq}'],
      ['geqslant', '{\\geq}'],
      ['varnothing', '{\\emptyset}'],
      ['coloneqq', '{\\mathrel{:=}}'],
    ] as const
  ).map(([c, def]): [string, string] => [c, `\\providecommand{\\${c}}${def}`]),
];

/**
 * The `@preamble` entry a BibTeX file needs for the commands its entries use (see DEFAULTS), or
 * "" when it needs none.
 */
export function bibtexPreamble(bib: string): string {
  const defs = DEFAULTS.filter(([c]) => new RegExp(`\\\\${c}(?![A-Za-z])`).test(bib)).map(([, d]) => d);
  return defs.length ? `@preamble{ "${defs.join(' ')}" }\n` : '';
}

const GREEK: Record<string, string> = {
  α: '\\alpha',
  β: '\\beta',
  γ: '\\gamma',
  δ: '\\delta',
  ε: '\\varepsilon',
  ϵ: '\\epsilon',
  ζ: '\\zeta',
  η: '\\eta',
  θ: '\\theta',
  ϑ: '\\vartheta',
  ι: '\\iota',
  κ: '\\kappa',
  λ: '\\lambda',
  μ: '\\mu',
  ν: '\\nu',
  ξ: '\\xi',
  ο: 'o',
  π: '\\pi',
  ϖ: '\\varpi',
  ρ: '\\rho',
  ϱ: '\\varrho',
  σ: '\\sigma',
  ς: '\\varsigma',
  τ: '\\tau',
  υ: '\\upsilon',
  φ: '\\varphi',
  ϕ: '\\phi',
  χ: '\\chi',
  ψ: '\\psi',
  ω: '\\omega',
  Α: 'A',
  Β: 'B',
  Γ: '\\Gamma',
  Δ: '\\Delta',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Θ: '\\Theta',
  Ι: 'I',
  Κ: 'K',
  Λ: '\\Lambda',
  Μ: 'M',
  Ν: 'N',
  Ξ: '\\Xi',
  Ο: 'O',
  Π: '\\Pi',
  Ρ: 'P',
  Σ: '\\Sigma',
  Τ: 'T',
  Υ: '\\Upsilon',
  Φ: '\\Phi',
  Χ: 'X',
  Ψ: '\\Psi',
  Ω: '\\Omega',
  µ: '\\mu',
};

/** Math symbols arXiv titles and comments carry as Unicode. */
const MATH: Record<string, string> = {
  '≤': '\\leq',
  '≥': '\\geq',
  '≠': '\\neq',
  '≈': '\\approx',
  '∼': '\\sim',
  '≃': '\\simeq',
  '≅': '\\cong',
  '≡': '\\equiv',
  '∓': '\\mp',
  '∞': '\\infty',
  '∈': '\\in',
  '∉': '\\notin',
  '∋': '\\ni',
  '⊂': '\\subset',
  '⊆': '\\subseteq',
  '⊃': '\\supset',
  '⊇': '\\supseteq',
  '∪': '\\cup',
  '∩': '\\cap',
  '∑': '\\sum',
  '∏': '\\prod',
  '∫': '\\int',
  '∂': '\\partial',
  '∇': '\\nabla',
  '√': '\\surd',
  '∀': '\\forall',
  '∃': '\\exists',
  '∅': '\\emptyset',
  '∝': '\\propto',
  '≪': '\\ll',
  '≫': '\\gg',
  '⊕': '\\oplus',
  '⊗': '\\otimes',
  '∘': '\\circ',
  '⋅': '\\cdot',
  '∗': '\\ast',
  '′': "'",
  '″': "''",
  ℓ: '\\ell',
  '↔': '\\leftrightarrow',
  '⇒': '\\Rightarrow',
  '⇐': '\\Leftarrow',
  '⇔': '\\Leftrightarrow',
  '↦': '\\mapsto',
  '⟶': '\\longrightarrow',
  '∧': '\\wedge',
  '∨': '\\vee',
  '⊥': '\\perp',
  '∥': '\\parallel',
  '≺': '\\prec',
  '≻': '\\succ',
  '⪯': '\\preceq',
  '⪰': '\\succeq',
  '∖': '\\setminus',
  '×': '\\times',
  '±': '\\pm',
  '÷': '\\div',
  '·': '\\cdot',
  '¬': '\\neg',
  ℝ: '\\mathbf{R}',
  ℕ: '\\mathbf{N}',
  ℤ: '\\mathbf{Z}',
  ℚ: '\\mathbf{Q}',
  ℂ: '\\mathbf{C}',
  '⁰': '^{0}',
  '¹': '^{1}',
  '²': '^{2}',
  '³': '^{3}',
  '⁴': '^{4}',
  '⁵': '^{5}',
  '⁶': '^{6}',
  '⁷': '^{7}',
  '⁸': '^{8}',
  '⁹': '^{9}',
  '⁺': '^{+}',
  '⁻': '^{-}',
  ⁿ: '^{n}',
  '₀': '_{0}',
  '₁': '_{1}',
  '₂': '_{2}',
  '₃': '_{3}',
  '₄': '_{4}',
  '₅': '_{5}',
  '₆': '_{6}',
  '₇': '_{7}',
  '₈': '_{8}',
  '₉': '_{9}',
};

/** What a math-mode character is written as inside `$…$` (null: keep it). */
function mathChar(ch: string): string | null {
  const m = GREEK[ch] ?? MATH[ch];
  return m === undefined ? null : `{${m}}`;
}

/** One character of text (not math) as LaTeX that OT1 sets. */
function textChar(ch: string): string {
  switch (ch) {
    case '_':
      return '\\_';
    case '^':
      return '\\textasciicircum{}';
    case '~':
      return '\\textasciitilde{}';
    case '<':
      return '\\textless{}';
    case '>':
      return '\\textgreater{}';
    case '|':
      return '\\textbar{}';
    case '$':
      return '\\$';
  }
  if (ch.charCodeAt(0) < 0x80) return ch;
  // Math symbols that TS1 also has as text (×, ±, ·, ¬, ¹²³) read better as math beside a number.
  const math = GREEK[ch] ?? MATH[ch];
  if (math !== undefined) return `{$${math}$}`;
  // Other scripts (CJK, Cyrillic) and symbols the kernel sets (–, “, €) stay UTF-8.
  return latinLetter(ch) ?? ch;
}

const URL_START = /https?:\/\//y;

/** The URL at `i`, without trailing punctuation and unmatched closing brackets. */
function urlAt(s: string, i: number): string {
  let end = i;
  while (end < s.length && !/[\s{}]/.test(s[end]!)) end++;
  let url = s.slice(i, end);
  for (;;) {
    const last = url.at(-1);
    if (last && '.,;:!?\'"'.includes(last)) url = url.slice(0, -1);
    else if (last === ')' && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) url = url.slice(0, -1);
    else if (last === ']' && !url.includes('[')) url = url.slice(0, -1);
    else break;
  }
  return url;
}

/** A URL as text: every character LaTeX would act on escaped (`\` and braces percent-encoded). */
export function latexUrl(url: string): string {
  let out = '';
  for (const ch of url) {
    if (ch === '\\' || ch === '{' || ch === '}') out += `\\%${ch.charCodeAt(0).toString(16).toUpperCase()}`;
    else out += textChar(ch);
  }
  return out;
}

/** The balanced `{…}` group at `i` (its content and the index after it), or null. */
function groupAt(s: string, i: number): { content: string; end: number } | null {
  if (s[i] !== '{') return null;
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return { content: s.slice(i + 1, j), end: j + 1 };
  }
  return null;
}

/** Where the math that starts with the `$` at `i` ends (the index after its closing `$`), or -1. */
function mathEnd(s: string, i: number): number {
  const display = s[i + 1] === '$';
  const close = display ? '$$' : '$';
  for (let j = i + close.length; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s.startsWith(close, j)) return j + close.length;
  }
  return -1;
}

/** arXiv text as LaTeX a plain pdflatex document typesets (see the header). */
export function latexText(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '\\') {
      const name = /^\\([A-Za-z]+)/.exec(s.slice(i))?.[1];
      if (name === 'url' || name === 'href') {
        const a = groupAt(s, i + 1 + name.length);
        const b = a && name === 'href' ? groupAt(s, a.end) : null;
        if (a && name === 'url') {
          out += latexUrl(a.content.trim());
          i = a.end;
          continue;
        }
        if (a && b) {
          out += `${latexText(b.content)} (${latexUrl(a.content.trim())})`;
          i = b.end;
          continue;
        }
      }
      // A command or an escaped character, as arXiv wrote it.
      const len = name ? name.length + 1 : 2;
      out += s.slice(i, i + len);
      i += len;
      continue;
    }
    if (ch === '$') {
      const end = mathEnd(s, i);
      if (end < 0) {
        out += '\\$';
        i++;
        continue;
      }
      let math = '';
      for (const c of s.slice(i, end)) math += c.charCodeAt(0) < 0x80 ? c : (mathChar(c) ?? c);
      out += `{${math}}`;
      i = end;
      continue;
    }
    URL_START.lastIndex = i;
    if ((ch === 'h' || ch === 'H') && URL_START.test(s) && (i === 0 || !/[\p{L}\p{N}]/u.test(s[i - 1]!))) {
      const url = urlAt(s, i);
      out += latexUrl(url);
      i += url.length;
      continue;
    }
    const cp = s.codePointAt(i)!;
    const c = String.fromCodePoint(cp);
    out += textChar(c);
    i += c.length;
  }
  return out;
}
