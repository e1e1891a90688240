// Request bodies are UTF-8 JSON, sent as is. A body declared in another
// charset or compressed used to be read as if it were plain UTF-8: a desk
// that sent UTF-16 or gzip got its bytes misread (or a confusing "not valid
// JSON") instead of being told what the server accepts. Both are refused with
// 415 before the body is read, and after the protocol and session checks (a
// preParsing hook), so an old console still hears 'upgrade_required' first and
// a caller without a session 'unauthorized'.
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors';

/** The charset parameter of a Content-Type, lower-cased and unquoted, or null if there is none. */
export function charsetOf(contentType: string): string | null {
  for (const part of contentType.split(';').slice(1)) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    return part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
  }
  return null;
}

export function requirePlainUtf8Bodies(app: FastifyInstance): void {
  app.addHook('preParsing', async (request) => {
    const encoding = request.headers['content-encoding']?.trim().toLowerCase();
    if (encoding && encoding !== 'identity') {
      throw new ApiError(
        415,
        'unsupported_media_type',
        `The server accepts request bodies uncompressed only; this one says Content-Encoding: ${encoding.slice(0, 40)}. Send the JSON as it is. Nothing was changed.`,
      );
    }
    const contentType = request.headers['content-type'];
    const charset = contentType ? charsetOf(contentType) : null;
    if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
      throw new ApiError(
        415,
        'unsupported_media_type',
        `The server reads request bodies as UTF-8 only; this one says charset=${charset.slice(0, 40)}. Send UTF-8 JSON (Content-Type: application/json). Nothing was changed.`,
      );
    }
  });
}
