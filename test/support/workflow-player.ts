/**
 * Plays a GitHub Actions workflow's jobs on this machine, the way a runner would, so a test can
 * run the GitHub Actions template for real: its `run:` steps as bash (`bash --noprofile --norc
 * -eo pipefail`, as GitHub runs them) with the job's environment, `$GITHUB_OUTPUT` and
 * `working-directory`; its expressions (`vars`, `secrets`, `github`, `steps.*.outputs`,
 * `needs.*.outputs`, `||`, `&&`, `==`, `!=`, `!`, `format()`, `always()`, `cancelled()`); and the
 * actions it uses, each replaced by what it does here:
 *
 * - actions/checkout: a clone of the test's bare "GitHub" repository, with the project's built
 *   code linked in (bin, dist, node_modules) so `./bin/arxiv-digest` runs;
 * - actions/setup-node and `npm ci`: nothing (this machine has both);
 * - actions/cache/restore and /save: a folder standing for the repository's cache entries
 *   (delete it to lose the cache);
 * - actions/upload-pages-artifact and actions/deploy-pages: the deployed site, a folder.
 *
 * A `${{ }}` inside a `run:` script is refused: a script must read expressions through `env`,
 * which is also GitHub's advice against script injection.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string | boolean;
  with?: Record<string, string>;
  env?: Record<string, string>;
  'working-directory'?: string;
}

interface Job {
  needs?: string | string[];
  if?: string | boolean;
  env?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: Step[];
}

export interface Workflow {
  on: unknown;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

export interface PlayOptions {
  /** The bare repository standing for GitHub's (origin). */
  origin: string;
  /** Folder of the repository's Actions cache entries (one sub-folder per key). */
  cache: string;
  /** Where the Pages deployment lands (the last deployed site). */
  pages: string;
  vars?: Record<string, string>;
  secrets?: Record<string, string>;
  /** A fresh runner's workspace (removed first). */
  workspace: string;
  runId: number;
  /** Extra environment for every step (e.g. loopback URLs the variables would hold). */
  env?: Record<string, string>;
}

export interface StepLog {
  job: string;
  step: string;
  skipped: boolean;
  code: number;
  stdout: string;
  stderr: string;
}

export interface PlayResult {
  /** Per job: success, failure or skipped. */
  jobs: Record<string, 'success' | 'failure' | 'skipped'>;
  steps: StepLog[];
  deployed: boolean;
}

export const loadWorkflow = (file: string): Workflow => parse(readFileSync(file, 'utf8')) as Workflow;

type Context = Record<string, unknown>;

/** Evaluates a GitHub expression (the body of `${{ }}`) over a context. */
export function evaluate(expr: string, ctx: Context, status: { failed: boolean }): unknown {
  const tokens = expr.match(/'(?:[^']|'')*'|&&|\|\||==|!=|!|\(|\)|,|[A-Za-z_][\w.-]*|\d+/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const truthy = (v: unknown) => v !== '' && v !== null && v !== undefined && v !== false && v !== 0;
  const primary = (): unknown => {
    const t = next();
    if (t === undefined) throw new Error(`unexpected end of ${expr}`);
    if (t === '!') return !truthy(primary());
    if (t === '(') {
      const v = or();
      next();
      return v;
    }
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (/^\d+$/.test(t)) return Number(t);
    if (peek() === '(') {
      next();
      const args: unknown[] = [];
      while (peek() !== ')') {
        args.push(or());
        if (peek() === ',') next();
      }
      next();
      if (t === 'always') return true;
      if (t === 'cancelled') return false;
      if (t === 'success') return !status.failed;
      if (t === 'failure') return status.failed;
      if (t === 'format')
        return String(args[0]).replace(/\{(\d+)\}/g, (_, n: string) => String(args[Number(n) + 1] ?? ''));
      throw new Error(`workflow-player: function ${t}() is not known`);
    }
    let v: unknown = ctx;
    for (const part of t.split('.')) v = v && typeof v === 'object' ? (v as Context)[part] : undefined;
    return v ?? '';
  };
  const compare = (): unknown => {
    let v = primary();
    while (peek() === '==' || peek() === '!=') {
      const op = next();
      const r = primary();
      v = op === '==' ? String(v) === String(r) : String(v) !== String(r);
    }
    return v;
  };
  const and = (): unknown => {
    let v = compare();
    while (peek() === '&&') {
      next();
      const r = compare();
      v = truthy(v) ? r : v;
    }
    return v;
  };
  const or = (): unknown => {
    let v = and();
    while (peek() === '||') {
      next();
      const r = and();
      v = truthy(v) ? v : r;
    }
    return v;
  };
  return or();
}

/** Replaces every `${{ … }}` in a string. */
const substitute = (text: string, ctx: Context, status: { failed: boolean }): string =>
  text.replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, (_, e: string) => String(evaluate(e, ctx, status) ?? ''));

const condition = (cond: string | boolean | undefined, ctx: Context, status: { failed: boolean }): boolean => {
  if (cond === undefined) return !status.failed;
  if (typeof cond === 'boolean') return cond;
  const body = cond.replace(/^\s*\$\{\{\s*([\s\S]*?)\s*\}\}\s*$/, '$1');
  // GitHub adds success() unless the condition names a status function itself.
  const v = evaluate(body, ctx, status);
  const named = /\b(always|cancelled|failure|success)\(\)/.test(body);
  return (named || !status.failed) && v !== '' && v !== false && v !== null && v !== undefined && v !== 0;
};

function checkout(workspace: string, origin: string): void {
  rmSync(workspace, { recursive: true, force: true });
  const clone = spawnSync('git', ['clone', '--quiet', origin, workspace], { encoding: 'utf8' });
  if (clone.status !== 0) throw new Error(`checkout: ${clone.stderr}`);
  // The project's built code, as `npm ci` would leave it.
  for (const part of ['bin', 'dist', 'node_modules', 'package.json'])
    if (!existsSync(join(workspace, part))) symlinkSync(join(REPO, part), join(workspace, part));
}

export async function playWorkflow(wf: Workflow, opts: PlayOptions): Promise<PlayResult> {
  const result: PlayResult = { jobs: {}, steps: [], deployed: false };
  const needs: Record<string, { outputs: Record<string, string>; result: string }> = {};
  const github = {
    run_id: String(opts.runId),
    repository_owner: 'reader',
    token: 'ghs_workflow_token_for_tests',
    event: { repository: { name: 'my-arxiv' } },
  };
  for (const [name, job] of Object.entries(wf.jobs)) {
    const status = { failed: false };
    const base: Context = { vars: opts.vars ?? {}, secrets: opts.secrets ?? {}, github, needs };
    const deps = job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
    const depsOk = deps.every((d) => needs[d]?.result === 'success');
    if (!condition(job.if, base, { failed: !depsOk })) {
      result.jobs[name] = 'skipped';
      needs[name] = { outputs: {}, result: 'skipped' };
      continue;
    }
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(job.env ?? {})) env[k] = substitute(String(v), { ...base, env }, status);
    const steps: Record<string, { outputs: Record<string, string> }> = {};
    const outputFile = join(opts.workspace, '..', `github-output-${opts.runId}-${name}`);
    if (name !== 'deploy') checkoutOnce();
    for (const [n, step] of job.steps.entries()) {
      const label = step.name ?? step.uses ?? step.run?.split('\n')[0] ?? `step ${n}`;
      const ctx: Context = { ...base, env, steps };
      if (!condition(step.if, ctx, status)) {
        result.steps.push({ job: name, step: label, skipped: true, code: 0, stdout: '', stderr: '' });
        continue;
      }
      const outputs: Record<string, string> = {};
      let code = 0;
      let stdout = '';
      let stderr = '';
      const w = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), ctx, status)]),
      );
      const at = (p: string) => join(opts.workspace, p);
      if (step.uses) {
        const action = step.uses.replace(/@.*$/, '');
        if (action === 'actions/cache/restore') {
          const key =
            w.key && existsSync(join(opts.cache, w.key))
              ? w.key
              : latestEntry(opts.cache, String(w['restore-keys'] ?? ''));
          if (key) cpSync(join(opts.cache, key), at(w.path!), { recursive: true });
          outputs['cache-hit'] = String(key === w.key);
        } else if (action === 'actions/cache/save') {
          if (existsSync(at(w.path!)))
            cpSync(at(w.path!), join(opts.cache, `${w.key!}`), {
              recursive: true,
              filter: (src) => !src.endsWith('.lock'),
            });
        } else if (action === 'actions/upload-pages-artifact') {
          rmSync(join(opts.pages, '..', 'artifact'), { recursive: true, force: true });
          cpSync(at(w.path!), join(opts.pages, '..', 'artifact'), { recursive: true });
        } else if (action === 'actions/deploy-pages') {
          rmSync(opts.pages, { recursive: true, force: true });
          cpSync(join(opts.pages, '..', 'artifact'), opts.pages, { recursive: true });
          result.deployed = true;
        } else if (!['actions/checkout', 'actions/setup-node'].includes(action)) {
          throw new Error(`workflow-player: no stand-in for ${step.uses}`);
        }
      } else if (step.run !== undefined && step.run.trim() !== 'npm ci') {
        if (step.run.includes('${{')) throw new Error(`workflow-player: an expression inside a run script: ${label}`);
        const stepEnv: Record<string, string> = {};
        for (const [k, v] of Object.entries(step.env ?? {})) stepEnv[k] = substitute(String(v), ctx, status);
        writeFileSync(outputFile, '');
        // Not spawnSync: the test's stand-ins answer from this process's event loop.
        const r = await bash(step.run, {
          cwd: step['working-directory'] ? at(step['working-directory']) : opts.workspace,
          env: {
            PATH: process.env.PATH,
            HOME: join(opts.workspace, '..', 'home'),
            GITHUB_OUTPUT: outputFile,
            GITHUB_WORKSPACE: opts.workspace,
            CI: 'true',
            ...opts.env,
            ...env,
            ...stepEnv,
          },
        });
        code = r.status;
        stdout = r.stdout;
        stderr = r.stderr;
        for (const line of readFileSync(outputFile, 'utf8').split('\n')) {
          const m = /^([\w-]+)=(.*)$/.exec(line);
          if (m) outputs[m[1]!] = m[2]!;
        }
      }
      if (step.id) steps[step.id] = { outputs };
      result.steps.push({ job: name, step: label, skipped: false, code, stdout, stderr });
      if (code !== 0) status.failed = true;
    }
    const outputs = Object.fromEntries(
      Object.entries(job.outputs ?? {}).map(([k, v]) => [k, substitute(String(v), { ...base, env, steps }, status)]),
    );
    result.jobs[name] = status.failed ? 'failure' : 'success';
    needs[name] = { outputs, result: result.jobs[name] };
  }
  return result;

  function checkoutOnce() {
    mkdirSync(join(opts.workspace, '..', 'home'), { recursive: true });
    checkout(opts.workspace, opts.origin);
  }
}

function bash(
  script: string,
  opts: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ status: number; stdout: string; stderr: string }> {
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { ...opts, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += String(d)));
  child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
  return new Promise((resolve) => child.on('close', (code) => resolve({ status: code ?? 1, stdout, stderr })));
}

/** The newest cache entry whose key starts with a restore-keys prefix (GitHub's rule). */
function latestEntry(cache: string, prefixes: string): string | undefined {
  if (!existsSync(cache)) return undefined;
  const entries = spawnSync('ls', ['-1t', cache], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  for (const p of prefixes.split('\n').filter(Boolean)) {
    const hit = entries.find((e) => e.startsWith(p));
    if (hit) return hit;
  }
  return undefined;
}
