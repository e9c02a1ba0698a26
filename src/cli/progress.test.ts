import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';

function capture(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  stream.isTTY = isTTY;
  return { stream, text: () => chunks.join('') };
}

describe('createProgress without a TTY', () => {
  it('should print a plain line at most every few seconds', () => {
    const out = capture(false);
    let t = 0;
    const p = createProgress({ label: 'import', total: 10, stream: out.stream, everyMs: 3000, now: () => t });
    p.update(1);
    t = 1000;
    p.update(2);
    t = 3500;
    p.update(3, 'b.jsonl');
    t = 4000;
    p.update(4);
    p.stop();
    expect(out.text()).toBe('import: 3/10 b.jsonl\n');
  });

  it('should pass logged lines straight through', () => {
    const out = capture(false);
    createProgress({ label: 'x', total: 1, stream: out.stream }).log(out.stream, 'hello\n');
    expect(out.text()).toBe('hello\n');
  });
});
