// Reads a JSON request body with every guard the contract promises: 415 for a body that
// is not JSON, 413 past the size limit (checked while streaming, not only by
// Content-Length), 400 for malformed JSON, 422 with JSON Pointer paths for the wrong shape.

import type { Context } from 'hono';
import * as z from 'zod/mini';
import type { FieldError } from '../../lib/portal/problems';
import { MAX_BODY_BYTES } from '../../lib/portal/schemas';
import { problems } from './problem';

/** `validationExtras` are added to a 422 for the wrong shape (say, the route's limits). */
export async function readJson<Schema extends z.ZodMiniType>(
  c: Context,
  schema: Schema,
  validationExtras: Parameters<typeof problems.validation>[1] = {},
): Promise<z.output<Schema>> {
  const contentType = c.req.header('Content-Type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) {
    throw problems.unsupportedMediaType();
  }
  const text = await readLimitedText(c.req.raw, MAX_BODY_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw problems.malformedJson();
  }
  const result = z.safeParse(schema, value);
  if (!result.success)
    throw problems.validation(fieldErrors(result.error.issues), validationExtras);
  return result.data;
}

export async function readLimitedText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('Content-Length') ?? Number.NaN);
  if (declared > limit) throw problems.payloadTooLarge(limit);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw problems.payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const base = pointer(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: `${base}/${escapeToken(key)}`,
        message: 'Unknown field',
      }));
    }
    return [{ path: base, message: issue.message }];
  });
}

/** RFC 6901 JSON Pointer for a zod issue path. */
function pointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${escapeToken(String(segment))}`).join('');
}

function escapeToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}
