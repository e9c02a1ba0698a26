/**
 * BibTeX text that a plain pdflatex document typesets (latex-text.ts), rule by rule, with the
 * real days' failing inputs: `_` in URLs, `R^3`, raw Greek, a hostile `<img>`, T1-only letters.
 * bench/outputs.ts builds the real days with pdflatex + bibtex and biber.
 */
import { describe, expect, it } from 'vitest';
import { bibtexPreamble, latexText, latexUrl } from './latex-text.js';

describe('latexText', () => {
  it('should escape what LaTeX reads as commands or math outside math', () => {
    expect(latexText('R^3: Reasoning')).toBe('R\\textasciicircum{}3: Reasoning');
    expect(latexText('snake_case ~10 pages a|b')).toBe('snake\\_case \\textasciitilde{}10 pages a\\textbar{}b');
    expect(latexText('<img src=x onerror=alert(1)>')).toBe('\\textless{}img src=x onerror=alert(1)\\textgreater{}');
    expect(latexText('costs $5 only')).toBe('costs \\$5 only');
  });

  it('should keep math as arXiv wrote it, braced against title casing', () => {
    expect(latexText('Learning $\\mathcal{O}(n^2)$ and $x_i$')).toBe('Learning {$\\mathcal{O}(n^2)$} and {$x_i$}');
    expect(latexText('$$a_b$$ and \\$x')).toBe('{$$a_b$$} and \\$x');
    expect(latexText('$α < ω$')).toBe('{${\\alpha} < {\\omega}$}');
  });

  it('should write URLs as text, in notes and titles, and unwrap \\url and \\href', () => {
    expect(latexText('Code: https://github.com/a_b/c~d#x%20y.')).toBe(
      'Code: https://github.com/a\\_b/c\\textasciitilde{}d#x%20y.',
    );
    expect(latexText('(see https://x.org/a_b)')).toBe('(see https://x.org/a\\_b)');
    expect(latexText('at \\url{https://x.org/a_b}')).toBe('at https://x.org/a\\_b');
    expect(latexText('\\href{https://x.org/p_q}{our page}')).toBe('our page (https://x.org/p\\_q)');
    expect(latexUrl('https://x.org/{a}\\b')).toBe('https://x.org/\\%7Ba\\%7D\\%5Cb');
  });

  it('should write Greek and math symbols as math, accented letters as special characters', () => {
    expect(latexText('ω-regular α-β Ω')).toBe('{$\\omega$}-regular {$\\alpha$}-{$\\beta$} {$\\Omega$}');
    expect(latexText('x ≤ 2 × 3²')).toBe('x {$\\leq$} 2 {$\\times$} 3{$^{2}$}');
    expect(latexText('Müller Łukasz Ødegaard Jiří ą ę đ Qīng')).toBe(
      'M{\\"u}ller {\\L}ukasz {\\O}degaard Ji{\\v{r}}{\\\'i} {\\k{a}} {\\k{e}} {\\dj} Q{\\=i}ng',
    );
    expect(latexText('Nguyễn')).toBe('Nguy{\\~{\\^e}}n');
  });

  it('should keep LaTeX commands and escaped characters and other scripts as they are', () => {
    expect(latexText('\\"u \\_ \\textbf{X} \\% 张三 Привет – “q”')).toBe('\\"u \\_ \\textbf{X} \\% 张三 Привет – “q”');
  });
});

describe('bibtexPreamble', () => {
  it('should give defaults only for the commands a file uses', () => {
    expect(bibtexPreamble('title = {Plain}')).toBe('');
    expect(bibtexPreamble('{$\\mathbb{R}$} {\\dj} {$\\theta$} \\text{a}')).toBe(
      '@preamble{ "\\ProvideTextCommandDefault{\\dj}{\\UseTextSymbol{T1}{\\dj}} \\providecommand{\\mathbb}[1]{\\mathbf{#1}} \\providecommand{\\text}[1]{\\mbox{#1}}" }\n',
    );
  });
});
