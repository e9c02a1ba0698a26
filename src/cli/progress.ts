/**
 * Progress for long commands: a bar on a TTY, otherwise a plain line every few seconds (so CI
 * logs stay readable). Short jobs print nothing.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, detail?: string): void;
  stop(): void;
}

export interface ProgressOptions {
  label: string;
  total: number;
  stream?: NodeJS.WriteStream;
  /** Interval between plain lines when not on a TTY. */
  everyMs?: number;
  now?: () => number;
}

export function createProgress(opts: ProgressOptions): Progress {
  const stream = opts.stream ?? process.stderr;
  const now = opts.now ?? Date.now;
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${opts.label} [{bar}] {value}/{total} {detail}`, stream, hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(opts.total, 0, { detail: '' });
    return { update: (done, detail = '') => bar.update(done, { detail }), stop: () => bar.stop() };
  }
  const every = opts.everyMs ?? 3000;
  let last = now();
  return {
    update(done, detail) {
      if (now() - last < every) return;
      last = now();
      stream.write(`${opts.label}: ${done}/${opts.total}${detail ? ` ${detail}` : ''}\n`);
    },
    stop() {},
  };
}
