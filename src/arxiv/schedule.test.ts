import { describe, expect, it } from 'vitest';
import {
  apiTimestamp,
  isListingDate,
  latestListingDate,
  listingDateOfSubmission,
  submissionWindow,
} from './schedule.js';
import { easternInstant } from '../core/eastern-time.js';

describe('arXiv schedule', () => {
  it('should convert US Eastern wall time across daylight saving', () => {
    expect(easternInstant('2026-09-23', 14).toISOString()).toBe('2026-09-23T18:00:00.000Z');
    expect(easternInstant('2026-12-02', 14).toISOString()).toBe('2026-12-02T19:00:00.000Z');
    expect(easternInstant('2026-03-08', 20).toISOString()).toBe('2026-03-09T00:00:00.000Z');
  });

  it('should map each listing date to the window of the table in arxiv.md', () => {
    const w = (d: string) => {
      const x = submissionWindow(d)!;
      return `${x.start.toISOString().slice(0, 16)} → ${x.end.toISOString().slice(0, 16)}`;
    };
    // Week of Mon 21 Sep 2026 (EDT, UTC−4).
    expect(w('2026-09-21')).toBe('2026-09-17T18:00 → 2026-09-18T18:00'); // Mon: Thu 14:00 – Fri 14:00
    expect(w('2026-09-22')).toBe('2026-09-18T18:00 → 2026-09-21T18:00'); // Tue: Fri – Mon (weekend batch)
    expect(w('2026-09-23')).toBe('2026-09-21T18:00 → 2026-09-22T18:00'); // Wed: Mon – Tue
    expect(w('2026-09-25')).toBe('2026-09-23T18:00 → 2026-09-24T18:00'); // Fri: Wed – Thu
  });

  it('should have no listing on weekends or after a holiday evening, and merge the window into the next', () => {
    expect(isListingDate('2026-09-26')).toBe(false); // Saturday
    expect(isListingDate('2026-09-27')).toBe(false); // Sunday
    expect(submissionWindow('2026-09-27')).toBeNull();
    // Thanksgiving evening 2026-11-26 has no announcement: no listing on Fri 27 Nov;
    // Thu 14:00 – Fri 14:00 goes to Monday's listing together with Wed 14:00 – Thu 14:00.
    expect(isListingDate('2026-11-27')).toBe(false);
    const mon = submissionWindow('2026-11-30')!;
    expect([mon.start.toISOString(), mon.end.toISOString()]).toEqual([
      '2026-11-25T19:00:00.000Z',
      '2026-11-27T19:00:00.000Z',
    ]);
  });

  it('should find the listing of a submission and the latest listing at an instant', () => {
    expect(listingDateOfSubmission(new Date('2026-09-22T17:59:00Z'))).toBe('2026-09-23'); // Tue 13:59 EDT
    expect(listingDateOfSubmission(new Date('2026-09-22T18:01:00Z'))).toBe('2026-09-24'); // Tue 14:01 EDT
    expect(listingDateOfSubmission(new Date('2026-09-26T12:00:00Z'))).toBe('2026-09-29'); // Saturday → Tuesday
    expect(latestListingDate(new Date('2026-09-23T23:59:00Z'))).toBe('2026-09-23'); // Wed 19:59 EDT
    expect(latestListingDate(new Date('2026-09-24T00:01:00Z'))).toBe('2026-09-24'); // Wed 20:01 EDT
    expect(latestListingDate(new Date('2026-09-27T15:00:00Z'))).toBe('2026-09-25'); // Sunday afternoon
  });

  it("should format the API's submittedDate bounds", () => {
    expect(apiTimestamp(new Date('2026-09-21T18:00:00Z'))).toBe('202609211800');
  });
});

describe('nextAnnouncements', () => {
  it('should list the coming 20:00 US Eastern announcements, skipping Friday, Saturday and holidays', async () => {
    const { nextAnnouncements } = await import('./schedule.js');
    expect(nextAnnouncements(new Date('2026-11-24T12:00:00Z'), 4).map((d) => d.toISOString())).toEqual([
      '2026-11-25T01:00:00.000Z', // Tue 24 Nov 20:00 EST
      '2026-11-26T01:00:00.000Z', // Wed 25 Nov
      '2026-11-30T01:00:00.000Z', // Sun 29 Nov (Thu 26 Nov is Thanksgiving; no Fri/Sat)
      '2026-12-01T01:00:00.000Z',
    ]);
  });
});
