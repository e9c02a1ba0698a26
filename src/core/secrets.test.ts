import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetSecrets, redactSecrets, redactStream, registerSecret, smtpSecrets } from './secrets.js';

afterEach(() => forgetSecrets());

describe('redactSecrets', () => {
  it('should replace a registered secret in every form it comes back in', () => {
    const key = 'sk-a/b+c"d\\e=f';
    registerSecret(key);
    const echoes = [
      key,
      encodeURIComponent(key),
      JSON.stringify(key).slice(1, -1),
      Buffer.from(key).toString('base64'),
      Buffer.from(key).toString('base64url'),
    ];
    for (const echo of echoes) expect(redactSecrets(`bad key ${echo}!`)).toBe('bad key ***!');
  });

  it("should hide a webhook URL, its path, query and token segments, and SMTP's AUTH PLAIN", () => {
    registerSecret('https://hooks.example.com/services/T000/B000/XXXXXXXXXXXXXXXX?sig=abcdefgh12', 'url');
    expect(
      redactSecrets('POST https://hooks.example.com/services/T000/B000/XXXXXXXXXXXXXXXX?sig=abcdefgh12 failed'),
    ).toBe('POST *** failed');
    expect(redactSecrets('no_service: /services/T000/B000/XXXXXXXXXXXXXXXX')).toBe('no_service: ***');
    expect(redactSecrets('token XXXXXXXXXXXXXXXX, sig abcdefgh12')).toBe('token ***, sig ***');
    for (const s of smtpSecrets('me@example.org', 'pw-1234')) registerSecret(s);
    const plain = Buffer.from('\u0000me@example.org\u0000pw-1234').toString('base64');
    expect(redactSecrets(`535 ${plain} rejected (pw-1234)`)).toBe('535 *** rejected (***)');
  });

  it('should leave text alone without secrets, and ignore values too short to find', () => {
    registerSecret('abc');
    registerSecret(null);
    expect(redactSecrets('abc and more')).toBe('abc and more');
    expect(redactSecrets('x', ['secret-extra'])).toBe('x');
    expect(redactSecrets('an secret-extra here', ['secret-extra'])).toBe('an *** here');
  });

  it('should redact what is written to a guarded stream, strings and buffers, once', () => {
    registerSecret('sk-live-1234567890');
    let out = '';
    const stream = new Writable({
      write(chunk: Buffer, _e, done) {
        out += String(chunk);
        done();
      },
    });
    redactStream(stream);
    redactStream(stream);
    stream.write('key sk-live-1234567890\n');
    stream.write(Buffer.from('buffer sk-live-1234567890\n'));
    stream.write('plain\n', 'utf8');
    expect(out).toBe('key ***\nbuffer ***\nplain\n');
  });
});
