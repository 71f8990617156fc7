import { z } from 'zod';

export const IdSchema = z.uuid();
export const IdInputSchema = z.object({ id: IdSchema });
export const IsoTimeSchema = z.iso.datetime({ offset: false });
export const LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** Trimmed text: leading/trailing space never makes two names different. */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max);

/** An IANA time zone the runtime knows (Intl is in every JS runtime we target). */
export const TimeZoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'unknown time zone' },
);
