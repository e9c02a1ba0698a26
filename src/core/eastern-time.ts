/** US Eastern wall-clock time, arXiv's: its announcements are dated and timed by it. */

const ZONE = 'America/New_York';

// Made on first use: creating it loads ICU's time zone data (~10 ms), which every command that
// merely imports this module (render, through the feeds) would otherwise pay at start-up.
let offsetFormatter: Intl.DateTimeFormat | null = null;
const offsetFormat = (): Intl.DateTimeFormat =>
  (offsetFormatter ??= new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'shortOffset' }));

/** Minutes east of UTC of US Eastern time at an instant (−240 in summer, −300 in winter). */
function easternOffset(instantMs: number): number {
  const name =
    offsetFormat()
      .formatToParts(new Date(instantMs))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT-5';
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** The instant of a US Eastern wall-clock time on a date. */
export function easternInstant(date: string, hour: number): Date {
  const local = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  // Guess with the offset at the local time read as UTC, then correct once (DST edges).
  let utc = local - easternOffset(local) * 60_000;
  utc = local - easternOffset(utc) * 60_000;
  return new Date(utc);
}

/** The US Eastern calendar date of an instant. */
export function easternDate(instant: Date): string {
  return new Date(instant.getTime() + easternOffset(instant.getTime()) * 60_000).toISOString().slice(0, 10);
}
