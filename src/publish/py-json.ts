/**
 * JSON text exactly as Python's `json.dumps` writes it (", " and ": " separators, optional
 * ASCII escaping with lowercase \uXXXX), so our JSONL files are byte-identical to the reference
 * system's: its raw files use ensure_ascii=False, its enhanced files the default (True).
 */

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};
const hex4 = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;

// Quote, backslash and C0 controls always; with ensure_ascii also everything above 0x7e.
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/g;
const NEEDS_ESCAPE_ASCII = /["\\\u0000-\u001f\u007f-\uffff]/g;

function escapeChar(ch: string): string {
  const c = ch.charCodeAt(0);
  return ESCAPES[ch] ?? (c === 0x7f ? ch : hex4(c));
}

export function pyString(s: string, ensureAscii: boolean): string {
  return `"${s.replace(ensureAscii ? NEEDS_ESCAPE_ASCII : NEEDS_ESCAPE, escapeChar)}"`;
}

export type PyValue = string | number | boolean | null | PyValue[] | { [k: string]: PyValue | undefined };

/** Keys whose value is undefined are left out, as if absent from the dict. */
export function pyDumps(v: PyValue, ensureAscii = true): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return pyString(v, ensureAscii);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
    return Number.isInteger(v) ? String(v) : pyFloat(v);
  }
  if (Array.isArray(v)) return `[${v.map((x) => pyDumps(x, ensureAscii)).join(', ')}]`;
  const parts: string[] = [];
  for (const [k, x] of Object.entries(v))
    if (x !== undefined) parts.push(`${pyString(k, ensureAscii)}: ${pyDumps(x, ensureAscii)}`);
  return `{${parts.join(', ')}}`;
}

/** Python's float repr for the common range: shortest round-trip digits, two-digit exponents. */
function pyFloat(v: number): string {
  const s = String(v);
  const m = /^(-?[\d.]+)e([+-])(\d+)$/.exec(s);
  if (!m) return s;
  return `${m[1]}e${m[2]}${m[3]!.padStart(2, '0')}`;
}
