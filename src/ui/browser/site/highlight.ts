/**
 * Finding the reader's terms in text and marking them: a Latin keyword must start a word ("GAN"
 * is not in "organ"); CJK has no spaces between words, so a CJK keyword matches anywhere. Marks
 * are made with DOM nodes only (createElement, createTextNode), never innerHTML.
 */
import { all, doc, lower } from './dom.js';

// Latin letters and digits.
const WORD_CHAR = /[a-z0-9\u00c0-\u024f]/;

/** Start offsets of term in text (both lower case) where a word starts. */
function occurrences(text: string, term: string): number[] {
  const out: number[] = [];
  const checkStart = WORD_CHAR.test(term.charAt(0));
  let i = text.indexOf(term);
  while (i !== -1) {
    if (!checkStart || i === 0 || !WORD_CHAR.test(text.charAt(i - 1))) out.push(i);
    i = text.indexOf(term, i + 1);
  }
  return out;
}

export const hasTerm = (text: string, term: string): boolean => occurrences(text, term).length > 0;

/** Sorted, merged [start, end) ranges of every term in text. */
function ranges(text: string, terms: readonly string[]): [number, number][] {
  const found: [number, number][] = [];
  terms.forEach((term) => {
    occurrences(text, term).forEach((i) => found.push([i, i + term.length]));
  });
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  found.forEach((r) => {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  });
  return merged;
}

/** Wraps the terms found in el's text in <mark class="hl">; true when any was found. */
export function markTerms(el: Node, terms: readonly string[]): boolean {
  if (!terms.length) return false;
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const nodes: Node[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  let found = false;
  nodes.forEach((node) => {
    const text = node.nodeValue ?? '';
    const low = lower(text);
    const rs = ranges(low, terms);
    if (!rs.length) return;
    found = true;
    // A few characters change length when lower-cased; offsets would be wrong, so no marks.
    if (low.length !== text.length) return;
    const frag = doc.createDocumentFragment();
    let pos = 0;
    rs.forEach((r) => {
      if (r[0] > pos) frag.appendChild(doc.createTextNode(text.slice(pos, r[0])));
      const mark = doc.createElement('mark');
      mark.className = 'hl';
      mark.textContent = text.slice(r[0], r[1]);
      frag.appendChild(mark);
      pos = r[1];
    });
    if (pos < text.length) frag.appendChild(doc.createTextNode(text.slice(pos)));
    node.parentNode!.replaceChild(frag, node);
  });
  return found;
}

export function clearMarks(el: HTMLElement): void {
  all('mark.hl', el).forEach((m) => m.parentNode!.replaceChild(doc.createTextNode(m.textContent ?? ''), m));
  el.normalize();
}

/** A settings field as a list: commas (also full-width), semicolons or lines separate entries. */
export const parseList = (text: string): string[] =>
  String(text || '')
    .split(/[,\uff0c;\uff1b\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** A list read back from storage: only non-blank strings, trimmed. */
export const cleanList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim()) : [];
