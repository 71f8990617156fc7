import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from 'react-hook-form';
import { useVigilQuery } from '../../lib/queries';
import { useErrorText } from '../../app/formErrors';
import { uploadFile } from '../../lib/transports';

/** Every plan document, with how many are past their review date. */
export function usePlans() {
  return useVigilQuery('plans.list', {});
}

/** A calendar date (YYYY-MM-DD) in the user's language; a date, not an instant, so no time-zone shift. */
export function useCalendarDate(): (date: string) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (date: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 10)}T00:00:00Z`)),
    [i18n.language],
  );
}

/** The core's validation tokens (inFuture, noVersion...) in words; anything else as the shell says it. */
export function usePlanErrorText(): (error: FieldError | undefined) => string | undefined {
  const { t, i18n } = useTranslation('plans');
  const shellText = useErrorText();
  return useCallback(
    (error) => (error?.message && i18n.exists(`plans:validation.${error.message}`) ? t(`validation.${error.message}`) : shellText(error)),
    [i18n, t, shellText],
  );
}

/** Where a file comes from: a path (desktop dialog) or a browser File, uploaded for the command that reads it. */
export type FileSource = { kind: 'path'; path: string; name: string } | { kind: 'file'; file: File };

export const fileSourceName = (s: FileSource) => (s.kind === 'path' ? s.name : s.file.name);

/** An upload is consumed by the command that reads it: every call uploads the file again. */
export async function fileRef(source: FileSource): Promise<string> {
  return source.kind === 'path' ? source.path : `upload:${await uploadFile(source.file)}`;
}

export const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/** Files a plan is usually kept in; the core accepts any file up to 25 MB. */
export const PLAN_EXTENSIONS = ['pdf', 'docx', 'doc', 'odt', 'xlsx', 'pptx', 'txt', 'png', 'jpg', 'jpeg'];
