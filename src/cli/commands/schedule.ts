/**
 * `arxiv-digest schedule`: runs `run` after each announcement (20:00 US Eastern, Sunday to
 * Thursday, not on arXiv's holidays) plus a margin, until stopped. `--dry-run` prints the
 * coming run times and exits.
 */
import { nextAnnouncements } from '../../arxiv/schedule.js';
import { UsageError } from '../../errors.js';
import { spawn } from 'node:child_process';
import { settingsFrom, type GlobalOptions, type Io } from '../context.js';

export interface ScheduleFlags {
  categories?: string;
  lang?: string;
  out?: string;
  dryRun?: boolean;
  count?: string;
  marginMinutes?: string;
}

const eastern = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

export function upcomingRuns(now: Date, marginMinutes: number, count: number): Date[] {
  // Ask for one more: a margin can push the first announcement's run into the past.
  return nextAnnouncements(new Date(now.getTime() - marginMinutes * 60_000), count + 1)
    .map((d) => new Date(d.getTime() + marginMinutes * 60_000))
    .filter((d) => d.getTime() > now.getTime())
    .slice(0, count);
}

/** Sleeps in slices so a suspended laptop or a clock change does not make us oversleep. */
async function sleepUntil(at: Date): Promise<void> {
  for (let left = at.getTime() - Date.now(); left > 0; left = at.getTime() - Date.now()) {
    await new Promise((r) => setTimeout(r, Math.min(left, 60_000)));
  }
}

export async function scheduleCommand(flags: ScheduleFlags, globals: GlobalOptions, io: Io): Promise<number> {
  const settings = settingsFrom(io, globals, flags);
  const margin = flags.marginMinutes === undefined ? settings.scheduleMarginMinutes : Number(flags.marginMinutes);
  if (!Number.isInteger(margin) || margin < 0)
    throw new UsageError(`--margin-minutes: expected whole minutes, got ${JSON.stringify(flags.marginMinutes)}`);
  if (flags.dryRun) {
    const count = flags.count === undefined ? 5 : Number(flags.count);
    if (!Number.isInteger(count) || count < 1)
      throw new UsageError(`--count: expected a whole number ≥ 1, got ${JSON.stringify(flags.count)}`);
    for (const at of upcomingRuns(new Date(), margin, count))
      io.stdout.write(`${at.toISOString()}  (${eastern.format(at)})\n`);
    return 0;
  }
  for (;;) {
    const [next] = upcomingRuns(new Date(), margin, 1);
    io.stderr.write(
      `schedule: next run at ${eastern.format(next!)} (${next!.toISOString()}), ${margin} min after the announcement\n`,
    );
    await sleepUntil(next!);
    const code = await runOnce(flags, globals).catch((e: unknown) => {
      io.stderr.write(`schedule: the run failed: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    });
    io.stderr.write(`schedule: run finished with exit code ${code}\n`);
  }
}

/**
 * One `run`, as a process of its own (this same CLI): each day's job starts with fresh memory,
 * and a crash in it never takes the schedule down.
 */
function runOnce(flags: ScheduleFlags, globals: GlobalOptions): Promise<number> {
  const args = [
    ...(globals.db ? ['--db', globals.db] : []),
    ...(globals.config ? ['--config', globals.config] : []),
    'run',
    ...(flags.categories ? ['--categories', flags.categories] : []),
    ...(flags.lang ? ['--lang', flags.lang] : []),
    ...(flags.out ? ['--out', flags.out] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1]!, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
