/**
 * The contract of the one HTTP client all arXiv hosts are reached through (implemented in
 * http-client.ts). Callers say what a good body looks like; the client does politeness,
 * retries and timeouts.
 */
import { AppError } from '../errors.js';

export interface HttpResponseData {
  url: string;
  status: number;
  headers: Headers;
  body: string;
  /** How many requests it took (1 = no retry). */
  attempts: number;
}

export interface GetOptions {
  /** Accept header. */
  accept?: string;
  /**
   * Checks the body of a response the client would return; throws UnexpectedBodyError when it
   * is not the expected document (HTML error page, truncated XML). The client then retries it
   * like a 5xx.
   */
  validate?: (body: string, response: { status: number; headers: Headers }) => void;
  /** Non-2xx statuses returned to the caller instead of thrown (the API's Error feed is HTTP 400). */
  acceptStatuses?: readonly number[];
}

export interface ArxivHttp {
  get(url: string, options?: GetOptions): Promise<HttpResponseData>;
}

/** A request that failed for good: a non-retryable status, or retries exhausted. */
export class HttpError extends AppError {
  override name = 'HttpError';
  constructor(
    message: string,
    readonly url: string,
    readonly status: number | null,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
