import { describe, expect, it } from 'vitest';
import { describeNetworkError, hostOf, networkCode } from './network.js';

const fetchFailed = (code: string, message = code) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });

describe('network errors in words', () => {
  it('should say what could not be reached and that the machine may be offline', () => {
    expect(
      describeNetworkError(fetchFailed('EAI_AGAIN', 'getaddrinfo EAI_AGAIN export.arxiv.org'), 'export.arxiv.org'),
    ).toBe(
      'export.arxiv.org could not be looked up: no answer from DNS (this machine may be offline, or without DNS) (EAI_AGAIN)',
    );
    expect(describeNetworkError(fetchFailed('ENOTFOUND'), 'api.deepseek.cm')).toBe(
      'api.deepseek.cm does not resolve: no such host (check the URL, or this machine may be offline) (ENOTFOUND)',
    );
    expect(describeNetworkError(fetchFailed('ENETUNREACH'), 'rss.arxiv.org')).toContain('this machine may be offline');
    expect(describeNetworkError(fetchFailed('CERT_HAS_EXPIRED'), 'smtp.example.org')).toBe(
      'the TLS certificate of smtp.example.org is not trusted (CERT_HAS_EXPIRED)',
    );
  });

  it("should find the code in an AggregateError's first error (IPv4 and IPv6 both tried)", () => {
    const both = new TypeError('fetch failed', {
      cause: Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), {}),
    });
    expect(networkCode(both)).toBe('ECONNREFUSED');
  });

  it('should name hosts without the rest of the URL (it may carry a token)', () => {
    expect(hostOf('https://user:pw@hooks.slack.com/services/T/B/secret')).toBe('hooks.slack.com');
    expect(hostOf('http://127.0.0.1:8080/v1')).toBe('127.0.0.1:8080');
  });
});
