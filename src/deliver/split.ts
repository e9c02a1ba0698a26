/**
 * Splitting a digest into posts a chat platform accepts. The digest becomes a list of items (the
 * For you picks of a ranked day, one per paper, then the cap line); posts are filled greedily in order, and a post is only ever cut
 * between two items, so no link, tag, escape sequence or surrogate pair is split. Each platform
 * renders a candidate post and says whether it is within its limits — the platform's own
 * measure (blocks, characters, bytes of JSON) decides, not an estimate. Pure.
 */
import type { DigestPlan, PaperItem, PickItem } from './digest-content.js';
import { DeliveryError } from './types.js';

export type DigestItem =
  | {
      kind: 'pick';
      /** The first pick: a post starting with another one says "(continued)". */
      first: boolean;
      pick: PickItem;
    }
  | {
      kind: 'paper';
      category: string;
      /** Papers of the category that day. */
      count: number;
      /** The first paper of its category section: a post starting with another one says "(continued)". */
      first: boolean;
      paper: PaperItem;
    }
  | { kind: 'more' };

export function digestItems(plan: DigestPlan): DigestItem[] {
  const items: DigestItem[] = plan.picks.map((pick, i) => ({ kind: 'pick', first: i === 0, pick }));
  for (const s of plan.sections)
    s.papers.forEach((paper, i) =>
      items.push({ kind: 'paper', category: s.category, count: s.count, first: i === 0, paper }),
    );
  if (plan.moreLine) items.push({ kind: 'more' });
  return items;
}

/** Which post of how many; index is 0-based. */
export interface PartInfo {
  index: number;
  count: number;
}

/** ` (2/3)`, or nothing for a digest sent in one post. */
export const partLabel = (info: PartInfo): string => (info.count > 1 ? ` (${info.index + 1}/${info.count})` : '');

/** A run of items under one heading (For you, or a category), as a post shows them. */
export interface ItemGroup {
  /** True for the For you picks, whose heading is the labels' `forYou`. */
  picks: boolean;
  /** Null for the picks and for the cap line. */
  category: string | null;
  count: number;
  continued: boolean;
  items: DigestItem[];
}

/** Consecutive items of a post grouped: the picks, then by category (the cap line alone in its own group). */
export function groupItems(items: readonly DigestItem[]): ItemGroup[] {
  const groups: ItemGroup[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (item.kind === 'more') groups.push({ picks: false, category: null, count: 0, continued: false, items: [item] });
    else if (item.kind === 'pick') {
      if (last?.picks) last.items.push(item);
      else groups.push({ picks: true, category: null, count: 0, continued: !item.first, items: [item] });
    } else if (last && !last.picks && last.category === item.category) last.items.push(item);
    else
      groups.push({ picks: false, category: item.category, count: item.count, continued: !item.first, items: [item] });
  }
  return groups;
}

/**
 * Packs items into as few posts as fit. `render` builds a post from items (and its place among
 * the posts); `problem` returns why a post is over the platform's limits, or null. While
 * packing, posts are rendered with a part label at least as wide as the final one, so numbering
 * them afterwards cannot push one over the limit (checked again anyway).
 */
export function packParts<P>(
  platform: string,
  items: readonly DigestItem[],
  render: (items: readonly DigestItem[], info: PartInfo) => P,
  problem: (post: P) => string | null,
): P[] {
  const reserve = items.length + 2;
  const parts: DigestItem[][] = [];
  let current: DigestItem[] = [];
  for (const item of items) {
    const candidate = [...current, item];
    if (problem(render(candidate, { index: parts.length, count: reserve })) === null) {
      current = candidate;
      continue;
    }
    if (current.length > 0) parts.push(current);
    current = [item];
    const alone = problem(render(current, { index: parts.length, count: reserve }));
    // Entries are shortened to fit any platform, so this is a bug — but one that must fail the
    // delivery loudly rather than drop a paper.
    if (alone !== null) throw new DeliveryError(`${platform}: one digest entry does not fit in a post (${alone})`);
  }
  if (current.length > 0 || parts.length === 0) parts.push(current);
  return parts.map((p, index) => {
    const post = render(p, { index, count: parts.length });
    const why = problem(post);
    if (why !== null)
      throw new DeliveryError(
        `${platform}: post ${index + 1}/${parts.length} is over the limit after numbering (${why})`,
      );
    return post;
  });
}
