/** Process entry for bin/arxiv-digest. */
import { main } from './main.js';

// `render … | head`: the reader closed the pipe. What they did not read is not an error; end
// quietly instead of printing EPIPE's stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

// Set the code and let Node exit by itself, so a large render piped to stdout is fully flushed.
main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`arxiv-digest: ${String(e)}\n`);
    process.exit(1);
  },
);
