/**
 * The channels the settings configure, in a fixed order (e-mail, Slack, Discord, Feishu,
 * Telegram): the one place `run` learns where the digest goes. A channel without its settings
 * is simply absent; settings are checked (and secrets kept out of messages) by the config module.
 */
import type { Settings } from '../config/settings.js';
import {
  createDiscordChannel,
  createFeishuChannel,
  createSlackChannel,
  createTelegramChannel,
} from '../deliver/chat.js';
import { createEmailChannel } from '../deliver/email.js';
import type { Channel } from '../deliver/types.js';

export function createChannels(settings: Pick<Settings, 'deliver'>): Channel[] {
  const d = settings.deliver;
  const channels: Channel[] = [];
  if (d.smtp) channels.push(createEmailChannel(d.smtp));
  if (d.slackWebhookUrl) channels.push(createSlackChannel({ webhookUrl: d.slackWebhookUrl }));
  if (d.discordWebhookUrl) channels.push(createDiscordChannel({ webhookUrl: d.discordWebhookUrl }));
  if (d.feishu) channels.push(createFeishuChannel({ webhookUrl: d.feishu.webhookUrl, secret: d.feishu.secret }));
  if (d.telegram)
    channels.push(
      createTelegramChannel({ token: d.telegram.token, chatId: d.telegram.chatId, apiUrl: d.telegram.apiUrl }),
    );
  return channels;
}
