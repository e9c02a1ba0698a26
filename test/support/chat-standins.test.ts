/**
 * The chat stand-in must be worth testing against: it accepts what each platform accepts,
 * refuses what each refuses (shape, size limits, bad signatures, bad HTML) with that platform's
 * error body, shows a post as a reader would see it, notices mentions that would notify, and
 * injects faults that look on the wire as they do from the real services.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  discordVisible,
  feishuExpectedSign,
  slackVisible,
  startChatStandIn,
  telegramParse,
  type ChatStandIn,
} from './chat-standins.js';

let s: ChatStandIn;
beforeAll(async () => {
  s = await startChatStandIn();
});
afterAll(async () => {
  await s.close();
});
beforeEach(() => {
  s.reset();
  s.setOptions({ feishuSecret: null, now: undefined });
});

const post = (url: string, body: unknown, contentType = 'application/json') =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const telegramUrl = () => `${s.telegramApiUrl}/bot${s.telegramToken}/sendMessage`;
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('Slack webhook', () => {
  it('should accept blocks and record what a reader sees, links and mentions', async () => {
    const res = await post(s.slackWebhookUrl, {
      text: 'fallback',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Hi & <there>' } },
        section('*<https://x.org/a?b=1&amp;c=2|A &lt;b&gt; title>* <!here> &amp; done'),
      ],
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    const [r] = s.receivedBy('slack');
    expect(r!.visible).toBe('Hi & <there>\n*A <b> title* @here & done');
    expect(r!.links).toEqual(['https://x.org/a?b=1&c=2']);
    expect(r!.pings).toEqual(['@here']);
  });

  it('should refuse what Slack refuses, with its error codes', async () => {
    const cases: [unknown, string][] = [
      [{ blocks: Array.from({ length: 51 }, () => section('x')) }, 'invalid_blocks'],
      [{ blocks: [section('x'.repeat(3001))] }, 'invalid_blocks'],
      [{ blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] }, 'invalid_blocks'],
      [{ blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }] }, 'invalid_blocks'],
      [{ text: 'x'.repeat(40_001) }, 'msg_too_long'],
      [{}, 'no_text'],
    ];
    for (const [body, code] of cases) {
      const res = await post(s.slackWebhookUrl, body);
      expect([res.status, await res.text()]).toEqual([400, code]);
    }
    const notJson = await post(s.slackWebhookUrl, 'payload=x', 'application/x-www-form-urlencoded');
    expect([notJson.status, await notJson.text()]).toEqual([400, 'invalid_payload']);
    expect(
      await post(s.slackWebhookUrl, { blocks: Array.from({ length: 50 }, () => section('x'.repeat(3000))) }),
    ).toHaveProperty('status', 200);
    expect(s.received).toHaveLength(1);
  });
});

describe('Discord webhook', () => {
  it('should accept content and embeds, and ping only what allowed_mentions allows', async () => {
    const body = {
      content: '**Digest** @everyone \\@here',
      embeds: [{ title: 'cs.CV', description: '**[A \\<b\\> \\*x\\*](https://x.org/a)** @everyone' }],
    };
    expect((await post(s.discordWebhookUrl, body)).status).toBe(204);
    expect((await post(s.discordWebhookUrl, { ...body, allowed_mentions: { parse: [] } })).status).toBe(204);
    const [open, closed] = s.receivedBy('discord');
    expect(open!.visible).toBe('Digest @everyone @here\ncs.CV\nA <b> *x* @everyone');
    expect(open!.links).toEqual(['https://x.org/a']);
    // Escaped mentions and mentions inside embeds never notify.
    expect(open!.pings).toEqual(['@everyone']);
    expect(closed!.pings).toEqual([]);
  });

  it('should refuse over-limit messages with Discord’s form errors', async () => {
    const tooLong = await post(s.discordWebhookUrl, { content: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toEqual({
      message: 'Invalid Form Body',
      code: 50035,
      errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } },
    });
    const embed = (n: number) => ({ description: 'x'.repeat(n) });
    const cases: [unknown, string][] = [
      [{ embeds: Array.from({ length: 11 }, () => embed(1)) }, 'embeds'],
      [{ embeds: [embed(4097)] }, 'embeds.0.description'],
      [{ embeds: [{ title: 'x'.repeat(257), description: 'x' }] }, 'embeds.0.title'],
      [{ embeds: [embed(3000), embed(3001)] }, 'embeds'],
    ];
    for (const [body, path] of cases) {
      const res = await post(s.discordWebhookUrl, body);
      const json = (await res.json()) as { code: number; errors: Record<string, unknown> };
      expect(res.status).toBe(400);
      expect(json.code).toBe(50035);
      let node: unknown = json.errors;
      for (const k of path.split('.')) node = (node as Record<string, unknown>)[k];
      expect(node).toHaveProperty('_errors');
    }
    expect(await (await post(s.discordWebhookUrl, { content: '' })).json()).toEqual({
      message: 'Cannot send an empty message',
      code: 50006,
    });
    expect((await post(s.discordWebhookUrl, { embeds: [embed(3000), embed(3000)] })).status).toBe(204);
  });
});

describe('Feishu bot', () => {
  it('should check the signature and the timestamp window when a secret is set', async () => {
    const now = new Date('2026-09-23T12:00:00Z');
    s.setOptions({ feishuSecret: 'sec', now: () => now });
    const ts = String(now.getTime() / 1000);
    const body = { msg_type: 'text', content: { text: 'hello' } };
    const answer = async (extra: Record<string, unknown>) =>
      (await post(s.feishuWebhookUrl, { ...body, ...extra })).json() as Promise<{ code: number; msg: string }>;
    expect(await answer({})).toMatchObject({ code: 19021 });
    expect(await answer({ timestamp: ts, sign: feishuExpectedSign(ts, 'other') })).toMatchObject({ code: 19021 });
    const stale = String(Number(ts) - 3601);
    expect(await answer({ timestamp: stale, sign: feishuExpectedSign(stale, 'sec') })).toMatchObject({ code: 19021 });
    expect(await answer({ timestamp: ts, sign: feishuExpectedSign(ts, 'sec') })).toEqual({
      code: 0,
      msg: 'success',
      data: {},
    });
  });

  it('should read post rich text, notice @all, and refuse bodies over 20 KB', async () => {
    const res = await post(s.feishuWebhookUrl, {
      msg_type: 'post',
      content: {
        post: {
          en_us: {
            title: 'T',
            content: [
              [
                { tag: 'a', text: '<b>x</b>', href: 'https://x.org' },
                { tag: 'text', text: ' & y', style: ['bold'] },
              ],
              [{ tag: 'at', user_id: 'all' }],
            ],
          },
        },
      },
    });
    expect(await res.json()).toMatchObject({ code: 0 });
    expect(s.received[0]).toMatchObject({
      visible: 'T\n<b>x</b> & y\n@all',
      links: ['https://x.org'],
      pings: ['@all'],
    });
    const big = await post(s.feishuWebhookUrl, { msg_type: 'text', content: { text: '字'.repeat(7000) } });
    expect(big.status).toBe(400);
    expect(await big.json()).toMatchObject({ code: 9499 });
    const badTag = await post(s.feishuWebhookUrl, {
      msg_type: 'post',
      content: { post: { en_us: { content: [[{ tag: 'script', text: 'x' }]] } } },
    });
    expect(await badTag.json()).toMatchObject({ code: 9499 });
  });
});

describe('Telegram Bot API', () => {
  it('should send with the right token and chat, and answer the message', async () => {
    const res = await post(telegramUrl(), {
      chat_id: 12345,
      text: '<b>Hi</b> &amp; <a href="https://x.org/?a=1&amp;b=2">x</a>',
      parse_mode: 'HTML',
    });
    const json = (await res.json()) as { ok: boolean; result: { text: string } };
    expect(json.ok).toBe(true);
    expect(json.result.text).toBe('Hi & x');
    expect(s.received[0]!.links).toEqual(['https://x.org/?a=1&b=2']);
  });

  it('should refuse a wrong token, an unknown chat and broken HTML like Telegram', async () => {
    const bad = await post(`${s.telegramApiUrl}/bot1:wrong/sendMessage`, { chat_id: '12345', text: 'x' });
    expect([bad.status, await bad.json()]).toEqual([401, { ok: false, error_code: 401, description: 'Unauthorized' }]);
    const chat = await post(telegramUrl(), { chat_id: '1', text: 'x' });
    expect(await chat.json()).toMatchObject({ error_code: 400, description: 'Bad Request: chat not found' });
    const img = await post(telegramUrl(), {
      chat_id: '12345',
      text: 'ab <img src=x onerror=alert(1)>',
      parse_mode: 'HTML',
    });
    expect(await img.json()).toMatchObject({
      description: `Bad Request: can't parse entities: Unsupported start tag "img" at byte offset 3`,
    });
    const open = await post(telegramUrl(), { chat_id: '12345', text: '<b>x', parse_mode: 'HTML' });
    expect(await open.json()).toMatchObject({
      description: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`,
    });
  });

  it('should count the text after parsing, in UTF-16 code units', async () => {
    // 4,096 visible characters written as 4,096 entities: far longer as HTML, still accepted.
    expect(
      (await post(telegramUrl(), { chat_id: '12345', text: '&amp;'.repeat(4096), parse_mode: 'HTML' })).status,
    ).toBe(200);
    const long = await post(telegramUrl(), { chat_id: '12345', text: '😀'.repeat(2049) });
    expect(await long.json()).toMatchObject({ error_code: 400, description: 'Bad Request: message is too long' });
  });
});

describe('faults', () => {
  it('should answer 429 as each platform does', async () => {
    s.addFault('slack', { type: '429', retryAfter: 7 });
    s.addFault('discord', { type: '429', retryAfter: 0.25 });
    s.addFault('telegram', { type: '429', retryAfter: 3 });
    s.addFault('feishu', { type: '429' });
    const slack = await post(s.slackWebhookUrl, { text: 'x' });
    expect([slack.status, slack.headers.get('retry-after'), await slack.text()]).toEqual([429, '7', 'rate_limited']);
    const discord = await post(s.discordWebhookUrl, { content: 'x' });
    expect([discord.status, discord.headers.get('retry-after')]).toEqual([429, '1']);
    expect(await discord.json()).toMatchObject({ retry_after: 0.25, global: false });
    const telegram = await post(telegramUrl(), { chat_id: '12345', text: 'x' });
    expect(await telegram.json()).toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
    const feishu = await post(s.feishuWebhookUrl, { msg_type: 'text', content: { text: 'x' } });
    expect([feishu.status, ((await feishu.json()) as { code: number }).code]).toEqual([200, 11232]);
    expect(s.received).toHaveLength(0);
    expect(s.requests.map((r) => r.fault)).toEqual(['429', '429', '429', '429']);
  });

  it('should answer auth, 404 and 500 faults with each platform’s error body, then recover', async () => {
    s.addFault('slack', { type: 'auth' });
    s.addFault('slack', { type: '404' });
    s.addFault('slack', { type: '500' });
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const res = await post(s.slackWebhookUrl, { text: 'x' });
      answers.push([res.status, await res.text()]);
    }
    expect(answers).toEqual([
      [403, 'invalid_token'],
      [404, 'no_service'],
      [500, 'rollup_error'],
      [200, 'ok'],
    ]);
    s.addFault('discord', { type: '404' }, 2);
    expect(await (await post(s.discordWebhookUrl, { content: 'x' })).json()).toEqual({
      message: 'Unknown Webhook',
      code: 10015,
    });
    expect((await post(s.discordWebhookUrl, { content: 'x' })).status).toBe(404);
    expect((await post(s.discordWebhookUrl, { content: 'x' })).status).toBe(204);
  });

  it('should hang until the client gives up', async () => {
    s.addFault('telegram', { type: 'hang' });
    const e = await fetch(telegramUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(100),
    }).catch((x: unknown) => x);
    expect((e as Error).name).toBe('TimeoutError');
  });
});

describe('readers', () => {
  it('should decode each platform’s markup', () => {
    expect(slackVisible('<https://a.b|x &amp; y> <!channel> <@U1> &lt;img&gt;')).toEqual({
      visible: 'x & y @channel @U1 <img>',
      links: ['https://a.b'],
      pings: ['@channel', 'user:U1'],
    });
    expect(discordVisible('\\*\\_x\\_ [a \\] b](https://c.d) __u__')).toEqual({
      visible: '*_x_ a ] b u',
      links: ['https://c.d'],
    });
    expect(telegramParse('<a href="tg://user?id=42">x</a> &#65;&#x42;')).toEqual({
      ok: true,
      visible: 'x AB',
      links: ['tg://user?id=42'],
      pings: ['user:42'],
    });
  });
});
