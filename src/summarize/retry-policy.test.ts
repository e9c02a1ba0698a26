import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, isRetryableFailure, nextAttemptAt, retryDecision } from './retry-policy.js';

const now = new Date('2026-09-23T20:30:00Z');
const failed = (attempts: number, retryAfter: string | null) => ({
  status: 'failed' as const,
  error: 'HTTP 500',
  attempts,
  retryAfter,
});

describe('retry policy', () => {
  it('should wait 1 h, 4 h, 16 h between attempts, and none after the fourth', () => {
    const out = { status: 'failed' as const, error: 'x' };
    expect(nextAttemptAt(out, 1, now)).toBe('2026-09-23T21:30:00.000Z');
    expect(nextAttemptAt(out, 2, now)).toBe('2026-09-24T00:30:00.000Z');
    expect(nextAttemptAt(out, 3, now)).toBe('2026-09-24T12:30:00.000Z');
    expect(nextAttemptAt(out, MAX_ATTEMPTS, now)).toBeNull();
    expect(nextAttemptAt({ status: 'ok', error: null }, 1, now)).toBeNull();
  });

  it("should retry failures and the provider's filter, not a refusal the model wrote", () => {
    expect(isRetryableFailure({ status: 'failed', error: 'anything' })).toBe(true);
    expect(
      isRetryableFailure({ status: 'refused', error: "refused by the provider's content filter (HTTP 400: …)" }),
    ).toBe(true);
    expect(isRetryableFailure({ status: 'refused', error: 'refused: I cannot help with that.' })).toBe(false);
    expect(nextAttemptAt({ status: 'refused', error: 'refused: no' }, 1, now)).toBeNull();
  });

  it('should say due, later, given up or done; --retry-failed means now, whatever the count', () => {
    const opts = { retryFailed: false, now };
    expect(retryDecision({ status: 'pending', error: null }, opts)).toBe('due');
    expect(retryDecision({ status: 'ok', error: null }, { retryFailed: true, now })).toBe('done');
    expect(retryDecision(failed(1, '2026-09-23T20:30:00.000Z'), opts)).toBe('due');
    expect(retryDecision(failed(1, '2026-09-23T21:30:00.000Z'), opts)).toBe('later');
    expect(retryDecision(failed(4, null), opts)).toBe('given-up');
    expect(retryDecision(failed(4, null), { retryFailed: true, now })).toBe('due');
    expect(retryDecision({ status: 'refused', error: 'refused: no', attempts: 1, retryAfter: null }, opts)).toBe(
      'done',
    );
    expect(
      retryDecision(
        { status: 'refused', error: 'refused: no', attempts: 1, retryAfter: null },
        { retryFailed: true, now },
      ),
    ).toBe('due');
  });
});
