// One error shape for every failure: { error: { code, message } }, where the
// message says what was wrong and what to do. Anything unexpected is a 500
// that is logged in full and described to the client only in general terms.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { MUTATION_NAMES, type ApiErrorBody, type ApiErrorCode } from '../../protocol';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function errorBody(code: ApiErrorCode, message: string): ApiErrorBody {
  return { error: { code, message } };
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = pathOf(issue.path) || 'body';
  if (issue.code === 'invalid_union' && issue.discriminator === 'name') {
    return `${where} is not a mutation this server knows (it knows ${MUTATION_NAMES.join(', ')}); update the server, or the console if it is older than the server`;
  }
  if (issue.code === 'unrecognized_keys') return `${where} has unexpected field(s) ${issue.keys.join(', ')}; remove them`;
  return `${where}: ${issue.message}`;
}

/** Parses untrusted input or throws a 400 listing the first problems found. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const shown = issues.slice(0, 5).map(describeIssue);
  const more = issues.length > shown.length ? `; and ${issues.length - shown.length} more` : '';
  throw new ApiError(400, 'invalid_request', `The ${what} is not valid: ${shown.join('; ')}${more}. Nothing was changed.`);
}

// Fastify's own 4xx errors (body parsing, limits), reworded for people.
const FASTIFY_ERRORS: Record<string, { status: number; code: ApiErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: 'The request body is not valid JSON. Send a JSON object. Nothing was changed.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: 'The request body is empty but says it is JSON. Send a JSON object. Nothing was changed.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    message: 'The request body is larger than the server accepts (1 MiB). Send fewer mutations per push. Nothing was changed.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'The request body must be JSON: send Content-Type: application/json. Nothing was changed.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'invalid_request',
    message: 'The Content-Length header does not match the body. Nothing was changed.',
  },
};

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) return reply.status(error.statusCode).send(errorBody(error.code, error.message));
    const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
    if (known) return reply.status(known.status).send(errorBody(known.code, known.message));
    if (error instanceof SyntaxError)
      return reply.status(400).send(errorBody('invalid_json', FASTIFY_ERRORS.FST_ERR_CTP_INVALID_JSON_BODY!.message));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send(errorBody('invalid_request', `The request was not understood: ${error.message}. Nothing was changed.`));
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .status(500)
      .send(
        errorBody(
          'internal',
          'The server failed while handling this request; it has been logged. Try again; if it keeps failing, tell your administrator.',
        ),
      );
  });
  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send(
        errorBody(
          'not_found',
          `There is no ${request.method} ${request.url.split('?')[0]} on this server; check the console and server versions match.`,
        ),
      );
  });
}
