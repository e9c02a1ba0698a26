/** Calendar dates as `YYYY-MM-DD` strings (announcement dates are days, not instants). */

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** arXiv's first announcements: no listing is older. */
export const FIRST_ARXIV_DATE = '1991-08-14';

/**
 * Why a date cannot be an announcement date (before arXiv began, or after tomorrow — a listing
 * is never dated later than the next evening's), or null when it can be.
 */
export function announcementDateProblem(date: string, now: Date): string | null {
  if (!isIsoDate(date)) return `${date} is not a calendar date`;
  if (date < FIRST_ARXIV_DATE) return `${date} is before arXiv's first announcement (${FIRST_ARXIV_DATE})`;
  const tomorrow = new Date(now.getTime() + 36 * 3600_000).toISOString().slice(0, 10);
  if (date > tomorrow) return `${date} is in the future`;
  return null;
}
