import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_HOURS, overdueReports, reportDeadlines } from '../../../shared/domain/incidentDeadlines';

const base = { createdAt: '2026-12-03T10:00:00.000Z', severity: 'high', managerReportedAt: null, regionalReportedAt: null, writtenReportedAt: null };

describe('incident reporting deadlines', () => {
  it('counts from when the incident was recorded, not from a partial date', () => {
    // The incident happened "sometime in 2026-11" but was recorded on 3 December at 10:00.
    const d = reportDeadlines({ ...base }, DEFAULT_DEADLINE_HOURS, new Date('2026-12-03T10:30:00.000Z'));
    expect(d.map((x) => [x.kind, x.dueAt, x.status])).toEqual([
      ['manager', '2026-12-03T11:00:00.000Z', 'pending'],
      ['regional', '2026-12-05T10:00:00.000Z', 'pending'],
    ]);
  });

  it('marks the manager report overdue after one hour, and the written report only for critical incidents', () => {
    const now = new Date('2026-12-04T11:00:00.000Z');
    expect(overdueReports(base, DEFAULT_DEADLINE_HOURS, now)).toEqual(['manager']);
    expect(overdueReports({ ...base, severity: 'critical' }, DEFAULT_DEADLINE_HOURS, now)).toEqual(['manager', 'written']);
    expect(overdueReports(base, DEFAULT_DEADLINE_HOURS, new Date('2026-12-05T10:00:01.000Z'))).toEqual(['manager', 'regional']);
  });

  it('a report done late is no longer overdue but shows as late', () => {
    const d = reportDeadlines({ ...base, managerReportedAt: '2026-12-03T12:00:00.000Z' }, DEFAULT_DEADLINE_HOURS, new Date('2026-12-04T00:00:00.000Z'));
    expect(d[0]).toMatchObject({ kind: 'manager', status: 'done_late' });
    const onTime = reportDeadlines({ ...base, managerReportedAt: '2026-12-03T10:45:00.000Z' }, DEFAULT_DEADLINE_HOURS, new Date('2026-12-04T00:00:00.000Z'));
    expect(onTime[0]!.status).toBe('done');
  });

  it('uses the configured hours', () => {
    expect(overdueReports(base, { manager: 4, regional: 72, written: 24 }, new Date('2026-12-03T13:00:00.000Z'))).toEqual([]);
    expect(overdueReports(base, { manager: 2, regional: 72, written: 24 }, new Date('2026-12-03T13:00:00.000Z'))).toEqual(['manager']);
  });
});
