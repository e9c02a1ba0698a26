/**
 * The chat channels in one place: Slack, Discord, Feishu/Lark and Telegram (one file each
 * beside this one). Each splits the digest to its platform's limits, numbers the posts, waits
 * out rate limits and reports refusals with the platform's own error text, never a secret.
 */
export { createSlackChannel, renderSlack, SLACK_LIMITS, type SlackOptions } from './slack.js';
export { createDiscordChannel, renderDiscord, DISCORD_LIMITS, type DiscordOptions } from './discord.js';
export { createFeishuChannel, feishuSign, renderFeishu, FEISHU_LIMITS, type FeishuOptions } from './feishu.js';
export { createTelegramChannel, renderTelegram, TELEGRAM_LIMITS, type TelegramOptions } from './telegram.js';
