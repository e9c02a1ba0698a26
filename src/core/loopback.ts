/**
 * True for host names that always mean this machine: localhost (and *.localhost), 127.0.0.0/8,
 * ::1 — in brackets or not, and IPv4-mapped (`::ffff:127.0.0.1`, which the URL parser writes
 * `[::ffff:7f00:1]`). Used by `serve` (which hosts it answers without a token) and by the
 * settings (where plain http is allowed).
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const hex = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(h);
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    h === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) ||
    /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) ||
    (hex !== null && parseInt(hex[1]!, 16) >> 8 === 127)
  );
}
