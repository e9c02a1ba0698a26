/** Small timing statistics for the bench: medians and tail percentiles over millisecond samples. */
import { performance } from 'node:perf_hooks';

export interface Summary {
  n: number;
  min: number;
  median: number;
  p95: number;
  max: number;
}

const sorted = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of no samples');
  const s = sorted(xs);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Nearest-rank percentile: always a sample that was actually observed, never an interpolation.
 * bench/reference-convert.py uses the same definition, so both sides' p95 mean the same thing.
 */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) throw new Error('percentile of no samples');
  const s = sorted(xs);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]!;
}

export function summarize(xs: readonly number[]): Summary {
  const s = sorted(xs);
  return { n: s.length, min: s[0]!, median: median(s), p95: percentile(s, 95), max: s[s.length - 1]! };
}

/** Wall time of one call, in ms. */
export function timeMs(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * Runs fn `warmup` times untimed (so the JIT, SQLite page cache and statement cache are hot),
 * then `iterations` times timed. A full GC first keeps garbage from earlier phases out of the
 * samples; GC caused by fn itself stays in, since a real render pays for it too.
 */
export function sample(fn: () => void, warmup: number, iterations: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  globalThis.gc?.();
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) out.push(timeMs(fn));
  return out;
}
