/**
 * Secrets never leave: one function, `redactSecrets`, replaces every configured secret — the API
 * key, the SMTP password, the webhook URLs' tokens, the bot tokens, the access token — with `***`
 * in any text, at each boundary where text leaves the program: what is printed (the CLI guards
 * stdout and stderr, retries and `doctor` included), stored (summary, run and delivery errors)
 * and published (everything rendered reads those through the store, which redacts them again on
 * the way out, for rows stored before).
 *
 * Providers, SMTP servers and webhooks echo what they were sent in their errors, so each secret
 * is also looked for in the forms it travels in: URL-encoded, JSON-escaped, base64 (SMTP AUTH
 * LOGIN sends the password so; AUTH PLAIN sends `\0user\0password`, registered by settings), and
 * for a URL its path, query and long path segments.
 *
 * The secrets are registered once per process by loadSettings (config/settings.ts), the one
 * place that reads them; callers with a secret of their own (a channel built in a test) pass it
 * as `extra`. Shorter than MIN_SECRET characters is too short to find without damaging ordinary
 * words, and is left alone.
 */

export const MIN_SECRET = 4;
const MASK = '***';

const registered = new Set<string>();
/** Every registered form, longest first (a URL before its path), or null when it must be rebuilt. */
let sorted: string[] | null = [];

/** The forms a secret may come back in (see the header). */
export function secretForms(value: string): string[] {
  const forms = [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)];
  const bytes = Buffer.from(value, 'utf8');
  forms.push(bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('base64').replace(/=+$/, ''));
  return forms;
}

/** The secrets hidden in a URL (a webhook's): the whole URL, its path and query, each long path segment. */
export function urlSecrets(url: string): string[] {
  const out = [url];
  try {
    const u = new URL(url);
    out.push(u.pathname + u.search, u.pathname, u.search.slice(1));
    for (const seg of u.pathname.split('/')) if (seg.length >= 8) out.push(seg, decodeURIComponent(seg));
    for (const v of u.searchParams.values()) if (v.length >= 8) out.push(v);
  } catch {
    // not a URL: the whole value is the secret
  }
  return out.filter(Boolean);
}

/** An SMTP password and the AUTH PLAIN credentials it is sent in (`\0user\0password`, base64). */
export const smtpSecrets = (user: string | null, pass: string): string[] => [
  pass,
  Buffer.from(`\u0000${user ?? ''}\u0000${pass}`).toString('base64'),
];

/** Adds a secret (and its forms) to what every redactSecrets call replaces. Null and short values are ignored. */
export function registerSecret(value: string | null | undefined, kind: 'plain' | 'url' = 'plain'): void {
  if (!value) return;
  for (const part of kind === 'url' ? urlSecrets(value) : [value])
    for (const form of secretForms(part))
      if (form.length >= MIN_SECRET && !registered.has(form)) {
        registered.add(form);
        sorted = null;
      }
}

/** Test-only: forgets the registered secrets. */
export function forgetSecrets(): void {
  registered.clear();
  sorted = [];
}

/** `text` with every registered secret (and each of `extra`, in all its forms) replaced by `***`. */
export function redactSecrets(text: string, extra: readonly string[] = []): string {
  sorted ??= [...registered].sort((a, b) => b.length - a.length);
  let forms = sorted;
  if (extra.length) {
    const more = extra.flatMap(secretForms).filter((f) => f.length >= MIN_SECRET);
    forms = [...new Set([...sorted, ...more])].sort((a, b) => b.length - a.length);
  }
  let out = text;
  for (const f of forms) if (out.includes(f)) out = out.split(f).join(MASK);
  return out;
}

/** redactSecrets for a value that may be null (a stored error). */
export const redactNullable = (text: string | null): string | null => (text === null ? null : redactSecrets(text));

/** Whether any registered secret is in these bytes (a Buffer written to a stream). */
export function bytesHaveSecret(bytes: Uint8Array): boolean {
  sorted ??= [...registered].sort((a, b) => b.length - a.length);
  if (!sorted.length) return false;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return sorted.some((f) => buf.includes(f));
}

const GUARDED = Symbol('arxiv-digest:redacting');

/**
 * Makes every write to `stream` go through redactSecrets (strings and buffers alike), once: the
 * CLI guards its stdout and stderr, so whatever a command, a library or an error prints is
 * redacted however it got there.
 */
export function redactStream(stream: NodeJS.WritableStream): void {
  const s = stream as NodeJS.WritableStream & { [GUARDED]?: true };
  if (s[GUARDED]) return;
  s[GUARDED] = true;
  const write = s.write.bind(s) as (chunk: unknown, ...rest: unknown[]) => boolean;
  s.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk === 'string') return write(redactSecrets(chunk), ...rest);
    if (chunk instanceof Uint8Array && bytesHaveSecret(chunk)) {
      const encoding = typeof rest[0] === 'string' ? rest.slice(1) : rest;
      return write(redactSecrets(Buffer.from(chunk).toString('utf8')), 'utf8', ...encoding);
    }
    return write(chunk, ...rest);
  }) as typeof s.write;
}
