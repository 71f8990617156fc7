/**
 * When is a movement under way overdue? Its next deadline is the earliest planned check-in not yet met
 * (met = a check-in recorded no earlier than `margin` before it), else the expected return. Past that
 * deadline by more than `margin`, it is an alarm, until an acknowledgement names that deadline; an
 * acknowledged check-in then gives way to the next deadline.
 */
export interface OverdueInput {
  state: string;
  plannedCheckIns: readonly string[];
  expectedReturnAt: string;
  checkIns: ReadonlyArray<{ at: string }>;
  acknowledgedDues: ReadonlyArray<string>;
}

export interface Overdue {
  kind: 'check_in' | 'return';
  dueAt: string;
  overdueMinutes: number;
}

/** The earliest planned check-in neither met nor acknowledged, else the expected return. */
export function nextDeadline(m: OverdueInput, marginMinutes: number): { kind: 'check_in' | 'return'; dueAt: string } {
  const margin = marginMinutes * 60_000;
  const times = m.checkIns.map((c) => new Date(c.at).getTime());
  const pending = [...m.plannedCheckIns]
    .sort()
    .find((planned) => !m.acknowledgedDues.includes(planned) && !times.some((t) => t >= new Date(planned).getTime() - margin));
  if (pending && pending < m.expectedReturnAt) return { kind: 'check_in', dueAt: pending };
  return { kind: 'return', dueAt: m.expectedReturnAt };
}

export function overdue(m: OverdueInput, now: Date, marginMinutes: number): Overdue | null {
  if (m.state !== 'under_way') return null;
  const next = nextDeadline(m, marginMinutes);
  const late = now.getTime() - new Date(next.dueAt).getTime();
  if (late <= marginMinutes * 60_000) return null;
  if (m.acknowledgedDues.includes(next.dueAt)) return null;
  return { ...next, overdueMinutes: Math.floor(late / 60_000) };
}
