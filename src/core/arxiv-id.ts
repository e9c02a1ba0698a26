/**
 * arXiv identifiers: new style `2401.01234` (4 or 5 digits after the dot) and old style
 * `astro-ph/0601001` or `math.GT/0309136`, each optionally followed by a version `v3`.
 */

export interface ParsedArxivId {
  id: string;
  version: number | null;
}

const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v(\d+))?$/;
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?)\/(\d{2})(\d{2})(\d{3})(?:v(\d+))?$/;

/** Parses an id with or without version; returns null when it is not an arXiv id. */
export function parseArxivId(text: string): ParsedArxivId | null {
  const s = text.trim();
  const m = NEW_STYLE.exec(s);
  if (m) {
    const month = Number(m[2]);
    // 4-digit numbers were used until 2014-12, 5-digit ones from 2015-01.
    const fiveDigits = m[3]!.length === 5;
    const yymm = Number(m[1]) * 100 + month;
    if (month < 1 || month > 12 || yymm < 704 || fiveDigits !== yymm >= 1501) return null;
    return { id: `${m[1]}${m[2]}.${m[3]}`, version: m[4] ? Number(m[4]) : null };
  }
  const o = OLD_STYLE.exec(s);
  if (o) {
    const month = Number(o[3]);
    if (month < 1 || month > 12) return null;
    return { id: `${o[1]}/${o[2]}${o[3]}${o[4]}`, version: o[5] ? Number(o[5]) : null };
  }
  return null;
}

/** Extracts the id from an abs/pdf URL such as `https://arxiv.org/abs/2401.01234v2`. */
export function arxivIdFromUrl(url: string): ParsedArxivId | null {
  const m = /arxiv\.org\/(?:abs|pdf|html)\/(.+?)(?:\.pdf)?\/?$/.exec(url.trim());
  return m ? parseArxivId(m[1]!) : null;
}

export const absUrl = (id: string): string => `https://arxiv.org/abs/${id}`;
export const pdfUrl = (id: string): string => `https://arxiv.org/pdf/${id}`;
export const htmlUrl = (id: string): string => `https://arxiv.org/html/${id}`;
