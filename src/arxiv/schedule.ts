/**
 * arXiv's announcement calendar (arxiv.md §4), in US Eastern time. Submissions close at 14:00
 * on weekdays; announcements go out at 20:00 Sunday to Thursday except on holidays, and the
 * listing of an announcement is dated the next day. Pure: dates in, dates and instants out.
 */
import { easternDate, easternInstant } from '../core/eastern-time.js';
import { isIsoDate } from '../core/dates.js';

const CUTOFF_HOUR = 14;
const ANNOUNCE_HOUR = 20;

/**
 * Evenings (US Eastern date) with no announcement, from arXiv's published schedule. Dates
 * outside these years follow the weekly pattern only.
 */
export const HOLIDAYS: ReadonlySet<string> = new Set([
  '2025-01-01',
  '2025-01-20',
  '2025-06-19',
  '2025-07-06',
  '2025-09-01',
  '2025-11-27',
  '2025-12-25',
  '2025-12-30',
  '2026-01-01',
  '2026-01-19',
  '2026-06-19',
  '2026-07-03',
  '2026-09-07',
  '2026-11-26',
  '2026-12-25',
  '2026-12-29',
  '2026-12-31',
]);

const DAY_MS = 86_400_000;

/** Day of week of a calendar date, 0 = Sunday. */
export const weekday = (date: string): number => new Date(`${date}T12:00:00Z`).getUTCDay();

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** True when arXiv announces on the evening of this (US Eastern) date. */
export const announcesOn = (evening: string): boolean => weekday(evening) <= 4 && !HOLIDAYS.has(evening);

/** True when a listing carries this date (the day after an announcement evening). */
export const isListingDate = (date: string): boolean => announcesOn(addDays(date, -1));

/** The last weekday 14:00 cutoff at or before an announcement evening (Sunday's is Friday's). */
function cutoffBefore(evening: string): string {
  let d = evening;
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, -1);
  return d;
}

export interface SubmissionWindow {
  /** Listing date (YYYY-MM-DD) the window is announced under. */
  listingDate: string;
  /** Instants: submissions with start ≤ time < end are announced in this listing. */
  start: Date;
  end: Date;
}

/**
 * The submission window announced under a listing date: from the cutoff of the previous
 * announcement to this announcement's cutoff. Null when no listing carries the date.
 */
export function submissionWindow(listingDate: string): SubmissionWindow | null {
  if (!isIsoDate(listingDate) || !isListingDate(listingDate)) return null;
  const evening = addDays(listingDate, -1);
  let previous = addDays(evening, -1);
  while (!announcesOn(previous)) previous = addDays(previous, -1);
  return {
    listingDate,
    start: easternInstant(cutoffBefore(previous), CUTOFF_HOUR),
    end: easternInstant(cutoffBefore(evening), CUTOFF_HOUR),
  };
}

/**
 * The listing date a submission made at an instant is announced under, if nothing holds it
 * back (on-hold papers are announced later).
 */
export function listingDateOfSubmission(submitted: Date): string {
  let evening = easternDate(submitted);
  for (let i = 0; i < 30; i++, evening = addDays(evening, 1)) {
    if (!announcesOn(evening)) continue;
    if (submitted.getTime() < easternInstant(cutoffBefore(evening), CUTOFF_HOUR).getTime()) return addDays(evening, 1);
  }
  throw new Error(`no announcement within 30 days after ${submitted.toISOString()}`);
}

/** The most recent listing date whose announcement (20:00 US Eastern) is not after `now`. */
export function latestListingDate(now: Date): string {
  let evening = easternDate(now);
  if (now.getTime() < easternInstant(evening, ANNOUNCE_HOUR).getTime()) evening = addDays(evening, -1);
  while (!announcesOn(evening)) evening = addDays(evening, -1);
  return addDays(evening, 1);
}

/** `202609231800` — the API's submittedDate format, in GMT. */
export const apiTimestamp = (d: Date): string => d.toISOString().slice(0, 16).replace(/[-T:]/g, '');

/** The next announcement instants (20:00 US Eastern, Sunday–Thursday, not on holidays) after `now`. */
export function nextAnnouncements(now: Date, count: number): Date[] {
  const out: Date[] = [];
  for (let evening = easternDate(now); out.length < count; evening = addDays(evening, 1)) {
    if (!announcesOn(evening)) continue;
    const at = easternInstant(evening, ANNOUNCE_HOUR);
    if (at.getTime() > now.getTime()) out.push(at);
  }
  return out;
}
