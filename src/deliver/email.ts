/**
 * E-mail over SMTP (nodemailer): one multipart/alternative message per day with an HTML part and
 * a plain-text part, a UTF-8 subject in the digest's language, the reader's For you picks first
 * when the day was ranked (title, score, reason), the papers by category in the message's order,
 * and a cap with a line and a link to the rest. Every value in the HTML is
 * escaped and only http(s) URLs are linked, so a hostile title is text. SMTP failures become one
 * DeliveryError line naming the server and the SMTP reply (`535 …`); the password is never shown.
 *
 * What mailbox providers check:
 * - the HTML part stays under EMAIL_HTML_MAX_BYTES (Gmail clips a message whose HTML is over
 *   ~102 KB behind "[Message clipped]", cutting off the rest and the footer): when the papers up to
 *   DIGEST_MAX_PAPERS do not fit, fewer are sent in full — still a fair share of every category
 *   (choosePapers) — and the cap line links the rest;
 * - `List-Unsubscribe` (RFC 2369) on every message, `List-Unsubscribe-Post: List-Unsubscribe=One-Click`
 *   (RFC 8058) when an https URI is given (SMTP_LIST_UNSUBSCRIBE), and `List-Id`: Gmail and Yahoo
 *   require one-click unsubscribe of bulk senders. Without a setting the URI is a mailto: to the
 *   sender asking to unsubscribe — the sender removes the address from SMTP_TO;
 * - the transfer encoding is the smaller of base64 and quoted-printable (transferEncoding).
 */
import nodemailer from 'nodemailer';
import type { NodemailerError, SendMailOptions, SMTPTransportOptions } from 'nodemailer';
import { redactSecrets, smtpSecrets } from '../core/secrets.js';
import { errorMessage } from '../errors.js';
import { esc } from '../ui/html.js';
import { oneLine, planDigest, type DigestPlan, type PaperItem, type PickItem } from './digest-content.js';
import { DeliveryError, type Channel, type DigestMessage } from './types.js';

/** What sends a composed message: nodemailer's transporter, or a test's stand-in. */
export interface EmailSender {
  sendMail(mail: SendMailOptions): Promise<unknown>;
  close?(): void;
}

export interface EmailOptions {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (port 465); else STARTTLS when the server offers it. */
  secure: boolean;
  /** Refuse to send unless the connection is upgraded with STARTTLS. */
  requireTls?: boolean;
  rejectUnauthorized?: boolean;
  user?: string | null;
  pass?: string | null;
  from: string;
  to: string[];
  /** Put before the subject, e.g. `[arXiv]`. */
  subjectPrefix?: string;
  /**
   * `List-Unsubscribe` URIs (`mailto:` and/or `https:`; SMTP_LIST_UNSUBSCRIBE); empty or absent:
   * a mailto: to the sender's address with the subject "unsubscribe".
   */
  listUnsubscribe?: readonly string[];
  /**
   * For tests: SMTP options merged over ours (`ignoreTLS`, short timeouts), or a ready sender
   * used instead of SMTP (nodemailer's stream or JSON transport).
   */
  transport?: Partial<SMTPTransportOptions> | EmailSender;
  timeoutMs?: number;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** Papers sent in full (the rest are counted and linked). */
  shown: number;
}

/**
 * Most UTF-8 bytes of the HTML part: under Gmail's ~102 KB clipping threshold with room for what
 * providers add (tracking-free, but a footer or a banner on forwarding).
 */
export const EMAIL_HTML_MAX_BYTES = 100_000;

// ---------------------------------------------------------------------------------------------
// Rendering (pure)

/** The one HTML escaper (src/ui/html.ts), under the name the e-mail code has always used. */
const escapeHtml = esc;

const a = (url: string, label: string, style = ''): string =>
  `<a href="${escapeHtml(url)}"${style ? ` style="${style}"` : ''}>${escapeHtml(label)}</a>`;

const S = {
  body: 'margin:0;padding:0;background:#f6f6f6;',
  main: "max-width:720px;margin:0 auto;padding:20px 24px;background:#ffffff;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,'PingFang SC','Microsoft YaHei',sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;",
  h1: 'font-size:20px;margin:0 0 4px;',
  overview: 'margin:0 0 16px;color:#555555;font-size:13px;',
  h2: 'font-size:17px;margin:24px 0 8px;padding-bottom:4px;border-bottom:1px solid #e5e5e5;',
  paper: 'margin:0 0 18px;',
  title: 'font-weight:600;color:#b31b1b;text-decoration:none;',
  authors: 'color:#555;font-size:13px;',
  tldr: 'margin:4px 0;',
  status: 'margin:4px 0;color:#8a6d00;font-style:italic;',
  note: 'margin:2px 0;color:#a15c00;font-size:13px;',
  links: 'font-size:13px;',
  link: 'color:#1a5fb4;',
  more: 'margin:20px 0;padding:10px 12px;background:#fff8e1;',
  picks: 'margin:0 0 8px;padding:10px 12px 10px 32px;background:#f1f8f2;border-left:3px solid #2f7d32;',
  pick: 'margin:0 0 6px;',
  score: 'color:#2f7d32;font-size:13px;font-weight:600;white-space:nowrap;',
  reason: 'display:block;color:#555555;font-size:13px;',
  footer: 'margin:24px 0 0;color:#888888;font-size:12px;',
};

function htmlPaper(p: PaperItem, plan: DigestPlan): string {
  const l = plan.labels;
  let out = `<div style="${S.paper}">\n<div>${a(p.absUrl, p.title, S.title)}</div>\n`;
  if (p.authors) out += `<div style="${S.authors}">${escapeHtml(p.authors)}</div>\n`;
  if (p.tldr !== null) out += `<p style="${S.tldr}"><strong>${escapeHtml(l.tldr)}</strong> ${escapeHtml(p.tldr)}</p>\n`;
  else if (p.status) out += `<p style="${S.status}">${escapeHtml(p.status)}</p>\n`;
  for (const n of p.notes) out += `<p style="${S.note}">⚠ ${escapeHtml(n)}</p>\n`;
  // The links take the client's link colour: a style on each of ~900 links is 15 KB of a 100 KB budget.
  const links = [a(p.absUrl, l.abs), a(p.pdfUrl, l.pdf)];
  if (p.codeUrl) links.push(a(p.codeUrl, l.code));
  return `${out}<div style="${S.links}">${links.join(' · ')}</div>\n</div>\n`;
}

/** The For you picks, best first: title linked, score, reason. Nothing when there are none. */
function htmlPicks(picks: readonly PickItem[], plan: DigestPlan): string {
  if (!picks.length) return '';
  const items = picks.map(
    (p) =>
      `<li style="${S.pick}">${a(p.absUrl, p.title, S.title)} <span style="${S.score}">${escapeHtml(p.score)}</span>` +
      (p.reason ? `<span style="${S.reason}">${escapeHtml(p.reason)}</span>` : '') +
      `</li>\n`,
  );
  return `<h2 style="${S.h2}">${escapeHtml(plan.labels.forYou)}</h2>\n<ol style="${S.picks}">\n${items.join('')}</ol>\n`;
}

function textPicks(picks: readonly PickItem[], plan: DigestPlan): string {
  if (!picks.length) return '';
  const items = picks.map(
    (p, i) => `${i + 1}. ${p.title} (${p.score})\n${p.reason ? `   ${p.reason}\n` : ''}   ${p.absUrl}\n`,
  );
  return `\n== ${plan.labels.forYou} ==\n\n${items.join('')}`;
}

function textPaper(p: PaperItem, n: number, plan: DigestPlan): string {
  const l = plan.labels;
  const pad = ' '.repeat(String(n).length + 3);
  let out = `[${n}] ${p.title}\n`;
  if (p.authors) out += `${pad}${p.authors}\n`;
  if (p.tldr !== null) out += `${pad}${l.tldr} ${p.tldr}\n`;
  else if (p.status) out += `${pad}${p.status}\n`;
  for (const note of p.notes) out += `${pad}⚠ ${note}\n`;
  out += `${pad}${l.abs}: ${p.absUrl} | ${l.pdf}: ${p.pdfUrl}${p.codeUrl ? ` | ${l.code}: ${p.codeUrl}` : ''}\n`;
  return out;
}

/** The HTML part's size as it travels: UTF-8, each line ending CRLF (SMTP's). */
export const htmlBytes = (mail: Pick<RenderedEmail, 'html'>): number =>
  Buffer.byteLength(mail.html, 'utf8') + (mail.html.match(/\n/g)?.length ?? 0);

/**
 * The day's message: the papers up to `maxPapers` in full when the HTML part stays within
 * `maxHtmlBytes` (EMAIL_HTML_MAX_BYTES), else as many as fit — the largest number found by
 * bisection, each a fair share of the categories — and the rest counted and linked.
 */
export function renderEmail(
  message: DigestMessage,
  options: { subjectPrefix?: string; maxHtmlBytes?: number } = {},
): RenderedEmail {
  const max = options.maxHtmlBytes ?? EMAIL_HTML_MAX_BYTES;
  const all = composeEmail(message, options);
  if (htmlBytes(all) <= max) return all;
  let best = composeEmail({ ...message, maxPapers: 0 }, options);
  let lo = 1;
  let hi = all.shown - 1;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const mail = composeEmail({ ...message, maxPapers: mid }, options);
    if (htmlBytes(mail) <= max) {
      best = mail;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

function composeEmail(message: DigestMessage, options: { subjectPrefix?: string }): RenderedEmail {
  const plan = planDigest(message);
  const l = plan.labels;
  const prefix = oneLine(options.subjectPrefix ?? '');
  const subject = prefix ? `${prefix} ${plan.title}` : plan.title;
  const lang = l.lang;

  let html =
    `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(subject)}</title>\n</head>\n` +
    `<body style="${S.body}">\n<div style="${S.main}">\n<h1 style="${S.h1}">${escapeHtml(plan.title)}</h1>\n` +
    `<p style="${S.overview}">${escapeHtml(plan.overview)}${plan.url ? ` · ${a(plan.url, l.fullDigest, S.link)}` : ''}</p>\n`;
  let text = `${plan.title}\n${plan.overview}\n${plan.url ? `${l.fullDigest}: ${plan.url}\n` : ''}`;
  html += htmlPicks(plan.picks, plan);
  text += textPicks(plan.picks, plan);

  let n = 0;
  for (const s of plan.sections) {
    const heading = l.category(s.category, s.count);
    html += `<h2 style="${S.h2}">${escapeHtml(heading)}</h2>\n`;
    text += `\n== ${heading} ==\n`;
    for (const p of s.papers) {
      html += htmlPaper(p, plan);
      text += `\n${textPaper(p, ++n, plan)}`;
    }
  }
  if (plan.moreLine) {
    html += `<p style="${S.more}">${escapeHtml(plan.moreLine)} ${plan.rest.map((r) => a(r.url, r.label, S.link)).join(' · ')}</p>\n`;
    text += `\n${plan.moreLine}\n${plan.rest.map((r) => `${r.label}: ${r.url}`).join('\n')}\n`;
  }
  html += `<p style="${S.footer}">${escapeHtml(l.footer)}</p>\n</div>\n</body>\n</html>\n`;
  text += `\n-- \n${l.footer}\n`;
  return { subject, text, html, shown: plan.total - plan.omitted };
}

// ---------------------------------------------------------------------------------------------
// Sending

const isSender = (t: EmailOptions['transport']): t is EmailSender =>
  typeof (t as EmailSender | undefined)?.sendMail === 'function';

/** The password and the forms it travels in (AUTH PLAIN and LOGIN send Base64). */
const secretsOf = (o: EmailOptions): string[] => (o.pass ? smtpSecrets(o.user ?? null, o.pass) : []);

/** One line for any SMTP failure: what happened, where, and the server's own reply. */
export function emailError(e: unknown, o: EmailOptions): DeliveryError {
  const err = (typeof e === 'object' && e !== null ? e : {}) as NodemailerError;
  const where = `${o.host}:${o.port}`;
  const clean = (s: string) => oneLine(redactSecrets(s, secretsOf(o)));
  const reply = clean(err.response ?? '');
  const detail = reply || clean(errorMessage(e));
  const cause = err.originalCode ?? err.code ?? '';
  let text: string;
  if (err.code === 'EAUTH')
    text = `the SMTP server at ${where} refused the login for ${o.user ?? '(no user)'} (${detail})`;
  else if (err.code === 'ENOAUTH' || err.responseCode === 530)
    text = `the SMTP server at ${where} requires a login; set SMTP_USER and SMTP_PASS (${detail})`;
  else if (cause === 'ECONNREFUSED') text = `cannot connect to the SMTP server at ${where} (connection refused)`;
  else if (err.code === 'ETIMEDOUT' || cause === 'ETIMEDOUT')
    text = `the SMTP server at ${where} did not answer in time${err.timeoutType ? ` (${err.timeoutType})` : ''}`;
  else if (err.code === 'EDNS' || cause === 'ENOTFOUND' || cause === 'EAI_AGAIN')
    text = `cannot find the SMTP server ${o.host} (${cause || 'DNS lookup failed'})`;
  else if (o.requireTls && !o.secure && err.code === 'ETLS' && typeof err.responseCode === 'number')
    text = `the SMTP server at ${where} does not offer STARTTLS, which SMTP_REQUIRE_TLS demands (${detail})`;
  else if (/wrong version number|packet length too long|unknown protocol/i.test(detail))
    // OpenSSL's words for "that port speaks plain SMTP"; its full line says nothing more.
    text = `TLS with the SMTP server at ${where} failed: the server does not speak TLS on this port${o.secure ? ' (SMTP_SECURE is for implicit TLS, usually port 465; use false for 587)' : ''}`;
  else if (/certificate|self[- ]signed|unable to verify/i.test(detail))
    text = `the SMTP server at ${where} presented a certificate that is not trusted (${detail}); SMTP_TLS_REJECT_UNAUTHORIZED=false accepts it, for a server you trust`;
  else if (err.code === 'ETLS') text = `TLS with the SMTP server at ${where} failed (${detail})`;
  else if (err.code === 'EENVELOPE')
    text = `the SMTP server at ${where} refused ${err.rejected?.length ? `the recipients ${err.rejected.join(', ')}` : 'the sender or recipients'} (${detail})`;
  else if (err.code === 'EMESSAGE') text = `the SMTP server at ${where} refused the message (${detail})`;
  else if (err.code === 'ECONNECTION' || err.code === 'ESOCKET')
    text = `the connection to the SMTP server at ${where} failed (${detail})`;
  else text = `sending through the SMTP server at ${where} failed (${detail})`;
  return new DeliveryError(`e-mail: ${text}`);
}

/**
 * The smaller transfer encoding for the message's text: quoted-printable writes each non-ASCII
 * byte as three (a Chinese character as nine), base64 every three bytes as four. A Chinese
 * digest's 100 KB of HTML is ~230 KB quoted-printable and ~137 KB base64; an English one is
 * smaller and readable quoted-printable.
 */
export function transferEncoding(text: string): 'base64' | 'quoted-printable' {
  const bytes = Buffer.byteLength(text, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, '').length;
  return ascii + 3 * (bytes - ascii) > (bytes * 4) / 3 ? 'base64' : 'quoted-printable';
}

/** The sender's address: `a@b.org` of `Name <a@b.org>`. */
const addressOf = (from: string): string => (/<([^<>\s]+@[^<>\s]+)>/.exec(from)?.[1] ?? from).trim();

/**
 * `List-Unsubscribe` (one header, every URI in it, as RFC 2369 has it), `List-Unsubscribe-Post`
 * when one of them is https (RFC 8058 allows one-click only over https), and `List-Id` from the
 * sender's domain, so filters and providers see one list.
 */
export function listHeaders(options: Pick<EmailOptions, 'from' | 'listUnsubscribe'>): Record<string, string> {
  const address = addressOf(options.from);
  const uris = options.listUnsubscribe?.length
    ? options.listUnsubscribe
    : [`mailto:${address}?subject=${encodeURIComponent('unsubscribe')}`];
  const domain = /@([^@\s>]+)$/.exec(address)?.[1]?.toLowerCase() ?? 'localhost';
  return {
    'List-Unsubscribe': uris.map((u) => `<${u}>`).join(', '),
    ...(uris.some((u) => /^https:\/\//i.test(u)) ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
    'List-Id': `arXiv digest <arxiv-digest.${domain}>`,
  };
}

export function createEmailChannel(options: EmailOptions): Channel {
  const timeout = options.timeoutMs ?? 30_000;
  const makeSender = (): EmailSender => {
    if (isSender(options.transport)) return options.transport;
    const smtp: SMTPTransportOptions = {
      host: options.host,
      port: options.port,
      secure: options.secure,
      requireTLS: options.requireTls ?? false,
      tls: { rejectUnauthorized: options.rejectUnauthorized ?? true },
      auth: options.user ? { user: options.user, pass: options.pass ?? '' } : undefined,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: 2 * timeout,
      // Never log: the debug log would carry the AUTH exchange.
      logger: false,
      debug: false,
      ...options.transport,
    };
    return nodemailer.createTransport(smtp);
  };
  return {
    id: 'email',
    target: `email:${options.to.join(',')}`,
    async send(message) {
      if (options.to.length === 0) throw new DeliveryError('e-mail: no recipients (SMTP_TO)');
      const mail = renderEmail(message, { subjectPrefix: options.subjectPrefix });
      const sender = makeSender();
      try {
        await sender.sendMail({
          from: options.from,
          to: options.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: listHeaders(options),
          textEncoding: transferEncoding(mail.html),
        });
      } catch (e) {
        throw emailError(e, options);
      } finally {
        sender.close?.();
      }
    },
  };
}
