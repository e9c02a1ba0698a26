/**
 * Secrets never leave, with real processes: a provider that quotes the API key in every error
 * (and is retried), an SMTP server that quotes the password it was sent, and a Slack webhook
 * that quotes its own URL. The key, the password, the webhook token and the web app's access
 * token must then appear nowhere a user or a reader could see them: what `summarize`, `run`,
 * `doctor` and `serve` print, the store's file (summaries, runs, deliveries — every byte), the
 * Markdown, the JSONL, the site, the three feeds, and the web app's pages and API.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it, onTestFinished } from 'vitest';
import { jsonl, refLine, testDir } from '../support/fixtures.js';
import { startChatStandIn } from '../support/chat-standins.js';
import { cli, cliAsync, cliRun } from '../support/cli.js';
import { startOpenAiStandIn } from '../support/openai-standin.js';

const DAY = '2026-01-05';
const KEY = 'sk-live-7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c1e';
const PASS = 'hunter2-smtp-password-9Qz';
const TOKEN = 'web-app-access-token-4d7e9a1c3b5f';

/** Every file below `dir`, with its bytes. */
function files(dir: string): [string, Buffer][] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((p) => statSync(p).isFile())
    .map((p) => [p, readFileSync(p)]);
}

async function smtpEchoingPassword() {
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      // Some servers (and relays) quote what they were sent.
      callback(
        Object.assign(new Error(`Authentication failed for ${auth.username} with password ${auth.password}`), {
          responseCode: 535,
        }),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return (server.server.address() as AddressInfo).port;
}

describe('secrets never leave', () => {
  it('should keep the key, the SMTP password, the webhook token and the access token out of everything printed, stored and published', async () => {
    const ids = ['2401.10001', '2401.10002', '2401.10003'];
    const cwd = testDir({
      [`${DAY}.jsonl`]: jsonl(
        ids.map((id, i) =>
          refLine({
            id,
            title: `Sparse attention, part ${i}`,
            summary: 'Long documents are costly. We propose sparse attention.',
          }),
        ),
      ),
    });
    expect(cli(['import', `${DAY}.jsonl`], { cwd }).code).toBe(0);
    const llm = await startOpenAiStandIn({ echoKeyStatus: 500 });
    onTestFinished(() => llm.close());
    const chat = await startChatStandIn();
    onTestFinished(() => chat.close());
    const webhookToken = new URL(chat.slackWebhookUrl).pathname.split('/').pop()!;
    expect(webhookToken.length).toBeGreaterThanOrEqual(16);
    chat.addFault('slack', { type: '400', body: `invalid_payload for ${chat.slackWebhookUrl} (${webhookToken})` }, 10);
    const smtpPort = await smtpEchoingPassword();
    const env = {
      OPENAI_API_KEY: KEY,
      OPENAI_BASE_URL: llm.url,
      LANGUAGE: 'English',
      SLACK_WEBHOOK_URL: chat.slackWebhookUrl,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      SMTP_USER: 'digest@example.org',
      SMTP_TO: 'reader@example.org',
      ARXIV_DIGEST_TOKEN: TOKEN,
    };
    const secrets = [KEY, PASS, webhookToken, TOKEN, encodeURIComponent(KEY)];
    const seen: [string, string][] = [];
    const shown = (where: string, text: string) => seen.push([where, text]);

    const summarize = await cliRun(['summarize', '--date', DAY, '--concurrency', '1'], { cwd, env });
    shown('summarize', summarize.stdout + summarize.stderr);
    expect(summarize.code).toBe(1);
    // The provider's error did reach the terminal (and the store), every retry — without the key.
    expect(summarize.stderr).toMatch(/Incorrect API key provided: \*\*\*/);
    expect(llm.requests.length).toBeGreaterThan(3);

    const out = join(cwd, 'out');
    const run = await cliRun(['run', '--no-fetch', '--date', DAY, '--out', out], {
      cwd,
      env: { ...env, SMTP_PASS: PASS },
    });
    shown('run', run.stdout + run.stderr);
    expect(run.code).toBe(1); // the deliveries failed
    expect(run.stderr).toContain('slack');
    expect(run.stderr).toMatch(/password \*\*\*/);

    const doctor = await cliRun(['doctor'], { cwd, env: { ...env, SMTP_PASS: PASS } });
    shown('doctor', doctor.stdout + doctor.stderr);
    expect(doctor.stdout).toMatch(/✗ LLM summary: .*Incorrect API key provided: \*\*\*/);
    expect(doctor.stdout).toMatch(/✗ e-mail: .*with password \*\*\*/);

    const md = cli(['render', '--date', DAY, '--format', 'markdown'], { cwd, env });
    expect(md.stdout).toContain('Summary status: failed');
    shown('render', md.stdout + md.stderr);

    // The web app: its pages and API as a reader with the token sees them.
    const serve = cliAsync(['serve', '--port', '0', '--workers', '1'], { cwd, env });
    onTestFinished(() => void serve.kill('SIGKILL'));
    let log = '';
    const url = await new Promise<string>((resolve) =>
      serve.stderr.on('data', (d: Buffer) => {
        log += String(d);
        const m = /serve: (http:\/\/\S+)/.exec(log);
        if (m) resolve(m[1]!);
      }),
    );
    const auth = { headers: { Authorization: `Bearer ${TOKEN}` } };
    for (const path of [
      `/api/papers/${ids[0]}`,
      `/papers/${ids[0]}`,
      `/days/${DAY}`,
      `/api/days/${DAY}`,
      '/api/search?q=sparse',
    ]) {
      const res = await fetch(`${url}${path}`, auth);
      expect([path, res.status]).toEqual([path, 200]);
      shown(`serve ${path}`, await res.text());
    }
    const paper = (await (await fetch(`${url}/api/papers/${ids[0]}`, auth)).json()) as {
      summaries: { error: string }[];
    };
    expect(paper.summaries[0]!.error).toContain('Incorrect API key provided: ***');
    serve.kill('SIGTERM');
    await new Promise((resolve) => serve.on('close', resolve));
    shown('serve log', log);

    for (const [path, bytes] of [...files(out), ...files(join(cwd, 'data'))]) shown(path, bytes.toString('latin1'));
    const published = files(out).map(([p]) => p.slice(out.length + 1));
    for (const expected of [
      `${DAY}.md`,
      `${DAY}_AI_enhanced_English.jsonl`,
      'feed.xml',
      'atom.xml',
      'feed.json',
      'site/index.html',
    ])
      expect(published).toContain(expected);

    const leaks = seen.flatMap(([where, text]) =>
      secrets.filter((s) => text.includes(s)).map((s) => `${where}: ${s.slice(0, 8)}…`),
    );
    expect(leaks).toEqual([]);
  }, 60_000);
});
