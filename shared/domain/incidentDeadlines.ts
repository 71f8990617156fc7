/**
 * Incident reporting deadlines. They count from when the incident was RECORDED in Vigil (created_at), not
 * from its date: an incident may carry a partial date ("2026-03") or be recorded days later, and the duty
 * to report starts when the officer learns of it. Manager: at once (default 1 h); regional security:
 * 48 h; a written report: 24 h, for critical incidents only. Each is met by its "done at" time.
 */
export const REPORT_KINDS = ['manager', 'regional', 'written'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface DeadlineHours {
  manager: number;
  regional: number;
  written: number;
}
export const DEFAULT_DEADLINE_HOURS: DeadlineHours = { manager: 1, regional: 48, written: 24 };

export interface DeadlineInput {
  createdAt: string;
  severity: string | null;
  managerReportedAt: string | null;
  regionalReportedAt: string | null;
  writtenReportedAt: string | null;
}

export type DeadlineStatus = 'done' | 'done_late' | 'pending' | 'overdue';

export interface ReportDeadline {
  kind: ReportKind;
  dueAt: string;
  doneAt: string | null;
  status: DeadlineStatus;
}

const doneField = { manager: 'managerReportedAt', regional: 'regionalReportedAt', written: 'writtenReportedAt' } as const;

/** The deadlines that apply to an incident (the written report only when it is critical). */
export function reportDeadlines(incident: DeadlineInput, hours: DeadlineHours, now: Date): ReportDeadline[] {
  const recorded = new Date(incident.createdAt).getTime();
  const kinds = REPORT_KINDS.filter((k) => k !== 'written' || incident.severity === 'critical');
  return kinds.map((kind) => {
    const dueAt = new Date(recorded + hours[kind] * 3_600_000).toISOString();
    const doneAt = incident[doneField[kind]];
    let status: DeadlineStatus;
    if (doneAt) status = doneAt <= dueAt ? 'done' : 'done_late';
    else status = now.toISOString() > dueAt ? 'overdue' : 'pending';
    return { kind, dueAt, doneAt, status };
  });
}

/** The kinds of report still owed past their deadline. */
export function overdueReports(incident: DeadlineInput, hours: DeadlineHours, now: Date): ReportKind[] {
  return reportDeadlines(incident, hours, now)
    .filter((d) => d.status === 'overdue')
    .map((d) => d.kind);
}
