/**
 * Checks of the endpoints a secret is sent to (the LLM provider's base URL, the Telegram and
 * GitHub APIs, the chat webhooks): https, except to this machine; no `user:password@`; no
 * link-local or cloud metadata address (169.254.169.254 answers with the machine's own cloud
 * credentials); and IP addresses written the usual way, since `0x7f.1`, `2130706433` or `127.1`
 * are read differently by different clients and mostly serve to slip past checks like these.
 * Host names are checked as written (what they resolve to is the network's business). Pure.
 */
import { isLoopbackHost } from '../core/loopback.js';

const METADATA_HOSTS = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data']);
/** Cloud metadata services outside 169.254.0.0/16 (Alibaba; AWS over IPv6). */
const METADATA_ADDRESSES = new Set(['100.100.100.200', '[fd00:ec2::254]']);

const ipv4 = (host: string): number[] | null => {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m ? m.slice(1).map(Number) : null;
};

/** `[::ffff:a9fe:a9fe]` (how the URL parser writes an IPv4-mapped address) as 169.254.169.254. */
function mappedIpv4(host: string): string | null {
  const m = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(host);
  if (!m) return null;
  const [hi, lo] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** What is wrong with `value` as such an endpoint, or null. Never repeats the value (it may be a secret). */
export function endpointProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an https:// URL';
  if (url.username || url.password)
    return 'must not carry a user name or password (user:password@): they would be sent and logged with every request';
  const host = url.hostname.toLowerCase();
  // The host as written: the URL parser turns 0x7f.1, 2130706433 and 127.1 into 127.0.0.1.
  const written = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(value)?.[1]?.toLowerCase();
  if (ipv4(host) && written !== host)
    return `has its IP address written as ${JSON.stringify(written)}: write it as ${host}`;
  const v4 = ipv4(mappedIpv4(host) ?? host);
  if (
    METADATA_HOSTS.has(host) ||
    METADATA_ADDRESSES.has(host) ||
    (v4 && v4[0] === 169 && v4[1] === 254) ||
    /^\[fe[89ab][0-9a-f]:/.test(host)
  )
    return 'points at a link-local or cloud metadata address, which never serves this';
  if (host === '0.0.0.0' || host === '[::]') return 'points at no address (0.0.0.0)';
  if (url.protocol === 'http:' && !isLoopbackHost(host))
    return 'must be an https:// URL (plain http:// only to this machine: localhost, 127.0.0.1, [::1])';
  return null;
}
