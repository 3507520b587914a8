/**
 * Errors at the HTTP edge: routes throw ApiError (an HTTPException with a machine code); the one
 * handler installed by createApp turns every error into `{ error: { code, message } }`.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class ApiError extends HTTPException {
  constructor(status: ContentfulStatusCode, readonly code: string, message: string) {
    super(status, { message });
    this.name = 'ApiError';
  }
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad-request', 404: 'not-found', 405: 'method-not-allowed', 413: 'too-large', 415: 'unsupported-media-type',
};

/** The single error handler (app.onError). Unknown errors become a 500 without leaking details. */
export function handleError(err: Error, c: Context, log: (m: string) => void): Response {
  if (err instanceof ApiError) return c.json({ error: { code: err.code, message: err.message } }, err.status);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return c.json({ error: { code: CODE_BY_STATUS[status] ?? 'http-error', message: err.message || 'request failed' } }, status);
  }
  log(`unhandled error on ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
  return c.json({ error: { code: 'internal-error', message: 'internal server error' } }, 500);
}
