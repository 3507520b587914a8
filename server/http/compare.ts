/**
 * `POST /api/compare`: two resolution texts in, the Comparison JSON out (shared/compare/align.ts).
 * Nothing is stored. Guarded like `POST /api/drafts`: open unless a create key is configured.
 */
import { Hono } from 'hono';
import { compareResolutions } from '../../shared/compare/align.ts';
import { importResolution } from '../../shared/import/index.ts';
import type { ResolutionJSON } from '../../shared/resolution/types.ts';
import { requireCreateKey } from '../auth/http.ts';
import { ApiError } from './errors.ts';
import { limitBody, parseJsonObject } from './body.ts';

export interface CompareRoutesDeps {
  /** When set, comparing needs `Authorization: Bearer <createKey>`, as creating a draft does. */
  createKey?: string;
  /** Largest accepted request body. Default 4 MiB (two texts of up to 2 MB each). */
  maxBodyBytes?: number;
}

/** Reads `{"old": "...", "new": "..."}`; every malformed body is a 4xx with the reason. */
async function readTexts(req: Request): Promise<{ old: string; new: string }> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw new ApiError(415, 'unsupported-media-type', 'send application/json: {"old": "<text>", "new": "<text>"}');
  const { old: oldText, new: newText } = parseJsonObject(await req.text(), '{"old": "<text>", "new": "<text>"}');
  if (typeof oldText !== 'string' || typeof newText !== 'string') {
    throw new ApiError(400, 'bad-body', '"old" and "new" must both be strings (resolution texts)');
  }
  return { old: oldText, new: newText };
}

function parse(text: string, side: 'old' | 'new'): ResolutionJSON {
  const result = importResolution(text);
  if (!result.ok) throw new ApiError(422, result.code, `the ${side} text was not imported: ${result.message}`);
  return result.resolution;
}

export function compareRoutes(deps: CompareRoutesDeps): Hono {
  const app = new Hono();
  const maxBytes = deps.maxBodyBytes ?? 4 * 1024 * 1024;
  app.post(
    '/',
    limitBody(maxBytes),
    async (c) => {
      requireCreateKey(c, deps.createKey);
      const texts = await readTexts(c.req.raw);
      return c.json(compareResolutions(parse(texts.old, 'old'), parse(texts.new, 'new')));
    },
  );
  return app;
}
