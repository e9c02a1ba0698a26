/**
 * The limiter on a virtual clock (exact times, minutes of schedule in milliseconds of test), plus a
 * few real-time runs with tiny intervals to show the default timers behave the same way.
 */
import { describe, expect, it } from 'vitest';
import { createLimiter, LimiterStopped, RetryableError, type LimiterEvent, type LimiterOptions } from './limiter.js';

/** Lets every promise chain that does not wait for a timer settle. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A clock whose timers fire only when the test advances it, in time order. */
class VirtualClock {
  t = 0;
  private timers: { at: number; seq: number; resolve: () => void }[] = [];
  private seq = 0;
  readonly now = (): number => this.t;
  readonly sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => this.timers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, resolve }));

  /** Fires every timer due up to now + ms, letting promise chains run between them. */
  async advance(ms: number): Promise<void> {
    const until = this.t + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((x) => x.at <= until).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers.splice(this.timers.indexOf(due), 1);
      this.t = Math.max(this.t, due.at);
      due.resolve();
    }
    this.t = until;
    await settle();
  }

  /** Advances until `promise` settles (or `limitMs` of virtual time passes). */
  async until<T>(promise: Promise<T>, limitMs = 3_600_000): Promise<T> {
    let done = false;
    const watched = promise.finally(() => (done = true));
    watched.catch(() => {}); // observed below; avoid an unhandled rejection while we advance
    const end = this.t + limitMs;
    for (;;) {
      await settle(); // calls granted just now register their timers first
      if (done || this.t >= end) break;
      const next = this.timers.reduce((m, x) => Math.min(m, x.at), Infinity);
      await this.advance(Math.max(0, Math.min(next, end) - this.t));
      if (next === Infinity) break;
    }
    return watched;
  }
}

/** A limiter on a virtual clock, recording each call's start and end. */
function setup(options: Omit<LimiterOptions, 'now' | 'sleep'>) {
  const clock = new VirtualClock();
  const events: LimiterEvent[] = [];
  const limiter = createLimiter({
    random: () => 0.5,
    ...options,
    now: clock.now,
    sleep: clock.sleep,
    onEvent: (e) => events.push(e),
  });
  const calls: { task: string; attempt: number; start: number; end: number | null }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  /** A task that takes `ms` of virtual time, then `outcome(attempt)` decides what it returns. */
  const task = (name: string, tokens = 0, ms = 100, outcome: (attempt: number) => Error | null = () => null) =>
    limiter.run(tokens, async (attempt) => {
      const call = { task: name, attempt, start: clock.t, end: null as number | null };
      calls.push(call);
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await clock.sleep(ms);
      inFlight--;
      call.end = clock.t;
      const error = outcome(attempt);
      if (error) throw error;
      return name;
    });
  return { clock, limiter, events, calls, task, maxInFlight: () => maxInFlight };
}

const rateLimit = (retryAfterMs: number | null = null) => new RetryableError('429', 'rate-limit', retryAfterMs);
const serverError = () => new RetryableError('HTTP 500', 'server', null);

/** The most starts in any half-open window (t − 60 s, t] — what a sliding-window server counts. */
function maxInWindow(starts: number[], weights: number[] = starts.map(() => 1)): number {
  let max = 0;
  for (let j = 0; j < starts.length; j++) {
    let sum = 0;
    for (let i = 0; i <= j; i++) if (starts[i]! > starts[j]! - 60_000) sum += weights[i]!;
    max = Math.max(max, sum);
  }
  return max;
}

describe('limiter (virtual clock)', () => {
  it('keeps at most `concurrency` calls in flight and starts the next as soon as one ends', async () => {
    const { clock, task, calls, maxInFlight, limiter } = setup({ concurrency: 3 });
    const all = Promise.all(Array.from({ length: 10 }, (_, i) => task(`t${i}`)));
    expect(await clock.until(all)).toEqual(Array.from({ length: 10 }, (_, i) => `t${i}`));
    expect(maxInFlight()).toBe(3);
    expect(clock.t).toBe(400); // ceil(10 / 3) rounds of 100 ms
    expect(calls.map((c) => c.start)).toEqual([0, 0, 0, 100, 100, 100, 200, 200, 200, 300]);
    expect(limiter.stats()).toEqual({ started: 10, rateLimited: 0, retries: 0, effectiveRpm: null });
  });

  it('spaces starts evenly at the rpm, with no initial burst, so no sliding 60 s window exceeds it', async () => {
    const { clock, task, calls } = setup({ concurrency: 50, rpm: 120 });
    await clock.until(Promise.all(Array.from({ length: 300 }, (_, i) => task(`t${i}`))));
    const starts = calls.map((c) => c.start);
    expect(starts.slice(0, 4)).toEqual([0, 500, 1000, 1500]);
    const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(501); // the 1 ms timer rounding at most
    expect(maxInWindow(starts)).toBeLessThanOrEqual(120);
  });

  it('paces a token budget, keeps every 60 s window within tpm, and runs an oversized task alone', async () => {
    const { clock, task, calls } = setup({ concurrency: 10, tpm: 1000 });
    const equal = Promise.all([task('a', 250), task('b', 250), task('c', 250)]);
    await clock.until(equal);
    expect(calls.map((c) => c.start)).toEqual([0, 15_000, 30_000]); // 250 tokens = 15 s of a 1000 tpm budget

    calls.length = 0;
    const sizes = [100, 700, 50, 400, 300, 900, 20, 600, 200, 500, 800, 150];
    await clock.until(Promise.all(sizes.map((n, i) => task(`m${i}`, n))));
    const starts = calls.map((c) => c.start);
    expect(maxInWindow(starts, sizes)).toBeLessThanOrEqual(1000);

    calls.length = 0;
    const t0 = clock.t;
    const big = task('big', 2500);
    const after = task('after', 100);
    await clock.until(Promise.all([big, after]));
    const [bigCall, afterCall] = calls;
    expect(bigCall!.start).toBeGreaterThanOrEqual(t0); // it does run, although it can never fit
    // Nothing else in its window: it waited for the last task's tokens to leave the window …
    expect(bigCall!.start).toBeGreaterThanOrEqual(starts.at(-1)! + 60_000);
    // … and the next call waits until its 2500 tokens are paid for (2.5 minutes).
    expect(afterCall!.start - bigCall!.start).toBe(150_000);
  });

  it('a 429 pauses every worker for Retry-After, lowers the rate, then recovers it after successes', async () => {
    const { clock, task, calls, events, limiter } = setup({ concurrency: 4, rpm: 600, recoverAfter: 5 });
    let n = 0;
    // The 6th call made (t6's first attempt) is answered 429 with Retry-After 2 s.
    const results = Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        task(`t${i}`, 0, 150, (attempt) => (++n === 6 && attempt === 1 ? rateLimit(2000) : null)),
      ),
    );
    await clock.until(results);
    const hit = calls.find((c) => c.task === 't5' && c.attempt === 1)!;
    const hitAt = hit.end!; // 500 + 150
    expect(hitAt).toBe(650);
    // No worker started anything during the pause.
    expect(calls.filter((c) => c.start > hitAt && c.start < hitAt + 2000)).toEqual([]);
    // The failed task kept its place: it is the first call after the pause.
    const afterPause = calls.filter((c) => c.start >= hitAt + 2000);
    expect(afterPause[0]).toMatchObject({ task: 't5', attempt: 2, start: hitAt + 2000 });
    // Then paced at 480 rpm (600 × 0.8: 125 ms apart) …
    expect(afterPause[1]!.start - afterPause[0]!.start).toBe(125);
    expect(events.map((e) => e.type).slice(0, 3)).toEqual(['rate-limited', 'rate-lowered', 'retry']);
    expect(events.find((e) => e.type === 'rate-lowered')!.detail).toContain('600 rpm → 480 rpm');
    // … and back up in steps of 30 rpm every 5 successes, to 600 (100 ms apart) and no further.
    expect(events.at(-1)).toMatchObject({ type: 'rate-recovered', detail: 'back to the configured 600 rpm' });
    const gaps = afterPause.slice(1).map((c, i) => c.start - afterPause[i]!.start);
    expect(gaps.at(-1)).toBe(100);
    expect([...new Set(gaps)].every((g, i, all) => i === 0 || g < all[i - 1]!)).toBe(true); // only ever faster
    expect(limiter.stats()).toEqual({ started: 61, rateLimited: 1, retries: 1, effectiveRpm: 600 });
  });

  it('lowers once for a burst of 429s from calls in flight together, and again only for a call started later', async () => {
    const { clock, task, events, limiter } = setup({ concurrency: 4, rpm: 1200, recoverAfter: 1000 });
    let n = 0;
    const tasks = Array.from({ length: 8 }, (_, i) =>
      task(`t${i}`, 0, 1000, (attempt) => (++n <= 4 && attempt === 1 ? rateLimit(500) : null)),
    );
    await clock.until(Promise.all(tasks));
    expect(events.filter((e) => e.type === 'rate-limited')).toHaveLength(4);
    expect(events.filter((e) => e.type === 'rate-lowered')).toHaveLength(1);
    expect(limiter.stats().effectiveRpm).toBe(960); // 1200 × 0.8, once
    expect(events.find((e) => e.type === 'rate-lowered')!.detail).toMatch(/^1200 rpm → 960 rpm/);
  });

  it('without a configured rpm, a 429 derives a rate from the recent starts and later returns to unlimited', async () => {
    const { clock, task, events, limiter, calls } = setup({ concurrency: 5, recoverAfter: 3, recoverStep: 0.25 });
    let n = 0;
    // The 11th call — the first of the third round, started at 400 — is answered 429 at 600.
    const all = Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        task(`t${i}`, 0, 200, (attempt) => (++n === 11 && attempt === 1 ? rateLimit(null) : null)),
      ),
    );
    await clock.advance(600);
    const lowered = events.find((e) => e.type === 'rate-lowered');
    expect(lowered?.detail).toMatch(/^unlimited → \d+(\.\d)? rpm/);
    const derived = limiter.stats().effectiveRpm!;
    expect(derived).toBeGreaterThan(0);
    // Observed: 15 starts between 0 and 600 ms (span floored at 1 s) = 900 rpm; × 0.8 = 720.
    expect(derived).toBeCloseTo(720, 5);
    // No Retry-After: an equal-jitter backoff of the base delay (1000 × (0.5 + 0.5 × 0.5) = 750 ms).
    expect(events.find((e) => e.type === 'rate-limited')!.detail).toContain('750 ms');
    await clock.until(all);
    expect(events.at(-1)).toMatchObject({ type: 'rate-recovered', detail: 'back to unlimited' });
    expect(limiter.stats().effectiveRpm).toBeNull();
    expect(calls.filter((c) => c.start > 600 && c.start < 1350)).toEqual([]);
  });

  it('backs off 5xx with full jitter, releasing the slot meanwhile, and the retry keeps its place', async () => {
    const { clock, task, calls, events } = setup({ concurrency: 1, baseDelayMs: 100, random: () => 0.5 });
    const a = task('a', 0, 10, (attempt) => (attempt <= 3 ? serverError() : null));
    const b = task('b', 0, 100);
    const c = task('c', 0, 10);
    expect(await clock.until(Promise.all([a, b, c]))).toEqual(['a', 'b', 'c']);
    // a fails at 10 and waits 0.5 × 100 without its slot, so b starts at once; when b frees the
    // slot at 110, a's retry (queued at 60) goes before c, which arrived after a.
    expect(calls.map((x) => `${x.task}${x.attempt}@${x.start}`)).toEqual([
      'a1@0',
      'b1@10',
      'a2@110',
      'c1@120',
      'a3@220', // 0.5 × 200 after a2 failed at 120
      'a4@430', // 0.5 × 400 after 230
    ]);
    expect(events.filter((e) => e.type === 'retry').map((e) => e.detail)).toEqual([
      'server: HTTP 500; attempt 2 of 5 in 50 ms',
      'server: HTTP 500; attempt 3 of 5 in 100 ms',
      'server: HTTP 500; attempt 4 of 5 in 200 ms',
    ]);
  });

  it('honours a Retry-After sent with a 5xx, and caps the backoff at maxDelayMs', async () => {
    const { clock, task, calls } = setup({ concurrency: 1, baseDelayMs: 1000, maxDelayMs: 1500, random: () => 1 });
    const errors = [new RetryableError('503', 'server', 4000), serverError(), serverError()];
    await clock.until(task('a', 0, 0, (attempt) => errors[attempt - 1] ?? null));
    expect(calls.map((c) => c.start)).toEqual([0, 4000, 5500, 7000]);
  });

  it('throws the last error once maxRetries are used up, and non-retryable errors at once', async () => {
    const { clock, task, calls, limiter } = setup({ concurrency: 2, maxRetries: 2, baseDelayMs: 10 });
    const last = new RetryableError('timed out', 'timeout', null);
    const failing = task('a', 0, 10, (attempt) =>
      attempt === 3 ? last : new RetryableError('reset', 'network', null),
    );
    await expect(clock.until(failing)).rejects.toBe(last);
    expect(calls.filter((c) => c.task === 'a')).toHaveLength(3);

    const bad = new Error('HTTP 400 invalid request');
    await expect(clock.until(task('b', 0, 10, () => bad))).rejects.toBe(bad);
    expect(calls.filter((c) => c.task === 'b')).toHaveLength(1);
    expect(limiter.stats()).toMatchObject({ started: 4, retries: 2 });

    const limited = task('c', 0, 10, () => rateLimit(100)); // 429s count against maxRetries too
    await expect(clock.until(limited)).rejects.toMatchObject({ kind: 'rate-limit' });
    expect(calls.filter((c) => c.task === 'c')).toHaveLength(3);
  });

  it('stop() rejects queued and backing-off tasks, lets calls in flight finish, and refuses new ones', async () => {
    const { clock, task, limiter, calls } = setup({ concurrency: 2, baseDelayMs: 10_000 });
    const running = task('running', 0, 500);
    const retrying = task('retrying', 0, 100, () => serverError());
    const queued = [task('q1'), task('q2')];
    const retryOutcome = retrying.catch((e: unknown) => e);
    await clock.advance(150); // retrying failed at 100 and backs off for 5 s; q1 took its slot
    limiter.stop('--max-cost-usd 1.00 reached');
    await expect(queued[1]!).rejects.toBeInstanceOf(LimiterStopped);
    await expect(queued[1]!).rejects.toThrow('limiter stopped: --max-cost-usd 1.00 reached');
    const stoppedRetry = await retryOutcome;
    expect(stoppedRetry).toBeInstanceOf(LimiterStopped);
    expect((stoppedRetry as LimiterStopped).cause).toBeInstanceOf(RetryableError);
    expect(await clock.until(running)).toBe('running');
    expect(await clock.until(queued[0]!)).toBe('q1'); // in flight when stopped
    await expect(task('late')).rejects.toBeInstanceOf(LimiterStopped);
    expect(calls.map((c) => c.task)).toEqual(['running', 'retrying', 'q1']);
  });

  it('breaks the circuit after breakAfter silent failures in a row: every task stops with the reason and the hint', async () => {
    const { clock, limiter, events } = setup({
      concurrency: 4,
      breakAfter: 3,
      baseDelayMs: 10,
      breakerHint: 'check the URL',
    });
    const timeout = () => new RetryableError('no complete answer within 60000 ms', 'timeout', null);
    // Each call ends at its deadline, or when its signal aborts.
    const call = (name: string) =>
      limiter.run(0, (_attempt, signal) => {
        started.push(name);
        return new Promise<never>((_resolve, reject) => {
          void clock.sleep(60_000).then(() => reject(timeout()));
          signal.addEventListener('abort', () => reject(signal.reason));
        });
      });
    const started: string[] = [];
    const tasks = Array.from({ length: 20 }, (_, i) => call(`t${i}`).catch((e: unknown) => e));
    const outcomes = await clock.until(Promise.all(tasks));
    expect(outcomes.every((e) => e instanceof LimiterStopped)).toBe(true);
    const reason = 'the provider failed 3 requests in a row (last: no complete answer within 60000 ms); check the URL';
    expect((outcomes[0] as LimiterStopped).reason).toBe(reason);
    expect(events.filter((e) => e.type === 'breaker-open')).toEqual([{ type: 'breaker-open', detail: reason }]);
    // Four timed out together at one deadline; the two started as the first of them failed were
    // aborted when the third did, not left to time out a minute later.
    expect(started.length).toBeLessThanOrEqual(8);
    expect(clock.t).toBe(60_000);
  });

  it('resets the breaker on any answer: 429s, rejections and successes say the provider is alive', async () => {
    const { clock, task } = setup({ concurrency: 1, breakAfter: 2, baseDelayMs: 10 });
    const network = () => new RetryableError('connection failed: ECONNRESET', 'network', null);
    let n = 0;
    // network, 429, network, ok, network, 400: never two silent failures in a row.
    const script = [network, () => rateLimit(10), network, null, network, () => new Error('HTTP 400')];
    const out = task('a', 0, 10, () => script[n++]?.() ?? null);
    expect(await clock.until(out)).toBe('a');
    const bad = task('b', 0, 10, () => script[n++]?.() ?? null);
    await expect(clock.until(bad)).rejects.toThrow('HTTP 400');
    expect(await clock.until(task('c'))).toBe('c');
  });

  it('rejects nonsense options and token counts', () => {
    expect(() => createLimiter({ concurrency: 0 })).toThrow(RangeError);
    expect(() => createLimiter({ concurrency: 1, rpm: -5 })).toThrow(RangeError);
    expect(() => createLimiter({ concurrency: 1, lowerFactor: 1.5 })).toThrow(RangeError);
    return expect(createLimiter({ concurrency: 1 }).run(Number.NaN, async () => 1)).rejects.toThrow(RangeError);
  });
});

describe('limiter (real time, tiny intervals)', () => {
  it('caps concurrency and spaces starts at the rpm with the default timers', async () => {
    const limiter = createLimiter({ concurrency: 3, rpm: 6000 }); // 10 ms apart
    const starts: number[] = [];
    let inFlight = 0;
    let max = 0;
    await Promise.all(
      Array.from({ length: 25 }, () =>
        limiter.run(0, async () => {
          starts.push(performance.now());
          max = Math.max(max, ++inFlight);
          await new Promise((r) => setTimeout(r, 25));
          inFlight--;
        }),
      ),
    );
    expect(max).toBe(3);
    const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(9.5); // measured inside fn, a microtask after the start
    // 25 tasks of 25 ms at concurrency 3 need ≥ 9 rounds; the 10 ms pace is the tighter bound.
    expect(starts.at(-1)! - starts[0]!).toBeLessThan(1500); // ≈ 250 ms; generous for a loaded machine
  });

  it('a 429 with Retry-After holds every worker back for real, then the task succeeds', async () => {
    const events: string[] = [];
    // rpm 60000: 1 ms apart, so the lowered rate (48000) does not stretch the test.
    const limiter = createLimiter({ concurrency: 4, rpm: 60_000, onEvent: (e) => events.push(e.type) });
    const starts: { i: number; at: number }[] = [];
    let hitAt = 0;
    let first = true;
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        limiter.run(0, async () => {
          starts.push({ i, at: performance.now() });
          await new Promise((r) => setTimeout(r, 5));
          if (i === 0 && first) {
            first = false;
            hitAt = performance.now();
            throw rateLimit(60);
          }
        }),
      ),
    );
    const during = starts.filter((s) => s.at > hitAt + 1 && s.at < hitAt + 59);
    expect(during).toEqual([]);
    expect(starts.filter((s) => s.i === 0)).toHaveLength(2);
    expect(events.slice(0, 2)).toEqual(['rate-limited', 'rate-lowered']);
  });
});
