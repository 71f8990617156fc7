import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, Field, MenuButton, Spinner, TextInput } from '../../components';
import { notify } from '../../app/notify';
import { useVigilQuery } from '../../lib/queries';
import { vigil } from '../../lib/vigil';
import { useSaveTo } from '../files/useSaveTo';
import { localDay } from '../../../../shared/domain/zonedTime';
import { levelColour } from '../../../../shared/domain/riskScoring';
import { RISK_LEVEL_KEYS, type RiskMatrix } from '../../../../shared/presets/riskMatrices';
import type { RiskChange } from '../../../../shared/contract/risks';
import { useCalendarDate, useRiskConfig } from './hooks';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date minus some days (calendar arithmetic, no time zone involved). */
export function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

function LevelChip({ level, matrix, label }: { level: string | null; matrix: RiskMatrix | undefined; label: string }) {
  if (!level) return <span className="risks-changes__chip risks-changes__chip--new">{label}</span>;
  const colour = matrix ? levelColour(matrix, RISK_LEVEL_KEYS.indexOf(level as (typeof RISK_LEVEL_KEYS)[number]) + 1) : null;
  return (
    <span className="risks-changes__chip" style={colour ? { backgroundColor: colour.fill, color: colour.ink } : undefined}>
      {label}
    </span>
  );
}

function LevelMove({ before, after, matrix }: { before: string | null; after: string; matrix: RiskMatrix | undefined }) {
  const { t } = useTranslation('risks');
  const moved = before !== after;
  return (
    <span className="risks-changes__move">
      <LevelChip level={before} matrix={matrix} label={before ? t(`levels.${before}`) : t('changes.new')} />
      <span aria-hidden="true" className="risks-changes__arrow">
        {moved ? '→' : '='}
      </span>
      <span className="v-visually-hidden">{moved ? t('changes.to') : t('changes.same')}</span>
      <LevelChip level={after} matrix={matrix} label={t(`levels.${after}`)} />
    </span>
  );
}

interface RiskChangesProps {
  onOpen(id: string): void;
}

/** "Changes since <date>": every risk whose level or measures changed, with levels before and after. */
export function RiskChanges({ onOpen }: RiskChangesProps) {
  const { t, i18n } = useTranslation('risks');
  const settings = useVigilQuery('settings.get', {});
  const config = useRiskConfig();
  const formatDate = useCalendarDate();
  const timeZone = settings.data?.timeZone ?? 'UTC';
  const defaultSince = useMemo(() => daysBefore(localDay(new Date(), timeZone), 7), [timeZone]);
  const [chosen, setChosen] = useState<string | null>(null);
  const since = chosen ?? defaultSince;
  const valid = DATE.test(since);
  const changes = useVigilQuery('risks.changes', { since }, { enabled: valid && settings.data !== undefined });
  const { saveTo, dialog } = useSaveTo(t('changes.pickerTitle'));
  const [busy, setBusy] = useState(false);
  const matrix = config.data?.matrix;

  const formatInstant = useMemo(() => {
    const f = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    return (iso: string) => f.format(new Date(iso));
  }, [i18n.language, timeZone]);

  const fieldLabel = (field: string) => t(`changes.fields.${field}`, { defaultValue: t(`columns.${field}`, { defaultValue: field }) });

  const exportAs = (format: string) => {
    const ext = format === 'xlsx' ? 'xlsx' : 'csv';
    void saveTo(`risk-changes-since-${since}.${ext}`, ext, async (path) => {
      setBusy(true);
      try {
        const result = await vigil.call('risks.exportChanges', { since, format: ext, path });
        notify.success(t('export.done', { path: result.path, count: result.rows }));
      } finally {
        setBusy(false);
      }
    });
  };

  // The most recently changed risk first: what the officer looks at first.
  const rows: RiskChange[] = useMemo(
    () => [...(changes.data?.risks ?? [])].sort((a, b) => b.lastChangeAt.localeCompare(a.lastChangeAt) || a.risk.reference.localeCompare(b.risk.reference)),
    [changes.data],
  );
  return (
    <section className="risks-changes" aria-label={t('changes.title')}>
      <div className="risks-changes__toolbar">
        <Field label={t('changes.since')} hint={t('changes.sinceHint')} error={valid ? undefined : t('validation.dateFormat')}>
          <TextInput type="date" value={since} max={localDay(new Date(), timeZone)} onChange={(event) => setChosen(event.target.value)} />
        </Field>
        <span role="status" className="risks-changes__count">
          {changes.data && valid ? t('changes.count', { count: rows.length, date: formatDate(since) }) : ''}
        </span>
        <MenuButton
          label={t('export.button')}
          items={(['xlsx', 'csv'] as const).map((f) => ({ id: f, label: t(`changes.exportAs.${f}`), hint: t(`export.hint.${f}`) }))}
          onChoose={exportAs}
          busy={busy}
          disabled={!valid || rows.length === 0}
        />
      </div>
      {changes.isPending && valid ? (
        <Spinner label={t('page.loading')} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('changes.none', { date: valid ? formatDate(since) : since })} hint={t('changes.noneHint')} />
      ) : (
        <div className="risks-changes__scroll">
          <table className="risks-changes__table">
            <thead>
              <tr>
                <th scope="col">{t('columns.reference')}</th>
                <th scope="col">{t('columns.title')}</th>
                <th scope="col">{t('columns.inherentLevel')}</th>
                <th scope="col">{t('columns.residualLevel')}</th>
                <th scope="col">{t('changes.what')}</th>
                <th scope="col">{t('changes.last')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.risk.id}>
                  <td>
                    <button type="button" className="risks-changes__open" onClick={() => onOpen(c.risk.id)} aria-label={t('changes.open', { reference: c.risk.reference, title: c.risk.title })}>
                      {c.risk.reference}
                    </button>
                  </td>
                  <td>{c.risk.title}</td>
                  <td>
                    <LevelMove before={c.inherentLevelBefore} after={c.inherentLevelAfter} matrix={matrix} />
                  </td>
                  <td>
                    <LevelMove before={c.residualLevelBefore} after={c.residualLevelAfter} matrix={matrix} />
                  </td>
                  <td>
                    <ul className="risks-changes__what">
                      {c.residualLevelBefore === null && <li>{t('changes.created')}</li>}
                      {c.changedFields
                        .filter((f) => f !== 'measures')
                        .map((f) => (
                          <li key={f}>{fieldLabel(f)}</li>
                        ))}
                      {c.measuresAdded.map((m, i) => (
                        <li key={`+${i}`}>{t('changes.measureAdded', { title: m })}</li>
                      ))}
                      {c.measuresRemoved.map((m, i) => (
                        <li key={`-${i}`}>{t('changes.measureRemoved', { title: m })}</li>
                      ))}
                      {c.reviews
                        .filter((r) => r.comment)
                        .map((r) => (
                          <li key={r.id} className="risks-changes__comment">
                            “{r.comment}”
                          </li>
                        ))}
                    </ul>
                  </td>
                  <td>
                    <div>{formatInstant(c.lastChangeAt)}</div>
                    <div className="risks-changes__by">{c.lastChangeBy}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog}
    </section>
  );
}
