import { z } from 'zod';

/** Error codes that cross every transport (STYLE.md section 2). */
export const ERROR_CODES = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'LOCKED', 'IO', 'CANCELLED', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorInfoSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
  ref: z.string().optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorInfoSchema }),
]);

/** A field-level problem, as carried in `details.issues` of a VALIDATION error. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Thrown by services and by the typed client; turned into / out of an envelope at every boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly ref: string | undefined;

  constructor(code: ErrorCode, message: string, details?: unknown, ref?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.ref = ref;
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.details !== undefined) info.details = this.details;
    if (this.ref !== undefined) info.ref = this.ref;
    return info;
  }
}

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (error: ErrorInfo): Envelope<never> => ({ ok: false, error });
