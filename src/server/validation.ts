import type { Context } from 'hono';
import { z, type ZodError, type ZodTypeAny } from 'zod';
import { parseIsoDate } from '../corpus/extract-date.js';
import { AppError } from '../errors.js';

/** Turns a zod error into one message that names each wrong field. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ');
}

/** Parses a value with a schema, or throws `bad_request` naming the fields. */
export function validate<S extends ZodTypeAny>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('bad_request', describeZodError(result.error));
  return result.data;
}

/** Reads a JSON body (JSON only: another content type is 415) and validates it. */
export async function readJson<S extends ZodTypeAny>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type.trim())) {
    throw new AppError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new AppError('bad_request', 'The body is not valid JSON.');
  }
  return validate(schema, body);
}

// C0 controls other than tab and line breaks, and DEL: nothing a person types; NUL breaks downstream tools.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Free text from a user: lone surrogates replaced, surrounding space trimmed, controls rejected, length bounded. */
export function userText(max: number) {
  return z
    .string()
    .transform((s) => s.toWellFormed().trim())
    .refine((s) => !CONTROL.test(s), 'must not contain control characters')
    .refine((s) => s.length >= 1, 'must not be empty')
    .refine((s) => s.length <= max, `must be at most ${max} characters`);
}

/** An ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) turned into an inclusive day bound. */
export function isoDateBound(end: 'start' | 'end') {
  return z.string().transform((value, ctx) => {
    const bound = parseIsoDate(value, end);
    if (!bound) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${value.slice(0, 40)}" is not an ISO date (YYYY-MM-DD)` });
      return z.NEVER;
    }
    return bound;
  });
}

/** A communiqué id as it appears in `sources` filters. */
export const sourceId = z.string().min(1).max(300);
