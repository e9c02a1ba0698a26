/**
 * Delivery channels (e-mail, Slack, Discord, Feishu/Lark, Telegram): each sends one day's
 * digest somewhere. One small interface, one shared contract test; a failure is a thrown
 * DeliveryError with one clear line, never a broken digest.
 */
import { AppError } from '../errors.js';
import type { DayPaper } from '../core/day-view.js';

export interface DigestMessage {
  date: string;
  /** Summary language. */
  language: string;
  /** Language of the digest's own words (UI_LANGUAGE); default `language`. */
  uiLanguage?: string;
  /** Categories with counts, in display order. */
  categories: { name: string; count: number }[];
  /** Papers in display order (grouped by category). */
  papers: DayPaper[];
  /**
   * The day's "For you" picks, best first (DayView `forYou`), when the day was ranked for the
   * reader: the message then starts with them (title, score, reason) before the papers above.
   * Absent for a day that was not ranked, and the message is as it always was.
   */
  forYou?: DayPaper[];
  /** The day's page on the published site, when SITE_URL is set; the "rest" link when capped. */
  url: string | null;
  /** At most this many papers are sent in full; the rest are counted with the link. */
  maxPapers: number;
}

export interface Channel {
  /** `email`, `slack`, `discord`, `feishu`, `telegram`. */
  readonly id: string;
  /** Where it goes, without secrets (`email:a@b.org,c@d.org`, `slack:hooks.slack.com`), for logs and the deliveries record. */
  readonly target: string;
  send(message: DigestMessage): Promise<void>;
}

export class DeliveryError extends AppError {
  override name = 'DeliveryError';
}
