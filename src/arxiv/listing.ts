/**
 * A `/list/CAT/new` page (2024+ markup of arxiv-browse, arxiv.md §4) → ListingPage, read with
 * htmlparser2's tokenizer and DOM: the page is walked in document order, the `<h3>` headings set
 * the section, each `<dt>` starts an entry and the following `<dd>` fills it. HTML is forgiving,
 * so completeness is checked explicitly: a page cut short (no `</html>`, or a section with fewer
 * entries than its heading announces) is an UnexpectedBodyError, never a shorter listing.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { parseArxivId } from '../core/arxiv-id.js';
import type { AnnouncementKind } from '../core/types.js';
import { UnexpectedBodyError, type ListingEntry, type ListingPage } from './types.js';
import { calendarDate, collapseWhitespace, monthNumber, uniqueNonEmpty } from './xml.js';

type HtmlNode = ReturnType<typeof parseDocument>['children'][number];
type HtmlElement = Extract<HtmlNode, { attribs: Record<string, string> }>;
type SectionKind = ListingPage['sections'][number]['kind'];

const SHOWING_NEW = /Showing new listings for\s+(?:[A-Za-z]+,?\s+)?(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})/;
const SECTION_HEADING = /^(New|Cross|Replacement) submissions\b/i;
// "showing 2 of 2 entries", "continued, showing 50 of 798", "showing first 50 of 798", "showing 1-50 of 798"
const SECTION_COUNTS = /showing\s+(?:first\s+|last\s+)?(\d+)(?:\s*[-–]\s*(\d+))?\s+of\s+(\d+)/i;
const SECTION_KINDS: Record<string, SectionKind> = { new: 'new', cross: 'cross', replacement: 'replace' };

/** `category` is the page's own listing category (or archive), which tells replace from replace-cross. */
export function parseListingPage(html: string, category: string): ListingPage {
  if (html.trim() === '') throw new UnexpectedBodyError('empty body: expected an arXiv listing page');
  const reader = new ListingReader(category);
  reader.walk(parseDocument(html).children);
  return reader.finish(html);
}

interface Section {
  kind: SectionKind;
  shown: number;
  total: number;
  found: number;
}

class ListingReader {
  private date: string | null = null;
  private sawShowingHeading = false;
  private sawNoUpdates = false;
  private readonly sections: Section[] = [];
  private readonly entries: ListingEntry[] = [];
  /** The entry whose `<dt>` was read and whose `<dd>` is still to come. */
  private pending: { id: string; version: number | null; section: Section } | null = null;

  constructor(private readonly category: string) {}

  walk(nodes: HtmlNode[]): void {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      if (node.name === 'h3') this.heading(collapseWhitespace(DomUtils.textContent(node)));
      else if (node.name === 'dt') this.term(node);
      else if (node.name === 'dd') this.description(node);
      else {
        if (node.name === 'p' && DomUtils.textContent(node).includes('No updates today')) this.sawNoUpdates = true;
        this.walk(node.children);
      }
    }
  }

  finish(html: string): ListingPage {
    if (this.pending !== null) {
      throw new UnexpectedBodyError(`listing entry arXiv:${this.pending.id} has no <dd> metadata`);
    }
    if (!this.sawShowingHeading && !this.sawNoUpdates) {
      throw new UnexpectedBodyError(
        'not an arXiv listing page: expected a "Showing new listings for …" heading or "No updates today"',
      );
    }
    if (!/<\/html\s*>/i.test(html.slice(-4096))) {
      throw new UnexpectedBodyError('truncated listing page: expected it to end with </html>');
    }
    for (const s of this.sections) {
      if (s.found !== s.shown) {
        throw new UnexpectedBodyError(
          `truncated listing page: the ${s.kind} section announces ${s.shown} entries but ${s.found} were found`,
        );
      }
    }
    return {
      date: this.date,
      entries: this.entries,
      sections: this.sections.map(({ kind, shown, total }) => ({ kind, shown, total })),
      empty: this.sawNoUpdates && this.entries.length === 0,
    };
  }

  private heading(text: string): void {
    const showing = SHOWING_NEW.exec(text);
    if (showing) {
      this.sawShowingHeading = true;
      const month = monthNumber(showing[2]!);
      this.date = month === null ? null : calendarDate(Number(showing[3]), month, Number(showing[1]));
      if (this.date === null) {
        throw new UnexpectedBodyError(`listing heading has no valid date: ${JSON.stringify(text)}`);
      }
      return;
    }
    if (text.includes('No updates today')) this.sawNoUpdates = true;
    const section = SECTION_HEADING.exec(text);
    if (!section) return;
    const kind = SECTION_KINDS[section[1]!.toLowerCase()]!;
    const counts = SECTION_COUNTS.exec(text);
    if (!counts) throw new UnexpectedBodyError(`listing section heading without counts: ${JSON.stringify(text)}`);
    const from = Number(counts[1]);
    const shown = counts[2] === undefined ? from : Number(counts[2]) - from + 1;
    this.sections.push({ kind, shown, total: Number(counts[3]), found: 0 });
  }

  private term(dt: HtmlElement): void {
    if (this.pending !== null) {
      throw new UnexpectedBodyError(`listing entry arXiv:${this.pending.id} has no <dd> metadata`);
    }
    const hrefs = DomUtils.getElementsByTagName('a', dt).map((a) => a.attribs.href ?? '');
    const abs = hrefs.map((h) => /\/abs\/([^?#\s]+)/.exec(h)?.[1]).find((id) => id !== undefined);
    const parsed = abs === undefined ? null : parseArxivId(abs);
    if (parsed === null) {
      throw new UnexpectedBodyError(
        `listing entry without an /abs/ link to an arXiv id: ${JSON.stringify(collapseWhitespace(DomUtils.textContent(dt)))}`,
      );
    }
    const section = this.sections[this.sections.length - 1];
    if (section === undefined) {
      throw new UnexpectedBodyError(`listing entry arXiv:${parsed.id} comes before any section heading`);
    }
    // Only the html link (`/html/IDvN`) carries the version.
    const html = hrefs.map((h) => /\/html\/([^?#\s]+?)\/?$/.exec(h)?.[1]).find((id) => id !== undefined);
    const version = html === undefined ? null : (parseArxivId(html)?.version ?? null);
    this.pending = { id: parsed.id, version: parsed.version ?? version, section };
  }

  private description(dd: HtmlElement): void {
    const pending = this.pending;
    if (pending === null) return;
    this.pending = null;
    pending.section.found++;
    const meta = (cls: string): HtmlElement | undefined =>
      DomUtils.findOne((e) => hasClass(e, cls), dd.children) ?? undefined;
    const titleNode = meta('list-title');
    if (titleNode === undefined) throw new UnexpectedBodyError(`listing entry arXiv:${pending.id} has no list-title`);
    const categories = subjects(meta('list-subjects'));
    const abstract = DomUtils.findOne((e) => e.name === 'p' && hasClass(e, 'mathjax'), dd.children) ?? undefined;
    this.entries.push({
      id: pending.id,
      version: pending.version,
      kind: this.kindOf(pending.section.kind, categories[0]),
      title: withoutDescriptor(titleNode),
      authors: DomUtils.getElementsByTagName('a', meta('list-authors')?.children ?? [])
        .map((a) => collapseWhitespace(DomUtils.textContent(a)))
        .filter((name) => name !== ''),
      abstract: abstract === undefined ? null : collapseWhitespace(DomUtils.textContent(abstract)),
      categories,
      comment: optionalMeta(meta('list-comments')),
      journalRef: optionalMeta(meta('list-journal-ref')),
    });
  }

  /** Replacements of papers whose primary category is elsewhere are listed here as cross-lists. */
  private kindOf(section: SectionKind, primary: string | undefined): AnnouncementKind {
    if (section !== 'replace') return section;
    return primary !== undefined && belongsTo(primary, this.category) ? 'replace' : 'replace-cross';
  }
}

/** `cs.AI` belongs to the `cs.AI` listing and to the `cs` archive listing. */
function belongsTo(primary: string, listing: string): boolean {
  return primary === listing || (!listing.includes('.') && primary.startsWith(`${listing}.`));
}

function isElement(node: HtmlNode): node is HtmlElement {
  return 'attribs' in node;
}

function hasClass(element: HtmlElement, cls: string): boolean {
  return (element.attribs.class ?? '').split(/\s+/).includes(cls);
}

/** Text of a metadata block without its `<span class="descriptor">Title:</span>` label. */
function withoutDescriptor(element: HtmlElement): string {
  const parts = element.children.map((c) =>
    isElement(c) && hasClass(c, 'descriptor') ? ' ' : DomUtils.textContent(c),
  );
  return collapseWhitespace(parts.join(''));
}

function optionalMeta(element: HtmlElement | undefined): string | null {
  if (element === undefined) return null;
  const text = withoutDescriptor(element);
  return text === '' ? null : text;
}

/** `Artificial Intelligence (cs.AI); Machine Learning (cs.LG)` → codes, primary-subject first. */
function subjects(element: HtmlElement | undefined): string[] {
  if (element === undefined) return [];
  const code = (text: string): string => /\(([^()]+)\)\s*$/.exec(text.trim())?.[1]?.trim() ?? '';
  const primary = DomUtils.findOne((e) => hasClass(e, 'primary-subject'), element.children) ?? undefined;
  return uniqueNonEmpty([
    primary === undefined ? '' : code(DomUtils.textContent(primary)),
    ...withoutDescriptor(element).split(';').map(code),
  ]);
}
