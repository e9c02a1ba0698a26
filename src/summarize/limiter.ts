/**
 * Client-side rate limiting for LLM calls, one limiter shared by every summarize worker.
 *
 * Why our own scheduler rather than p-queue: p-queue's `interval`/`intervalCap` counts starts per
 * fixed window (a burst at each window's start, which a server's sliding window answers with 429),
 * its interval cannot be changed while running (we lower and raise the rate), it has no token
 * budget, and retrying inside `q.add()` deadlocks (stack.md). What is needed here — one FIFO queue,
 * a concurrency count and a few "not before" times — is about as long as the glue around p-queue.
 *
 * How a call goes:
 * 1. `run()` waits in one queue ordered by arrival. The head starts when a slot is free and every
 *    gate is open: the pool is not paused (429), the last start was at least 60000/rpm ms ago
 *    (even spacing from the *actual* previous start, so a late timer never causes a catch-up
 *    burst), and the token budget allows it (see `tokenReadyAt`).
 * 2. The slot is held only while `fn` runs. A retryable failure releases it *before* any waiting,
 *    then the task queues again with its original place (its sequence number), so a retry never
 *    waits inside a slot — the p-queue trap — and never goes behind tasks that arrived later.
 * 3. A 429 pauses the whole pool (Retry-After, or a backoff), lowers the effective rate
 *    multiplicatively, and a run of successes raises it again additively (AIMD) up to the
 *    configured rpm — or back to unlimited when none was configured.
 */

export type RetryableKind = 'rate-limit' | 'server' | 'network' | 'timeout';

/** Thrown by the provider adapter for transient failures; anything else is thrown to the caller at once. */
export class RetryableError extends Error {
  override name = 'RetryableError';
  constructor(
    message: string,
    readonly kind: RetryableKind,
    /** What the server asked for (Retry-After), or null. */
    readonly retryAfterMs: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A task refused because `stop()` was called; `cause` is the task's last error when it was retrying. */
export class LimiterStopped extends Error {
  override name = 'LimiterStopped';
  constructor(
    /** Why the limiter stopped, as given to `stop()`. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`limiter stopped: ${reason}`, options);
  }
}

/** Kinds that say the provider is not answering at all; a run of them trips the breaker. */
const SILENT_KINDS: ReadonlySet<RetryableKind> = new Set(['network', 'timeout', 'server']);

export interface LimiterEvent {
  type: 'rate-limited' | 'retry' | 'rate-lowered' | 'rate-recovered' | 'breaker-open';
  detail: string;
}

export interface LimiterOptions {
  /** At most this many calls in flight. */
  concurrency: number;
  /** Requests per minute; null = unlimited. */
  rpm?: number | null;
  /** Tokens per minute (estimated tokens passed to run); null = unlimited. */
  tpm?: number | null;
  /** Retries per task (all retryable kinds count), default 4. */
  maxRetries?: number;
  /** Backoff with full jitter for server/network/timeout errors: base × 2^(retry−1), capped. Default 1000. */
  baseDelayMs?: number;
  /** Default 30000. */
  maxDelayMs?: number;
  /** Multiplier applied to the rate on a 429 (default 0.8). */
  lowerFactor?: number;
  /** Successes (of calls started at the lowered rate) per additive step back up (default 10). */
  recoverAfter?: number;
  /** Size of one step up, as a fraction of the rate being recovered to (default 0.05). */
  recoverStep?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onEvent?: (e: LimiterEvent) => void;
  /**
   * Circuit breaker: after this many failures in a row that say the provider is not answering
   * (network, timeout, 5xx — not 429s, which are answers), stop: every waiting and later task
   * rejects with LimiterStopped, so a dead provider ends a run in about one timeout instead of
   * retrying every paper. Null (default) = never.
   */
  breakAfter?: number | null;
  /** Added to the breaker's reason: what the user should check. */
  breakerHint?: string;
}

export interface LimiterStats {
  /** Calls of `fn` (retries included). */
  started: number;
  /** 429s seen. */
  rateLimited: number;
  retries: number;
  /** The rate currently paced at; null = unlimited. */
  effectiveRpm: number | null;
}

export interface RateLimiter {
  /**
   * Runs `fn` when a slot and the rate allow; `tokens` is the call's estimated tokens (0 when no
   * tpm is set). `attempt` is 1 for the first call, 2 for the first retry, … `signal` aborts when
   * the breaker opens: the calls in flight are as dead as the ones that tripped it.
   */
  run<T>(tokens: number, fn: (attempt: number, signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Stop starting new tasks (e.g. --max-cost-usd reached); queued ones reject with LimiterStopped. */
  stop(reason: string): void;
  stats(): LimiterStats;
}

const MINUTE = 60_000;
/** The lowest rate a 429 can push us to: one request a minute still makes progress. */
const MIN_RPM = 1;

interface Waiter {
  seq: number;
  tokens: number;
  /** The error that sent this task back to the queue, kept as the cause if we are stopped. */
  lastError: unknown;
  grant: (startedAt: number) => void;
  reject: (error: LimiterStopped) => void;
}

export function createLimiter(options: LimiterOptions): RateLimiter {
  return new Limiter(options);
}

const positiveOrNull = (name: string, value: number | null | undefined): number | null => {
  if (value == null) return null;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`limiter: ${name} must be a positive number or null`);
  return value;
};

class Limiter implements RateLimiter {
  private readonly concurrency: number;
  private readonly rpm: number | null;
  private readonly tpm: number | null;
  private readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly lowerFactor: number;
  private readonly recoverAfter: number;
  private readonly recoverStep: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly onEvent: (e: LimiterEvent) => void;
  private readonly breakAfter: number | null;
  private readonly breakerHint: string;
  private failuresInARow = 0;
  /** One per call in flight, aborted when the breaker opens. */
  private readonly calls = new Set<AbortController>();

  /** Waiting tasks, ordered by seq (arrival), retries included. */
  private readonly queue: Waiter[] = [];
  private nextSeq = 0;
  private inFlight = 0;
  private lastStartAt = -Infinity;
  /** Starts of the last minute: the observed rate a 429 is lowered from when no rpm is set. */
  private readonly recentStarts: number[] = [];
  /** Token budget: the pace (`tokenFreeAt`) and the last minute's starts (`tokenLog`). */
  private tokenFreeAt = -Infinity;
  private readonly tokenLog: { at: number; tokens: number }[] = [];
  private tokenLogSum = 0;

  private pausedUntil = -Infinity;
  private effectiveRpm: number | null;
  /** Where recovery ends; the configured rpm, or the rate we were running at when first hit. */
  private recoverTo: number | null = null;
  private lowered = false;
  private loweredAt = -Infinity;
  private successRun = 0;
  private consecutiveRateLimits = 0;

  private stopped: string | null = null;
  private readonly stopSignal: Promise<void>;
  private signalStop: () => void = () => {};
  /** Times a pump is already scheduled for, so each blocked pump does not add a timer. */
  private readonly wakeups = new Set<number>();

  private counts = { started: 0, rateLimited: 0, retries: 0 };

  constructor(options: LimiterOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
      throw new RangeError('limiter: concurrency must be an integer ≥ 1');
    this.concurrency = options.concurrency;
    this.rpm = positiveOrNull('rpm', options.rpm);
    this.tpm = positiveOrNull('tpm', options.tpm);
    this.maxRetries = options.maxRetries ?? 4;
    if (!Number.isInteger(this.maxRetries) || this.maxRetries < 0)
      throw new RangeError('limiter: maxRetries must be an integer ≥ 0');
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.lowerFactor = options.lowerFactor ?? 0.8;
    if (!(this.lowerFactor > 0 && this.lowerFactor < 1)) throw new RangeError('limiter: lowerFactor must be in (0, 1)');
    this.recoverAfter = Math.max(1, options.recoverAfter ?? 10);
    this.recoverStep = options.recoverStep ?? 0.05;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    const onEvent = options.onEvent;
    this.onEvent = (e) => {
      // An observer's bug must not break scheduling (this runs inside timer callbacks).
      try {
        onEvent?.(e);
      } catch {
        /* ignored */
      }
    };
    this.breakAfter = positiveOrNull('breakAfter', options.breakAfter);
    this.breakerHint = options.breakerHint ?? '';
    this.effectiveRpm = this.rpm;
    this.stopSignal = new Promise((resolve) => (this.signalStop = resolve));
  }

  async run<T>(tokens: number, fn: (attempt: number, signal: AbortSignal) => Promise<T>): Promise<T> {
    if (!Number.isFinite(tokens) || tokens < 0) throw new RangeError('limiter: tokens must be a number ≥ 0');
    if (this.stopped !== null) throw new LimiterStopped(this.stopped);
    const seq = this.nextSeq++;
    let lastError: unknown = undefined;
    for (let attempt = 1; ; attempt++) {
      const startedAt = await this.acquire(seq, tokens, lastError);
      // Granted, but the breaker opened before this call began: do not begin it.
      if (this.stopped !== null) {
        this.release();
        throw new LimiterStopped(this.stopped, lastError === undefined ? undefined : { cause: lastError });
      }
      let outcome: { ok: true; value: T } | { ok: false; error: unknown };
      try {
        const call = new AbortController();
        this.calls.add(call);
        try {
          outcome = { ok: true, value: await fn(attempt, call.signal) };
        } finally {
          this.calls.delete(call);
        }
      } catch (error) {
        outcome = { ok: false, error };
      }
      const error = outcome.ok ? null : outcome.error;
      // Pause the pool before the slot is released, or the release would start the next call.
      if (error instanceof RetryableError && error.kind === 'rate-limit') this.onRateLimited(error, startedAt);
      // Free the slot before any waiting below: a task never waits for itself while holding it.
      this.release();
      if (outcome.ok) {
        this.failuresInARow = 0;
        this.onSuccess(startedAt);
        return outcome.value;
      }
      if (!(error instanceof RetryableError)) {
        // The provider answered (a rejection is an answer): it is alive.
        this.failuresInARow = 0;
        throw error;
      }
      lastError = error;
      if (SILENT_KINDS.has(error.kind)) this.failuresInARow++;
      else this.failuresInARow = 0;
      if (this.breakAfter !== null && this.failuresInARow >= this.breakAfter && this.stopped === null) {
        const reason = `the provider failed ${this.failuresInARow} requests in a row (last: ${error.message})${this.breakerHint ? `; ${this.breakerHint}` : ''}`;
        this.onEvent({ type: 'breaker-open', detail: reason });
        this.stop(reason);
        for (const call of this.calls) call.abort(new LimiterStopped(reason));
      }
      if (this.stopped !== null) throw new LimiterStopped(this.stopped, { cause: error });
      if (attempt > this.maxRetries) throw error;
      this.counts.retries++;
      // After a 429 the pool pause is the wait; other kinds back off on their own.
      const delay = error.kind === 'rate-limit' ? 0 : (error.retryAfterMs ?? this.jitteredBackoff(attempt));
      this.onEvent({
        type: 'retry',
        detail: `${error.kind}: ${error.message}; attempt ${attempt + 1} of ${this.maxRetries + 1}${delay > 0 ? ` in ${Math.round(delay)} ms` : ''}`,
      });
      if (delay > 0) {
        await Promise.race([this.sleep(delay), this.stopSignal]);
        if (this.stopped !== null) throw new LimiterStopped(this.stopped, { cause: error });
      }
    }
  }

  stop(reason: string): void {
    if (this.stopped !== null) return;
    this.stopped = reason;
    for (const w of this.queue.splice(0))
      w.reject(new LimiterStopped(reason, w.lastError === undefined ? undefined : { cause: w.lastError }));
    this.signalStop();
  }

  stats(): LimiterStats {
    return { ...this.counts, effectiveRpm: this.effectiveRpm };
  }

  // -------------------------------------------------------------------------------------------
  // Queue and gates

  private acquire(seq: number, tokens: number, lastError: unknown): Promise<number> {
    return new Promise<number>((grant, reject) => {
      if (this.stopped !== null) {
        const options = lastError === undefined ? undefined : { cause: lastError };
        reject(new LimiterStopped(this.stopped, options));
        return;
      }
      // A retry goes back to its arrival position, ahead of everything that came after it.
      let i = this.queue.length;
      while (i > 0 && this.queue[i - 1]!.seq > seq) i--;
      this.queue.splice(i, 0, { seq, tokens, lastError, grant, reject });
      this.pump();
    });
  }

  private release(): void {
    this.inFlight--;
    this.pump();
  }

  /** Starts queued tasks while a slot is free and the head's gates are open; else books a wake-up. */
  private pump(): void {
    while (this.queue.length > 0 && this.inFlight < this.concurrency) {
      const head = this.queue[0]!;
      const now = this.now();
      const readyAt = Math.max(this.pausedUntil, this.rateReadyAt(), this.tokenReadyAt(head.tokens, now));
      if (readyAt > now) {
        this.wakeAt(readyAt, now);
        return;
      }
      this.queue.shift();
      this.inFlight++;
      this.counts.started++;
      this.lastStartAt = now;
      this.recentStarts.push(now);
      dropOlderThan(this.recentStarts, now - MINUTE, (at) => at);
      if (this.tpm !== null) {
        this.tokenFreeAt = now + (head.tokens * MINUTE) / this.tpm;
        this.tokenLog.push({ at: now, tokens: head.tokens });
        this.tokenLogSum += head.tokens;
      }
      head.grant(now);
    }
  }

  private rateReadyAt(): number {
    return this.effectiveRpm === null ? -Infinity : this.lastStartAt + MINUTE / this.effectiveRpm;
  }

  /**
   * Two rules, both needed. Pace: after a task of t tokens the next may start t·60000/tpm ms later
   * — even, no burst. Window: the tokens started in the last 60 s plus t stay within tpm, which
   * the pace alone does not promise when sizes differ (it lets one task too many into a window).
   * A task larger than tpm can never fit, so it waits for an empty window and runs alone (its
   * pace then keeps the next one back).
   */
  private tokenReadyAt(tokens: number, now: number): number {
    if (this.tpm === null) return -Infinity;
    for (const gone of dropOlderThan(this.tokenLog, now - MINUTE, (e) => e.at)) this.tokenLogSum -= gone.tokens;
    const limit = Math.min(this.tpm, tokens);
    let sum = this.tokenLogSum;
    let windowReadyAt = -Infinity;
    // The window is (now − 60 s, now]: an entry stops counting at exactly at + 60 s.
    for (const entry of this.tokenLog) {
      if (sum + limit <= this.tpm) break; // for an oversized task (limit = tpm) this means sum = 0
      sum -= entry.tokens;
      windowReadyAt = entry.at + MINUTE;
    }
    return Math.max(this.tokenFreeAt, windowReadyAt);
  }

  private wakeAt(at: number, now: number): void {
    for (const w of this.wakeups) if (w <= at) return; // an earlier pump will re-check
    this.wakeups.add(at);
    void this.sleep(Math.max(1, Math.ceil(at - now))).then(() => {
      this.wakeups.delete(at);
      this.pump();
    });
  }

  // -------------------------------------------------------------------------------------------
  // Rate adaptation

  private onRateLimited(error: RetryableError, startedAt: number): void {
    const now = this.now();
    this.counts.rateLimited++;
    this.consecutiveRateLimits++;
    this.successRun = 0;
    const pause = error.retryAfterMs ?? this.pauseBackoff();
    this.pausedUntil = Math.max(this.pausedUntil, now + pause);
    this.onEvent({ type: 'rate-limited', detail: `${error.message}; pausing all calls for ${Math.round(pause)} ms` });
    // Calls already in flight when we lowered were started at the old rate: their 429s say nothing
    // new, and lowering once per call would collapse the rate (16 workers → 0.8^16).
    if (startedAt < this.loweredAt) return;
    // From the rate we pace at; with none, from what we actually did in the last minute.
    const observed = this.observedRpm(now);
    const from = this.effectiveRpm ?? observed;
    if (!this.lowered) this.recoverTo = this.rpm ?? from;
    const before = this.effectiveRpm;
    this.effectiveRpm = Math.max(MIN_RPM, from * this.lowerFactor);
    this.lowered = true;
    this.loweredAt = now;
    this.onEvent({
      type: 'rate-lowered',
      detail: `${before === null ? 'unlimited' : `${round(before)} rpm`} → ${round(this.effectiveRpm)} rpm (observed ${round(observed)} rpm)`,
    });
  }

  private onSuccess(startedAt: number): void {
    this.consecutiveRateLimits = 0;
    if (!this.lowered || startedAt < this.loweredAt || this.effectiveRpm === null) return;
    if (++this.successRun < this.recoverAfter) return;
    this.successRun = 0;
    const target = this.recoverTo ?? this.effectiveRpm;
    const next = this.effectiveRpm + Math.max(1, target * this.recoverStep);
    if (next < target) {
      this.effectiveRpm = next;
      return;
    }
    this.effectiveRpm = this.rpm; // null again when no rpm was configured
    this.lowered = false;
    this.loweredAt = -Infinity;
    this.onEvent({
      type: 'rate-recovered',
      detail: this.rpm === null ? 'back to unlimited' : `back to the configured ${round(this.rpm)} rpm`,
    });
  }

  /** Starts per minute over the last minute (at least 1 s of history, so a first burst is not ∞). */
  private observedRpm(now: number): number {
    dropOlderThan(this.recentStarts, now - MINUTE, (at) => at);
    const first = this.recentStarts[0];
    if (first === undefined) return MIN_RPM;
    const span = Math.max(1000, now - first);
    return (this.recentStarts.length * MINUTE) / span;
  }

  /** Full jitter (AWS): uniform in [0, min(max, base·2^(n−1))]. */
  private jitteredBackoff(attempt: number): number {
    return this.random() * Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
  }

  /**
   * A 429 without Retry-After: the pause is pool-wide, so "equal jitter" (half fixed, half random)
   * keeps a real wait where full jitter could draw ~0 and hit the server again at once.
   */
  private pauseBackoff(): number {
    const cap = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (this.consecutiveRateLimits - 1));
    return cap / 2 + (this.random() * cap) / 2;
  }
}

/** Removes (and returns) the leading entries at or before `cutoff` from a time-ordered log. */
function dropOlderThan<E>(log: E[], cutoff: number, at: (e: E) => number): E[] {
  let n = 0;
  while (n < log.length && at(log[n]!) <= cutoff) n++;
  return log.splice(0, n);
}

const round = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));
