/**
 * The daily job as a real process against loopback stand-ins for arXiv, an SMTP server and the
 * chat platforms: one run does everything, a second run publishes the same bytes and sends
 * nothing, a failed delivery leaves the digest complete and is the only thing sent again, and
 * the lock keeps two runs apart.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testDir } from '../support/fixtures.js';
import { startArxivStandIn } from '../support/arxiv-standin.js';
import { generateDay } from '../support/arxiv-world.js';
import { startChatStandIn } from '../support/chat-standins.js';
import { cliRun } from '../support/cli.js';

const DAY = '2026-09-23';

async function smtp() {
  const mails: string[] = [];
  const server = new SMTPServer({
    authOptional: false,
    disabledCommands: ['STARTTLS'],
    onAuth: (auth, _s, cb) =>
      auth.username === 'bot' && auth.password === 'pw' ? cb(null, { user: 'bot' }) : cb(new Error('bad login')),
    onData: (stream, _s, cb) => {
      let text = '';
      stream.on('data', (d: Buffer) => (text += d.toString('utf8')));
      stream.on('end', () => {
        mails.push(text);
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port: (server.server.address() as { port: number }).port, mails };
}

async function world() {
  const arxiv = await startArxivStandIn(generateDay(DAY, 24).world);
  onTestFinished(() => arxiv.close());
  const chat = await startChatStandIn();
  onTestFinished(() => chat.close());
  const mail = await smtp();
  const env = {
    CATEGORIES: 'cs.AR,cs.DC,cs.LG',
    LANGUAGE: 'English',
    ARXIV_RSS_URL: arxiv.urls.rss,
    ARXIV_API_URL: arxiv.urls.api,
    ARXIV_LISTING_URL: arxiv.urls.listing,
    ARXIV_MIN_INTERVAL_MS: '5',
    ARXIV_CONTACT: 'tests@example.org',
    SITE_URL: 'https://digest.example.org',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mail.port),
    SMTP_USER: 'bot',
    SMTP_PASS: 'pw',
    SMTP_FROM: 'bot@example.org',
    SMTP_TO: 'reader@example.org',
    SLACK_WEBHOOK_URL: chat.slackWebhookUrl,
    TELEGRAM_BOT_TOKEN: chat.telegramToken,
    TELEGRAM_CHAT_ID: chat.telegramChatId,
    TELEGRAM_API_URL: chat.telegramApiUrl,
  };
  return { arxiv, chat, mail, env, cwd: testDir() };
}

/** Every published file with its hash, to compare two runs byte for byte. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!name.startsWith('arxiv-digest.db') && !name.endsWith('.lock'))
        out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe('arxiv-digest run', () => {
  it('should fetch, summarize, publish and deliver in one run, then change and send nothing on a second', async () => {
    const { chat, mail, env, cwd } = await world();
    const r = await cliRun(['run'], { cwd, env });
    expect(r.stderr).not.toMatch(/run: (fetch|summarize|deliver)/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^run 2026-09-23: 18 papers; fetched 18 new, 0 updated \(2 requests\); summaries 18 ok, 0 failed\/refused, 0 pending; 0 calls, 0 tokens, \$0\.0000; 0 code links; published \d+ files \(\d+ changed\); deliveries 3 sent, 0 already sent, 0 failed\n$/,
    );
    const files = snapshot(join(cwd, 'data'));
    for (const f of [
      '2026-09-23.md',
      '2026-09-23.jsonl',
      '2026-09-23_AI_enhanced_English.jsonl',
      'feed.xml',
      'atom.xml',
      'feed.json',
      'site/index.html',
      'site/days/2026-09-23.html',
    ]) {
      expect(files[f], f).toBeDefined();
    }
    expect(mail.mails).toHaveLength(1);
    expect(mail.mails[0]).toContain('https://digest.example.org/days/2026-09-23.html');
    expect(chat.receivedBy('slack').length).toBeGreaterThan(0);
    expect(chat.receivedBy('telegram').length).toBeGreaterThan(0);
    const posts = chat.received.length;

    const again = await cliRun(['run'], { cwd, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('no new announcement');
    expect(again.stdout).toContain('deliveries 0 sent, 3 already sent, 0 failed');
    // The same bytes, and not one file written again.
    expect(again.stdout).toMatch(/published \d+ files \(0 changed\)/);
    expect(snapshot(join(cwd, 'data'))).toEqual(files);
    expect(mail.mails).toHaveLength(1);
    expect(chat.received).toHaveLength(posts);
  });

  it('should keep the digest complete when a delivery fails, exit 1, and send only that one next time', async () => {
    const { chat, mail, env, cwd } = await world();
    chat.addFault('slack', { type: '400' });
    const r = await cliRun(['run'], { cwd, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/run: deliver slack:127\.0\.0\.1:\d+: slack: Slack answered HTTP 400 invalid_payload/);
    expect(r.stderr).not.toContain(env.SLACK_WEBHOOK_URL);
    expect(r.stdout).toContain('deliveries 2 sent, 0 already sent, 1 failed');
    expect(snapshot(join(cwd, 'data'))['2026-09-23.md']).toBeDefined();
    const next = await cliRun(['run'], { cwd, env });
    expect(next.code).toBe(0);
    expect(next.stdout).toContain('deliveries 1 sent, 2 already sent, 0 failed');
    expect(mail.mails).toHaveLength(1);
  });

  it('should refuse to overlap another run, and take over a stale lock', async () => {
    const { env, cwd } = await world();
    writeFileSync(join(testDir(), 'x'), '');
    const lock = join(cwd, 'data', 'arxiv-digest.lock');
    await cliRun(['run', '--no-deliver'], { cwd, env }); // creates data/
    writeFileSync(
      lock,
      JSON.stringify({
        pid: process.pid,
        host: (await import('node:os')).hostname(),
        command: 'run latest',
        startedAt: '2026-09-23T01:00:00Z',
      }),
    );
    const held = await cliRun(['run', '--no-deliver'], { cwd, env });
    expect(held.code).toBe(1);
    expect(held.stderr).toMatch(
      /another run holds .*arxiv-digest\.lock: run latest \(pid \d+ on .*, since 2026-09-23T01:00:00Z\)/,
    );
    writeFileSync(
      lock,
      JSON.stringify({
        pid: 2 ** 22 + 12345,
        host: (await import('node:os')).hostname(),
        command: 'run latest',
        startedAt: 'x',
      }),
    );
    const stale = await cliRun(['run', '--no-deliver'], { cwd, env });
    expect(stale.code).toBe(0);
    expect(stale.stderr).toMatch(/took over a stale lock left by pid \d+/);
  });
});
