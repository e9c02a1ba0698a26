/** Process entry for bin/arxiv-digest. */
import { main } from './main.js';

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
