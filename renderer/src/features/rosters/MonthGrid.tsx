import { useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Dialog, Select, Spinner } from '../../components';
import { notify } from '../../app/notify';
import { queryClient, useVigilMutation, useVigilQuery } from '../../lib/queries';
import type { Assignment, RosterMonth } from '../../../../shared/contract/rosters';
import { shiftMonth, weekdayOf } from './hooks';
import { RosterExportMenu } from './RosterExportMenu';
import { FairnessFigures } from './FairnessFigures';

interface Clip {
  ids: string[];
  day: string;
  staffId: string | null;
  cut: boolean;
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const dayDiff = (a: string, b: string) => Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);

/**
 * The month as a grid: one row per person, one column per day, each cell the post's code and the shift,
 * coloured per post. Drag a chip to move it (hold Ctrl to copy); with the keyboard: arrows move, Ctrl+X /
 * Ctrl+C then Ctrl+V move or copy, Delete clears, Enter places the chosen post and shift. Conflicts are
 * listed beside the grid and marked on their cells after every edit.
 */
export function MonthGrid({ month, onMonth }: { month: string; onMonth(month: string): void }) {
  const { t, i18n } = useTranslation('rosters');
  const rtl = i18n.dir() === 'rtl';
  const query = useVigilQuery('rosters.month', { month });
  const data = query.data;
  const [brush, setBrush] = useState('');
  const [clip, setClip] = useState<Clip | null>(null);
  const [focus, setFocus] = useState<{ staffId: string; day: string } | null>(null);
  const [confirmGenerate, setConfirmGenerate] = useState(false);
  const [keepManual, setKeepManual] = useState(true);
  const cells = useRef(new Map<string, HTMLElement>());

  // The edit's answer already holds the month with its conflicts: show it at once.
  const show = (m: RosterMonth) => queryClient.setQueryData(['rosters.month', { month: m.month }], m);
  const onEdited = (out: { month: RosterMonth; skipped: number }) => {
    show(out.month);
    if (out.skipped) notify.success(t('grid.skipped', { count: out.skipped }));
  };
  const assign = useVigilMutation('rosters.assign', { onSuccess: onEdited });
  const move = useVigilMutation('rosters.move', { onSuccess: onEdited });
  const clear = useVigilMutation('rosters.clear', { onSuccess: onEdited });
  const copy = useVigilMutation('rosters.copy', { onSuccess: onEdited });
  const generate = useVigilMutation('rosters.generate', {
    onSuccess: (out) => {
      show(out.month);
      setConfirmGenerate(false);
      const hard = out.unsatisfied.filter((p) => p.rule !== 'daysOff');
      if (hard.length) notify.error(t('grid.generatedShort', { count: out.assigned, problems: hard.length }));
      else notify.success(t('grid.generated', { count: out.assigned }));
    },
  });

  const byCell = useMemo(() => {
    const map = new Map<string, Assignment[]>();
    for (const a of data?.assignments ?? []) map.set(`${a.staffId}|${a.day}`, [...(map.get(`${a.staffId}|${a.day}`) ?? []), a]);
    return map;
  }, [data]);
  const problemsOf = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const p of data?.problems ?? []) for (const id of p.assignmentIds) map.set(id, [...(map.get(id) ?? []), p.message]);
    return map;
  }, [data]);
  const posts = useMemo(() => new Map((data?.posts ?? []).map((p) => [p.id, p])), [data]);
  const brushOptions = (data?.posts ?? []).flatMap((p) => p.shifts.map((s) => ({ value: `${p.id}|${s.id}`, label: `${p.code} ${s.label} — ${p.name} (${p.premisesName})` })));

  if (!data) return <Spinner label={t('loading')} />;
  const staff = data.staff.filter((s) => s.status === 'active' || data.assignments.some((a) => a.staffId === s.id));
  const manualCount = data.assignments.filter((a) => a.manual).length;
  const onLeave = (staffId: string, day: string) => data.staff.find((s) => s.id === staffId)?.leave.some((l) => l.from <= day && day <= l.to) ?? false;
  const cellKey = (staffId: string, day: string) => `${staffId}|${day}`;
  const focusCell = (staffId: string, day: string) => {
    setFocus({ staffId, day });
    cells.current.get(cellKey(staffId, day))?.focus();
  };

  const paste = (staffId: string, day: string) => {
    if (!clip) return;
    if (clip.cut && clip.staffId) {
      for (const id of clip.ids) move.mutate({ id, toDay: day, toStaffId: staffId });
      setClip(null);
    } else {
      copy.mutate({ ids: clip.ids, dayOffset: dayDiff(day, clip.day), ...(clip.staffId && clip.staffId !== staffId ? { toStaffId: staffId } : {}) });
    }
  };

  const onCellKey = (event: KeyboardEvent, staffId: string, day: string) => {
    const row = staff.findIndex((s) => s.id === staffId);
    const col = data.days.indexOf(day);
    const ids = (byCell.get(cellKey(staffId, day)) ?? []).map((a) => a.id);
    const mod = event.ctrlKey || event.metaKey;
    const go = (r: number, c: number) => {
      const s = staff[Math.max(0, Math.min(staff.length - 1, r))];
      const d = data.days[Math.max(0, Math.min(data.days.length - 1, c))];
      if (s && d) focusCell(s.id, d);
    };
    if (event.key === 'ArrowRight') go(row, col + (rtl ? -1 : 1));
    else if (event.key === 'ArrowLeft') go(row, col + (rtl ? 1 : -1));
    else if (event.key === 'ArrowDown') go(row + 1, col);
    else if (event.key === 'ArrowUp') go(row - 1, col);
    else if ((event.key === 'Delete' || event.key === 'Backspace') && ids.length) clear.mutate({ ids });
    else if (mod && event.key.toLowerCase() === 'c' && ids.length) {
      setClip({ ids, day, staffId, cut: false });
      notify.success(t('grid.copied', { count: ids.length }));
    } else if (mod && event.key.toLowerCase() === 'x' && ids.length) {
      setClip({ ids, day, staffId, cut: true });
      notify.success(t('grid.cut', { count: ids.length }));
    } else if (mod && event.key.toLowerCase() === 'v') paste(staffId, day);
    else if (event.key === 'Enter' && brush) {
      const [postId, shiftId] = brush.split('|') as [string, string];
      assign.mutate({ day, staffId, postId, shiftId });
    } else return;
    event.preventDefault();
  };

  const onDayKey = (event: KeyboardEvent, day: string) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === 'c') {
      const ids = data.assignments.filter((a) => a.day === day).map((a) => a.id);
      if (ids.length) {
        setClip({ ids, day, staffId: null, cut: false });
        notify.success(t('grid.copiedDay', { day }));
      }
    } else if (mod && event.key.toLowerCase() === 'v' && clip) {
      copy.mutate({ ids: clip.ids, dayOffset: dayDiff(day, clip.day) });
    } else return;
    event.preventDefault();
  };

  const copyWeek = () => {
    const anchor = focus?.day ?? data.days[0]!;
    const dow = (new Date(`${anchor}T00:00:00Z`).getUTCDay() + 6) % 7;
    const monday = addDays(anchor, -dow);
    const sunday = addDays(monday, 6);
    const ids = data.assignments.filter((a) => a.day >= monday && a.day <= sunday).map((a) => a.id);
    if (!ids.length) notify.success(t('grid.weekEmpty'));
    else copy.mutate({ ids, dayOffset: 7 });
  };

  const onDrop = (event: DragEvent, staffId: string, day: string) => {
    event.preventDefault();
    const id = event.dataTransfer.getData('text/x-vigil-assignment');
    if (!id) return;
    if (event.ctrlKey || event.altKey) {
      const a = data.assignments.find((x) => x.id === id);
      if (a) copy.mutate({ ids: [id], dayOffset: dayDiff(day, a.day), ...(a.staffId !== staffId ? { toStaffId: staffId } : {}) });
    } else move.mutate({ id, toDay: day, toStaffId: staffId });
  };

  const hard = data.problems.filter((p) => p.rule !== 'daysOff');
  const soft = data.problems.filter((p) => p.rule === 'daysOff');
  const busy = assign.isPending || move.isPending || clear.isPending || copy.isPending;

  return (
    <div className="ros-month">
      <div className="ros-toolbar">
        <Button size="sm" onClick={() => onMonth(shiftMonth(month, -1))} aria-label={t('grid.previous')}>
          {rtl ? '→' : '←'}
        </Button>
        <input className="v-input ros-month-input" type="month" dir="ltr" aria-label={t('grid.month')} value={month} onChange={(e) => e.target.value && onMonth(e.target.value)} />
        <Button size="sm" onClick={() => onMonth(shiftMonth(month, 1))} aria-label={t('grid.next')}>
          {rtl ? '←' : '→'}
        </Button>
        <Select aria-label={t('grid.brush')} value={brush} onChange={(e) => setBrush(e.target.value)} options={brushOptions} placeholder={t('grid.brushNone')} />
        <Button size="sm" onClick={copyWeek} disabled={busy}>
          {t('grid.copyWeek')}
        </Button>
        <span className="ros-grow" />
        {busy && <Spinner size="sm" label={t('saving')} />}
        <Button variant="primary" onClick={() => setConfirmGenerate(true)}>
          {t('grid.generate')}
        </Button>
        <RosterExportMenu month={month} />
      </div>
      <p className="ros-help">{t('grid.help')}</p>
      {!data.checked && <p className="ros-warn">{t('grid.notChecked')}</p>}
      <div className="ros-month__body">
        <div className="ros-gridwrap">
          <table className="ros-grid" role="grid" aria-label={t('grid.title', { month })}>
            <thead>
              <tr>
                <th scope="col" className="ros-grid__person">
                  {t('grid.person')}
                </th>
                {data.days.map((d) => {
                  const wd = weekdayOf(d);
                  return (
                    <th key={d} scope="col" tabIndex={0} className={wd === 'sat' || wd === 'sun' ? 'ros-weekend' : undefined} onKeyDown={(e) => onDayKey(e, d)} data-testid={`day-${d}`}>
                      <span className="ros-grid__daynum">{d.slice(8)}</span>
                      <span className="ros-grid__wd">{t(`weekdays.${wd}`)}</span>
                    </th>
                  );
                })}
                <th scope="col">{t('grid.total')}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s) => {
                const counts = data.counts.find((c) => c.staffId === s.id);
                return (
                  <tr key={s.id}>
                    <th scope="row" className="ros-grid__person">
                      <span dir="auto">{s.name}</span>
                      <span className="ros-grid__role">{t(`roles.${s.role}`)}</span>
                    </th>
                    {data.days.map((d) => {
                      const here = byCell.get(cellKey(s.id, d)) ?? [];
                      const conflicts = here.flatMap((a) => problemsOf.get(a.id) ?? []);
                      const leave = onLeave(s.id, d);
                      const focused = focus?.staffId === s.id && focus.day === d;
                      return (
                        <td
                          key={d}
                          ref={(el) => {
                            if (el) cells.current.set(cellKey(s.id, d), el);
                            else cells.current.delete(cellKey(s.id, d));
                          }}
                          role="gridcell"
                          tabIndex={focused || (!focus && s === staff[0] && d === data.days[0]) ? 0 : -1}
                          aria-label={`${s.name} ${d}: ${here.map((a) => `${posts.get(a.postId)?.name ?? ''} ${posts.get(a.postId)?.shifts.find((x) => x.id === a.shiftId)?.label ?? ''}`).join(', ') || t('grid.free')}${conflicts.length ? ` — ${conflicts.join(' ')}` : ''}`}
                          aria-invalid={conflicts.length ? true : undefined}
                          title={conflicts.join('\n') || undefined}
                          data-testid={`cell-${s.id}-${d}`}
                          className={['ros-cell', leave ? 'ros-cell--leave' : '', conflicts.length ? 'ros-cell--conflict' : '', clip?.ids.some((id) => here.some((a) => a.id === id)) ? 'ros-cell--clip' : '']
                            .filter(Boolean)
                            .join(' ')}
                          onFocus={() => setFocus({ staffId: s.id, day: d })}
                          onKeyDown={(e) => onCellKey(e, s.id, d)}
                          onDragOver={(e) => e.preventDefault()}
                          onDrop={(e) => onDrop(e, s.id, d)}
                          onDoubleClick={() => {
                            if (!brush) return;
                            const [postId, shiftId] = brush.split('|') as [string, string];
                            assign.mutate({ day: d, staffId: s.id, postId, shiftId });
                          }}
                        >
                          {leave && !here.length && <span className="ros-leave">{t('grid.leaveShort')}</span>}
                          {here.map((a) => {
                            const post = posts.get(a.postId);
                            const shift = post?.shifts.find((x) => x.id === a.shiftId);
                            const bad = problemsOf.has(a.id);
                            return (
                              <span
                                key={a.id}
                                className={`ros-chip ros-post-${post?.colour ?? 0}${bad ? ' ros-chip--conflict' : ''}`}
                                draggable
                                data-testid={`chip-${a.id}`}
                                onDragStart={(e) => {
                                  e.dataTransfer.setData('text/x-vigil-assignment', a.id);
                                  e.dataTransfer.effectAllowed = 'copyMove';
                                }}
                              >
                                {bad && <span aria-hidden="true">⚠</span>}
                                {post?.code} {shift?.label.slice(0, 1)}
                              </span>
                            );
                          })}
                        </td>
                      );
                    })}
                    <td className="ros-grid__total">{counts?.shifts ?? 0}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <aside className="ros-conflicts" aria-labelledby="ros-conflicts-title" data-testid="conflict-list">
          <h2 id="ros-conflicts-title">{t('grid.conflicts', { count: hard.length })}</h2>
          {hard.length === 0 && <p className="ros-ok">{t('grid.noConflicts')}</p>}
          <ul>
            {hard.map((p, i) => (
              <li key={`${p.rule}-${p.day}-${p.staffId}-${p.postId}-${p.shiftId}-${i}`}>
                <button
                  type="button"
                  className="ros-linklike"
                  onClick={() => p.staffId && focusCell(p.staffId, p.day)}
                  disabled={!p.staffId}
                  data-rule={p.rule}
                >
                  <strong>{t(`rules.${p.rule}`)}</strong> — <span dir="auto">{p.message}</span>
                </button>
              </li>
            ))}
          </ul>
          {soft.length > 0 && (
            <>
              <h3>{t('grid.soft', { count: soft.length })}</h3>
              <ul className="ros-soft">
                {soft.map((p, i) => (
                  <li key={`${p.staffId}-${i}`} dir="auto">
                    {p.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          <FairnessFigures fairness={data.fairness} month={month} compact />
          <h3>{t('grid.legend')}</h3>
          <ul className="ros-legend">
            {data.posts.map((p) => (
              <li key={p.id} dir="auto">
                <span className={`ros-chip ros-post-${p.colour}`}>{p.code}</span> <bdi>{p.name}</bdi> (<bdi>{p.premisesName}</bdi>) —{' '}
                {p.shifts.map((s, i) => (
                  <bdi key={s.id}>
                    {i > 0 ? ', ' : ''}
                    {s.label.slice(0, 1)} = {s.label} <span dir="ltr">{`${s.start}–${s.end}`}</span>
                  </bdi>
                ))}
              </li>
            ))}
          </ul>
        </aside>
      </div>
      {confirmGenerate && (
        <Dialog
          open
          title={t('grid.generateTitle', { month })}
          onClose={() => setConfirmGenerate(false)}
          footer={
            <>
              <Button onClick={() => setConfirmGenerate(false)}>{t('cancel')}</Button>
              <Button variant="primary" busy={generate.isPending} onClick={() => generate.mutate({ month, keepManual })}>
                {t('grid.generateRun')}
              </Button>
            </>
          }
        >
          <p>{t('grid.generateIntro')}</p>
          <Checkbox label={t('grid.keepManual', { count: manualCount })} checked={keepManual} onChange={(e) => setKeepManual(e.target.checked)} />
          {!keepManual && manualCount > 0 && (
            <p className="ros-warn" role="alert">
              {t('grid.replacesManual', { count: manualCount })}
            </p>
          )}
        </Dialog>
      )}
    </div>
  );
}
