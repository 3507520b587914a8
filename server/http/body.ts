/** Request-body helpers shared by the routes: every malformed body becomes a 4xx ApiError with the reason. */
import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';

/** Refuses bodies over `maxBytes` with 413 `too-large`, also while the body is still streaming. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => { throw new ApiError(413, 'too-large', `request body exceeds ${maxBytes} bytes`); },
  });
}

/**
 * Parses `raw` as a JSON object. `shape` describes the expected body in the error message,
 * e.g. `{"label": "Rev.2"}`. Throws 400 `bad-json` or 400 `bad-body`.
 */
export function parseJsonObject(raw: string, shape: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new ApiError(400, 'bad-json', 'request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'bad-body', `JSON body must be an object: ${shape}`);
  }
  return body as Record<string, unknown>;
}
