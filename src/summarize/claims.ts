/**
 * One paper, paid once, however many `summarize` and `run` processes work on a day at the same
 * time: a Summarizer that claims each paper in the store (summary_claims) before asking the
 * provider, so concurrent processes share the day's papers instead of each paying for all.
 *
 * - A paper is claimed only when a request slot is free (at most `concurrency` claims at once),
 *   so two processes walking the same list split it rather than one claiming everything first.
 * - A paper another live process holds is left to it: this process goes on with the next ones
 *   and, when that paper is let go, finds it done (SummarizedElsewhere: 0 calls) or, when the
 *   other process stopped before it (a cost cap, a bad key), does it itself.
 * - Claims are renewed while held and expire otherwise; a claim whose holder died on this host
 *   (kill -9) is taken over at once.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { processAlive } from '../core/process-alive.js';
import { AppError } from '../errors.js';
import type { Store, SummaryKey } from '../store/store.js';
import type { Summarizer, SummaryOutcome, SummaryRequest } from './types.js';

/** The paper was summarized by another process while this one waited for it: nothing to store. */
export class SummarizedElsewhere extends AppError {
  override name = 'SummarizedElsewhere';
}

export interface ClaimOptions {
  store: Pick<Store, 'claimSummary' | 'summaryClaim' | 'renewSummaryClaims' | 'releaseSummary' | 'getSummary'>;
  /** Claims held at once: the provider's request slots (LLM_CONCURRENCY). */
  concurrency: number;
  /** A claim lasts this long unless renewed (renewed every third of it; default 60 s). */
  ttlMs?: number;
  /** How often a paper held elsewhere is looked at again (default 250 ms). */
  pollMs?: number;
  /** Whether a pid is alive on this host (tests). */
  isAlive?: (pid: number) => boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function claimedSummarizer(inner: Summarizer, o: ClaimOptions): Summarizer {
  const host = hostname();
  const holder = `${host}:${process.pid}:${randomBytes(6).toString('hex')}`;
  const ttlMs = o.ttlMs ?? 60_000;
  const pollMs = o.pollMs ?? 250;
  const isAlive = o.isAlive ?? processAlive;
  // Rows finished after this by someone else were done concurrently (see summarize()).
  const since = new Date().toISOString();
  let free = Math.max(1, o.concurrency);
  const waiting: (() => void)[] = [];
  const acquire = async (): Promise<void> => {
    if (free > 0) free--;
    else await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  let held = 0;
  let renewal: NodeJS.Timeout | null = null;
  const hold = (): void => {
    if (held++ === 0)
      renewal = setInterval(() => o.store.renewSummaryClaims(holder, ttlMs), Math.max(10, ttlMs / 3)).unref();
  };
  const stopHolding = (): void => {
    if (--held === 0 && renewal) clearInterval(renewal);
  };
  const letGo = (key: SummaryKey): void => {
    o.store.releaseSummary(key, holder);
    stopHolding();
  };
  /** A holder on this host whose process is gone. */
  const dead = (other: string): boolean => {
    const [h, pid] = other.split(':');
    return h === host && pid !== undefined && !isAlive(Number(pid));
  };

  return {
    id: inner.id,
    promptVersion: inner.promptVersion,
    ...(inner.usage ? { usage: () => inner.usage!() } : {}),
    async summarize(req: SummaryRequest): Promise<SummaryOutcome> {
      const key: SummaryKey = {
        paperId: req.paperId,
        version: req.version,
        language: req.language,
        summarizer: inner.id,
        promptVersion: inner.promptVersion,
      };
      let replacing: string | null = null;
      for (;;) {
        await acquire();
        let claimed = false;
        try {
          const owner = o.store.claimSummary(key, holder, ttlMs, replacing);
          claimed = owner === holder;
          if (claimed) {
            hold();
            let answered = false;
            try {
              const now = o.store.getSummary(key);
              if (now && now.status !== 'pending' && now.updatedAt >= since)
                throw new SummarizedElsewhere(`${req.paperId} was summarized by another process meanwhile`);
              const outcome = await inner.summarize(req);
              answered = true;
              return outcome;
            } finally {
              // An answer keeps its claim until the caller stores it (the store ends the claim in
              // that write); released now, another process could pay for the paper again.
              if (answered) stopHolding();
              else letGo(key);
            }
          }
        } finally {
          release();
        }
        // Held by another process: wait for it to let go, without holding a slot.
        for (;;) {
          const other = o.store.summaryClaim(key);
          if (other === null) {
            replacing = null;
            break;
          }
          if (dead(other)) {
            replacing = other;
            break;
          }
          await sleep(pollMs);
        }
      }
    },
  };
}
