/**
 * A BibTeX reader for library exports (Zotero, Better BibTeX, Mendeley, JabRef, Google Scholar):
 * `@type{key, field = {…} | "…" | 123 | macro # …}` entries, `@string` macros, `@comment` and
 * `@preamble` skipped, text outside entries ignored as BibTeX does. LaTeX in values is turned
 * into plain Unicode (accents, escaped specials, case-protecting braces, simple commands) since
 * ranking only needs words and names. Syntax errors name the line and what was expected.
 */

export interface BibtexEntry {
  type: string;
  key: string;
  /** Lower-case field names; raw values (macros expanded, LaTeX kept: see latexToText). */
  fields: Record<string, string>;
  line: number;
}

/** A syntax error at a 1-based line; library.ts adds the file name. */
export class BibtexSyntaxError extends Error {
  override name = 'BibtexSyntaxError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const MONTHS: Record<string, string> = {
  jan: 'January',
  feb: 'February',
  mar: 'March',
  apr: 'April',
  may: 'May',
  jun: 'June',
  jul: 'July',
  aug: 'August',
  sep: 'September',
  oct: 'October',
  nov: 'November',
  dec: 'December',
};

const ACCENTS: Record<string, string> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
};

const LETTERS: Record<string, string> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'i',
  j: 'j',
};

/** LaTeX as found in bibliographies → plain text. */
export function latexToText(value: string): string {
  return (
    value
      // letters first, so an accent on `\i` or `\o` finds a plain letter
      .replace(/\\(ss|ae|AE|oe|OE|aa|AA|[oOlLij])(?![A-Za-z])\s?/g, (_, c: string) => LETTERS[c]!)
      .replace(
        /\\(["'`^~=.])\s*(?:\{\s*([A-Za-z\u00c0-\u024f])\s*\}|([A-Za-z\u00c0-\u024f]))/g,
        (_, a: string, b, c) => `${(b ?? c) as string}${ACCENTS[a]!}`,
      )
      .replace(
        /\\([uvHckr])(?:\s*\{\s*([A-Za-z\u00c0-\u024f])\s*\}|\s+([A-Za-z]))/g,
        (_, a: string, b, c) => `${(b ?? c) as string}${ACCENTS[a]!}`,
      )
      .replace(/\\([&%$#_{}])/g, '$1')
      // \emph{x}, \textbf{x}: keep the argument; any other command name goes
      .replace(/\\[A-Za-z]+\*?\s*/g, '')
      .replace(/\\./g, '')
      .replace(/[{}$]/g, '')
      .replace(/~/g, ' ')
      .replace(/---?/g, '–')
      .replace(/\s+/g, ' ')
      .trim()
      .normalize('NFC')
  );
}

/** Splits `A and B and {C and D}` at top-level `and`s; "others" (et al.) is dropped. */
export function splitBibtexNames(raw: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (depth === 0 && /\s/.test(ch!) && /^\s+and\s/i.test(raw.slice(i, i + 6))) {
      names.push(raw.slice(start, i));
      const m = /^\s+and\s+/i.exec(raw.slice(i))!;
      i += m[0].length - 1;
      start = i + 1;
    }
  }
  names.push(raw.slice(start));
  return names
    .map((n) => n.trim())
    .filter((n) => n !== '' && n.toLowerCase() !== 'others')
    .map(bibtexName);
}

/** `Doe, Jane` → `Jane Doe`; `Doe, Jr., Jane` → `Jane Doe Jr.`; `{Google DeepMind}` stays whole. */
function bibtexName(raw: string): string {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of raw) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  const [last, a, b] = parts.map((p) => latexToText(p));
  if (parts.length >= 3) return `${b} ${last} ${a}`.replace(/\s+/g, ' ').trim();
  if (parts.length === 2) return `${a} ${last}`.trim();
  return last!;
}

const SPACE = /\s*/y;
const NAME = /[^\s"#%'(),={}]+/y;
const KEY = /[^\s,{}()]*/y;
const ENTRY_START = /@\s*[A-Za-z]+\s*[{(]/y;

/** Parses BibTeX text; throws BibtexSyntaxError at the first error. */
export function parseBibtex(text: string): BibtexEntry[] {
  const entries: BibtexEntry[] = [];
  const macros = new Map<string, string>(Object.entries(MONTHS));
  let pos = 0;
  let line = 1;

  const advance = (to: number): void => {
    for (let i = pos; i < to; i++) if (text.charCodeAt(i) === 10) line++;
    pos = to;
  };
  const sticky = (re: RegExp): string | null => {
    re.lastIndex = pos;
    return re.exec(text)?.[0] ?? null;
  };
  const skipSpace = (): void => advance(pos + sticky(SPACE)!.length);
  const peek = (): string => text[pos] ?? '';
  const fail = (expected: string, at = line): never => {
    const got = pos >= text.length ? 'end of file' : JSON.stringify(text.slice(pos, pos + 12));
    throw new BibtexSyntaxError(at, `expected ${expected}, got ${got}`);
  };
  const name = (what: string): string => {
    const m = sticky(NAME);
    if (!m) return fail(what);
    advance(pos + m.length);
    return m;
  };

  // A braced value: returns the raw text between the outer braces (or the closing quote).
  const delimited = (close: '}' | '"', startLine: number): string => {
    const from = pos + 1;
    let depth = 0;
    let end = text.length;
    for (let i = from; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\\') i++;
      else if (ch === '{') depth++;
      else if (ch === '}' && (depth > 0 || close === '"')) {
        if (depth === 0) {
          end = i; // an unbalanced "}" inside a quoted value
          break;
        }
        depth--;
      } else if (ch === close && depth === 0) {
        advance(i + 1);
        return text.slice(from, i);
      }
    }
    advance(end);
    return fail(close === '}' ? "'}' closing a value opened here" : "'\"' closing a value opened here", startLine);
  };

  const value = (): string => {
    let out = '';
    for (;;) {
      skipSpace();
      const ch = peek();
      if (ch === '{' || ch === '"') out += delimited(ch === '{' ? '}' : '"', line);
      else if (/\d/.test(ch)) out += name('a number');
      else if (/[A-Za-z_]/.test(ch)) {
        const m = name('a macro name');
        out += macros.get(m.toLowerCase()) ?? m;
      } else fail('a value: {…}, "…", a number or a @string name');
      skipSpace();
      if (peek() !== '#') return out;
      advance(pos + 1);
    }
  };

  while (pos < text.length) {
    const at = text.indexOf('@', pos);
    if (at < 0) break;
    // An "@" inside free text between entries (an e-mail address in a comment) is not an entry;
    // one that begins a line is, and is reported when malformed.
    ENTRY_START.lastIndex = at;
    const lineStart = (): boolean => /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', at - 1) + 1, at));
    if (!ENTRY_START.test(text) && !lineStart()) {
      advance(at + 1);
      continue;
    }
    advance(at + 1);
    const startLine = line;
    skipSpace();
    const type = name('an entry type after "@"').toLowerCase();
    skipSpace();
    const open = peek();
    if (open !== '{' && open !== '(') fail(`'{' after "@${type}"`);
    const close = open === '{' ? '}' : ')';
    if (type === 'comment' || type === 'preamble') {
      if (open === '{') delimited('}', startLine);
      else advance(Math.max(pos + 1, text.indexOf(')', pos) + 1 || text.length));
      continue;
    }
    advance(pos + 1);
    skipSpace();
    let key = '';
    if (type !== 'string') {
      const m = sticky(KEY)!;
      key = m;
      advance(pos + m.length);
      skipSpace();
      if (peek() === close) {
        advance(pos + 1);
        entries.push({ type, key, fields: {}, line: startLine });
        continue;
      }
      if (peek() !== ',') fail(`',' after the key of @${type}{${key}`);
      advance(pos + 1);
    }
    const fields: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (peek() === close) {
        advance(pos + 1);
        break;
      }
      if (pos >= text.length) fail(`'${close}' closing the @${type} entry opened here`, startLine);
      const field = name(`a field name or '${close}' in @${type}{${key}`).toLowerCase();
      skipSpace();
      if (peek() !== '=') fail(`'=' after field "${field}" in @${type}{${key}`);
      advance(pos + 1);
      const v = value();
      if (type === 'string') macros.set(field, v);
      else fields[field] = v;
      skipSpace();
      if (peek() === ',') advance(pos + 1);
      else if (peek() !== close) fail(`',' or '${close}' after field "${field}" in @${type}{${key}`);
    }
    if (type !== 'string') entries.push({ type, key, fields, line: startLine });
  }
  return entries;
}
