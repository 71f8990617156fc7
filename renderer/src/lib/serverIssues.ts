import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { AppError, type FieldIssue } from '../../../shared/envelope';

/** The `details.issues` of a VALIDATION error, or [] for any other error. */
export function serverIssues(err: unknown): FieldIssue[] {
  if (!(err instanceof AppError) || err.code !== 'VALIDATION') return [];
  const issues = (err.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is FieldIssue => typeof i === 'object' && i !== null && typeof i.path === 'string' && typeof i.message === 'string',
  );
}

/**
 * Puts the core's VALIDATION issues on the form's fields (react-hook-form paths are the same dotted paths
 * zod reports). Issues without a path land on `root.server`. Returns true when at least one issue was set,
 * so a caller can skip the generic toast.
 *
 *   applyServerIssues(setError)(err)  // curried, handy as a mutation's onError
 *   applyServerIssues(setError, err)
 */
export function applyServerIssues<T extends FieldValues>(setError: UseFormSetError<T>): (err: unknown) => boolean;
export function applyServerIssues<T extends FieldValues>(setError: UseFormSetError<T>, err: unknown): boolean;
export function applyServerIssues<T extends FieldValues>(setError: UseFormSetError<T>, ...rest: [unknown?]) {
  const apply = (err: unknown): boolean => {
    const issues = serverIssues(err);
    issues.forEach((issue, index) => {
      const name = (issue.path === '' ? 'root.server' : issue.path) as Path<T> | `root.${string}`;
      setError(name, { type: 'server', message: issue.message }, { shouldFocus: index === 0 });
    });
    return issues.length > 0;
  };
  return rest.length > 0 ? apply(rest[0]) : apply;
}
