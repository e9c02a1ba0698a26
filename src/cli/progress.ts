/**
 * Progress for long commands: a bar on a TTY, otherwise a plain line every few seconds (so CI
 * logs stay readable). Lines a command prints while the bar is shown go through `log`, which
 * prints them above the bar instead of through it.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, detail?: string): void;
  /** Writes a line (ending in \n) to `to`, above the bar when both share the terminal. */
  log(to: NodeJS.WriteStream, text: string): void;
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
    return {
      update: (done, detail = '') => bar.update(done, { detail }),
      log(to, text) {
        if (!to.isTTY) return void to.write(text);
        // Clear the bar's line, print the text there, and draw the bar again below it.
        stream.write('\r\x1b[2K');
        to.write(text);
        // render(true) forces a redraw even when the bar's text has not changed (untyped argument).
        (bar as unknown as { render(force: boolean): void }).render(true);
      },
      stop: () => bar.stop(),
    };
  }
  const every = opts.everyMs ?? 3000;
  let last = now();
  return {
    update(done, detail) {
      if (now() - last < every) return;
      last = now();
      stream.write(`${opts.label}: ${done}/${opts.total}${detail ? ` ${detail}` : ''}\n`);
    },
    log: (to, text) => to.write(text),
    stop() {},
  };
}
