import { describe, expect, it } from 'vitest';
import { cli } from '../../test/support/cli.js';
import { testDir } from '../../test/support/fixtures.js';
import { loadSettings } from './settings.js';
import { endpointProblem } from './endpoints.js';

describe('endpointProblem', () => {
  it('should accept https anywhere and plain http to this machine only', () => {
    for (const url of [
      'https://api.deepseek.com/v1',
      'https://openrouter.ai/api/v1',
      'http://127.0.0.1:11434/v1',
      'http://localhost:8000/v1',
      'http://[::1]:8080',
      'https://hooks.slack.com/services/T0/B0/XXXX',
    ])
      expect([url, endpointProblem(url)]).toEqual([url, null]);
  });

  it('should refuse http beyond loopback, credentials, link-local and metadata addresses, odd IP spellings', () => {
    const cases: [string, RegExp][] = [
      ['http://api.deepseek.com/v1', /must be an https:\/\/ URL \(plain http:\/\/ only to this machine/],
      ['http://192.168.1.5:8000/v1', /must be an https:\/\/ URL/],
      ['https://user:pw@api.example.com/v1', /must not carry a user name or password/],
      ['http://169.254.169.254/latest/meta-data', /link-local or cloud metadata/],
      ['https://169.254.10.1/', /link-local or cloud metadata/],
      ['http://[fe80::1]/', /link-local or cloud metadata/],
      ['http://[::ffff:169.254.169.254]/', /link-local or cloud metadata/],
      ['https://metadata.google.internal/computeMetadata/v1', /link-local or cloud metadata/],
      ['http://100.100.100.200/latest', /link-local or cloud metadata/],
      ['http://0x7f.1/v1', /IP address written as "0x7f\.1": write it as 127\.0\.0\.1/],
      ['http://2130706433/v1', /written as "2130706433"/],
      ['http://127.1/v1', /written as "127\.1"/],
      ['http://0177.0.0.1/v1', /written as "0177\.0\.0\.1"/],
      ['https://0.0.0.0/', /points at no address/],
      ['ftp://example.com/', /must be an https:\/\/ URL/],
    ];
    for (const [url, problem] of cases)
      expect([url, endpointProblem(url)]).toEqual([url, expect.stringMatching(problem)]);
  });
});

describe('settings: endpoints that carry a secret', () => {
  it('should refuse each bad endpoint at load (exit 2), naming the setting, never echoing a webhook URL', () => {
    const env = {
      OPENAI_BASE_URL: 'http://169.254.169.254/v1',
      TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqr',
      TELEGRAM_CHAT_ID: '42',
      TELEGRAM_API_URL: 'http://api.telegram.org',
      GITHUB_API_URL: 'https://user:pw@api.github.com',
      SLACK_WEBHOOK_URL: 'http://hooks.slack.com/services/T0/B0/sekritsekritsekrit',
      DISCORD_WEBHOOK_URL: 'https://0x7f.1/api/webhooks/1/discordtokendiscordtoken',
      FEISHU_WEBHOOK_URL: 'https://169.254.169.254/open-apis/bot/v2/hook/feishutokenfeishutoken',
    };
    let message = '';
    try {
      loadSettings({ env, cwd: '/nonexistent' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('environment variable OPENAI_BASE_URL: points at a link-local or cloud metadata address');
    expect(message).toContain('environment variable TELEGRAM_API_URL: must be an https:// URL');
    expect(message).toContain('environment variable GITHUB_API_URL: must not carry a user name or password');
    expect(message).toContain('environment variable SLACK_WEBHOOK_URL: must be an https:// URL');
    expect(message).toContain('environment variable DISCORD_WEBHOOK_URL: has its IP address written as "0x7f.1"');
    expect(message).toContain('environment variable FEISHU_WEBHOOK_URL: points at a link-local');
    for (const secret of ['sekrit', 'discordtoken', 'feishutoken']) expect(message).not.toContain(secret);
    expect(
      loadSettings({ env: { OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1' }, cwd: '/nonexistent' }).openai.baseUrl,
    ).toBe('http://127.0.0.1:8080/v1');
  });
});

describe('the CLI with an endpoint that would leak a secret', () => {
  it('should exit 2 before sending anything, naming the setting', () => {
    const r = cli(['summarize', '--date', '2026-01-05'], {
      cwd: testDir(),
      env: { OPENAI_API_KEY: 'sk-live-0123456789abcdef', OPENAI_BASE_URL: 'http://0x7f.1:1/v1' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('environment variable OPENAI_BASE_URL: has its IP address written as "0x7f.1"');
    expect(r.stderr).not.toContain('sk-live');
  });
});
