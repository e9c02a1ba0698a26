/** Plain data the ranking core works on: no store rows, no I/O. */

/** A paper to rank (or one the reader rated, or an example paper). */
export interface RankPaper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  /** Primary first. */
  categories: string[];
  /** Every summary field in any language, joined; absent before summarizing. */
  summaryText?: string;
}

/** One entry of the reader's library (a BibTeX, RIS or CSL-JSON export). */
export interface LibraryEntry {
  title: string;
  /** "" when the export has none (many BibTeX files). */
  abstract: string;
  /** "First Last" order. */
  authors: string[];
  arxivId?: string;
  doi?: string;
  keywords?: string[];
  /** 1-based line where the entry starts in its file. */
  line?: number;
}
