/**
 * The command-line entry: parses arguments, runs one command, and turns its outcome into an exit
 * code (0 ok, 1 failure, 2 bad usage). The only place that exits the process. Command modules
 * are loaded on demand so `render` does not pay for `import`'s validation library.
 */
import type { Command as CommandType } from 'commander';
import { createRequire } from 'node:module';
import { redactStream } from '../core/secrets.js';
import { productVersion } from '../core/version.js';
import { AppError, ExitError, UsageError } from '../errors.js';
import type { GlobalOptions, Io } from './context.js';

// CommonJS packages are loaded with require: importing them as ESM runs Node's CJS export
// scanner first, which costs a few milliseconds of every command's start-up.
const require = createRequire(import.meta.url);
const { Command, CommanderError, Option } = require('commander') as typeof import('commander');

export function buildProgram(io: Io, setExit: (code: number) => void): CommandType {
  const program = new Command('arxiv-digest')
    .description('Daily arXiv digest: every new paper in your categories, summarized in your language')
    .version(productVersion())
    .option('--db <path>', 'SQLite store (env ARXIV_DIGEST_DB, default ./data/arxiv-digest.db)')
    .option('--config <file>', 'settings file (default ./arxiv-digest.config.json when present)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  const globals = () => program.opts<GlobalOptions>();
  const wire = (cmd: CommandType) =>
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  wire(
    program
      .command('import')
      .description(
        "import published days — the reference system's data folder or our own --out — files or whole folders (idempotent)",
      )
      .argument(
        '<paths...>',
        'folders (searched recursively) or files: YYYY-MM-DD.jsonl, YYYY-MM-DD_AI_enhanced_Language.jsonl, YYYY-MM-DD.md, day records',
      )
      .option('--date <YYYY-MM-DD>', 'announcement date (default: from the file name)')
      .option('--lang <language>', 'summary language (default: from the file name, else LANGUAGE)')
      .action(async (paths: string[], opts) => {
        const { importCommand } = await import('./commands/import.js');
        setExit(await importCommand(paths, opts, globals(), io));
      }),
  );

  wire(
    profileOptions(
      program
        .command('render')
        .description('write one stored day in one format (stdout without --out)')
        .requiredOption('--date <YYYY-MM-DD|latest>', 'announcement date')
        .addOption(
          new Option('--format <format>', 'output format')
            .choices(['markdown', 'jsonl', 'raw-jsonl', 'json', 'html', 'rss', 'atom', 'jsonfeed', 'bibtex', 'ris'])
            .default('markdown'),
        )
        .option(
          '--categories <order>',
          'category order, comma-separated; others follow alphabetically (default: CATEGORIES)',
        )
        .option('--lang <language>', 'summary language (default: LANGUAGE)')
        .option('--out <file>', 'write to this file instead of stdout'),
    ).action(async (opts) => {
      const { renderCommand } = await import('./commands/render.js');
      setExit(await renderCommand(opts, globals(), io));
    }),
  );

  wire(
    program
      .command('search')
      .description('full-text search over titles, authors, abstracts and summaries (SQLite FTS5, bm25)')
      .argument('<query...>', 'words, "phrases", prefix*, AND/OR/NOT, title:word')
      .option('--json', 'print hits as JSON')
      .option('--limit <n>', 'maximum number of hits', '20')
      .action(async (words: string[], opts) => {
        const { searchCommand } = await import('./commands/search.js');
        setExit(await searchCommand(words, opts, globals(), io));
      }),
  );

  wire(
    program
      .command('fetch')
      .description("discover a day's announcements in your categories and store them with full metadata")
      .option('--date <YYYY-MM-DD|latest>', 'listing date; latest = the announcement feed', 'latest')
      .option('--categories <list>', 'categories, comma-separated (default: CATEGORIES)')
      .option('--include <list>', 'also include: cross (cross-lists from other categories), replace (replacements)')
      .action(async (opts) => {
        const { fetchCommand } = await import('./commands/fetch.js');
        setExit(await fetchCommand(opts, globals(), io));
      }),
  );

  wire(
    profileOptions(
      summaryLimitOptions(
        program
          .command('summarize')
          .description("summarize a day's papers into tldr, motivation, method, result and conclusion (once per paper)")
          .option('--date <YYYY-MM-DD|latest>', 'announcement date', 'latest')
          .option('--lang <language>', 'summary language, any language name (default: LANGUAGE)')
          .addOption(
            new Option('--provider <provider>', 'openai (needs OPENAI_API_KEY) or offline').choices([
              'openai',
              'offline',
            ]),
          )
          .option('--model <model>', 'model name (default: MODEL_NAME)')
          .option('--concurrency <n>', 'requests in flight (default: LLM_CONCURRENCY or 8)')
          .option('--rpm <n>', 'requests per minute to keep to (default: LLM_RPM, unlimited)')
          .option('--tpm <n>', 'tokens per minute to keep to (default: LLM_TPM, unlimited)')
          .option('--max-cost-usd <usd>', 'stop starting requests once the run has cost this much')
          .option(
            '--retry-failed',
            'summarize failed and refused papers now, whatever their attempts (failures are retried by later runs anyway)',
          ),
      ),
    ).action(async (opts) => {
      const { summarizeCommand } = await import('./commands/summarize.js');
      setExit(await summarizeCommand(opts, globals(), io));
    }),
  );

  wire(
    program
      .command('backfill')
      .description('harvest history from OAI-PMH (resumable) into the store')
      .requiredOption('--from <YYYY-MM-DD>', 'first datestamp')
      .requiredOption('--to <YYYY-MM-DD>', 'last datestamp')
      .option('--categories <list>', 'categories, comma-separated (default: CATEGORIES)')
      .option('--include <list>', 'also include: cross, replace')
      .addOption(
        new Option('--format <format>', 'OAI-PMH metadata format').choices(['arXivRaw', 'arXiv']).default('arXivRaw'),
      )
      .action(async (opts) => {
        const { backfillCommand } = await import('./commands/fetch.js');
        setExit(await backfillCommand(opts, globals(), io));
      }),
  );

  wire(
    profileOptions(
      summaryLimitOptions(
        program
          .command('run')
          .description(
            'the daily job: fetch, summarize, publish (files, site, feeds) and deliver, once per announcement date',
          )
          .option('--date <YYYY-MM-DD|latest>', 'announcement date', 'latest')
          .option('--categories <list>', 'categories, also the section order (default: CATEGORIES)')
          .option('--include <list>', 'also include: cross, replace')
          .option('--lang <language>', 'summary language (default: LANGUAGE)')
          .option('--out <dir>', 'output folder (default ./data)')
          .option('--no-fetch', 'use what is stored; do not ask arXiv')
          .option('--no-summarize', 'publish without summarizing')
          .option('--no-deliver', 'send no e-mail or chat messages')
          .option(
            '--retry-failed',
            'summarize failed and refused papers now, whatever their attempts (failures are retried by later runs anyway)',
          )
          .option('--max-cost-usd <usd>', 'stop starting LLM requests once the run has cost this much'),
      ),
    ).action(async (opts) => {
      const { runCommand } = await import('./commands/run.js');
      setExit(await runCommand(opts, globals(), io));
    }),
  );

  wire(
    program
      .command('schedule')
      .description('run `run` after each arXiv announcement (20:00 US Eastern, Sunday–Thursday) plus a margin')
      .option('--margin-minutes <n>', 'minutes after 20:00 US Eastern (default: SCHEDULE_MARGIN_MINUTES or 30)')
      .option('--dry-run', 'print the coming run times and exit')
      .option('--count <n>', 'with --dry-run: how many', '5')
      .option('--categories <list>', 'passed to run')
      .option('--lang <language>', 'passed to run')
      .option('--out <dir>', 'passed to run')
      .action(async (opts) => {
        const { scheduleCommand } = await import('./commands/schedule.js');
        setExit(await scheduleCommand(opts, globals(), io));
      }),
  );

  wire(
    profileOptions(
      program
        .command('serve')
        .description('the local web app: days, papers, search, favorites and a JSON API over the store')
        .option('--host <host>', 'address to listen on; anything but loopback needs --token', '127.0.0.1')
        .option('--port <n>', 'port (0 = any free port)', '8080')
        .option(
          '--workers <n>',
          'processes answering requests, 1–64 (env ARXIV_DIGEST_SERVE_WORKERS; default: the CPU cores, at most 4)',
        )
        .addOption(
          new Option(
            '--token <token>',
            'access token every request must carry, at least 16 characters (prefer the env variable)',
          ).env('ARXIV_DIGEST_TOKEN'),
        )
        .option('--generate-token', 'print a new random access token (for ARXIV_DIGEST_TOKEN) and exit')
        .action(async (opts) => {
          const { serveCommand } = await import('./commands/serve.js');
          setExit(await serveCommand(opts, globals(), io));
        }),
    ),
  );

  wire(
    program
      .command('doctor')
      .description('check settings, the store, reachability of each configured endpoint, and which keys are set')
      .action(async () => {
        const { doctorCommand } = await import('./commands/doctor.js');
        setExit(await doctorCommand(globals(), io));
      }),
  );
  return program;
}

/**
 * `--keywords`, `--exclude`, `--authors`: a profile for one command, on top of the config file's
 * (run, render, summarize; serve once wired). Checked with the settings (config/settings.ts).
 */
export function profileOptions(cmd: CommandType): CommandType {
  return cmd
    .option(
      '--keywords <list>',
      'rank up papers with these keywords, comma-separated, "term:weight" for a weight (added to the profile)',
    )
    .option('--exclude <list>', 'rank down papers with these keywords, comma-separated (negative keywords)')
    .option('--authors <list>', 'rank up papers by these authors, comma-separated, "Name:weight" for a weight');
}

/** `--summarize-top`, `--min-score` (run, summarize). */
export function summaryLimitOptions(cmd: CommandType): CommandType {
  return cmd
    .option(
      '--summarize-top <n>',
      'only the N best-ranked papers go to the LLM, the rest are summarized offline (env SUMMARIZE_TOP)',
    )
    .option(
      '--min-score <s>',
      'only papers scoring at least S (-1 to 1; 0.5 = one strong signal) go to the LLM, the rest offline (env MIN_SCORE)',
    );
}

/**
 * SQLite's failures that are the machine's, not a bug: one line, no stack trace. A transaction
 * that failed is rolled back, so nothing half-written is kept.
 */
function storeFailure(e: unknown): string | null {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const words: Record<string, string> = {
    SQLITE_FULL: 'the disk is full',
    SQLITE_READONLY: 'the file or its folder is read-only',
    SQLITE_CANTOPEN: 'the file cannot be opened',
    SQLITE_CORRUPT: 'the file is damaged (restore it from the day files: delete it and run again)',
    SQLITE_NOTADB: 'the file is not an SQLite store',
    SQLITE_IOERR: 'the disk reported an error',
  };
  const what = words[code] ?? words[code.replace(/_[A-Z]+$/, '')] ?? (e instanceof Error ? e.message : code);
  return `the store cannot be written: ${what} (${code}); what was being written is not kept`;
}

export async function main(
  argv: string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  // Whatever is printed — by a command, a library, an error, a retry — has every configured
  // secret redacted (core/secrets.ts), however it got to the terminal.
  for (const stream of new Set([io.stdout, io.stderr, process.stdout, process.stderr])) redactStream(stream);
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof ExitError) {
      if (e.message) io.stderr.write(`arxiv-digest: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof AppError) {
      io.stderr.write(`arxiv-digest: ${e.message}\n`);
      return e instanceof UsageError ? 2 : 1;
    }
    const store = storeFailure(e);
    if (store) {
      io.stderr.write(`arxiv-digest: ${store}\n`);
      return 1;
    }
    io.stderr.write(`arxiv-digest: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
