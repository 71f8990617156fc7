import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, EmptyState, Field, Select, Spinner } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';

export function StatusBadge({ kind, label }: { kind: string; label: string }) {
  return <span className={`insp-badge insp-badge--${kind}`}>{label}</span>;
}

/** Every inspection, newest first, and the form that starts a new one. */
export function InspectionsList({ onOpen }: { onOpen(id: string): void }) {
  const { t } = useTranslation('inspections');
  const list = useVigilQuery('inspections.list', { startRow: 0, endRow: 500 });
  const premises = useVigilQuery('premises.list', { startRow: 0, endRow: 1000 }).data?.rows ?? [];
  const templates = useVigilQuery('inspections.listTemplates', {}).data ?? [];
  const [premisesId, setPremisesId] = useState('');
  const [templateId, setTemplateId] = useState('');
  const start = useVigilMutation('inspections.start', { onSuccess: (d) => onOpen(d.id) });
  const chosen = premises.find((p) => p.id === premisesId);
  const suggested = templates.find((tp) => tp.premisesType === chosen?.type)?.id ?? '';

  return (
    <>
      <div className="insp-toolbar">
        <Field label={t('start.premises')}>
          <Select
              value={premisesId}
              onChange={(e) => {
                setPremisesId(e.target.value);
                setTemplateId('');
              }}
              options={[{ value: '', label: t('start.choose') }, ...premises.map((p) => ({ value: p.id, label: p.name }))]}
            />
        </Field>
        <Field label={t('start.template')}>
          <Select
              value={templateId || suggested}
              onChange={(e) => setTemplateId(e.target.value)}
              options={[{ value: '', label: t('start.choose') }, ...templates.map((tp) => ({ value: tp.id, label: `${tp.name} (v${tp.version})` }))]}
            />
        </Field>
        <Button
          variant="primary"
          disabled={!premisesId || !(templateId || suggested)}
          busy={start.isPending}
          onClick={() => start.mutate({ premisesId, templateId: templateId || suggested })}
        >
          {t('start.button')}
        </Button>
      </div>
      {list.isPending ? (
        <Spinner label={t('loading')} />
      ) : !list.data?.rows.length ? (
        <EmptyState title={t('list.empty')} hint={t('list.emptyHint')} />
      ) : (
        <table className="insp-table" aria-label={t('tabs.inspections')}>
          <thead>
            <tr>
              <th>{t('list.date')}</th>
              <th>{t('list.premises')}</th>
              <th>{t('list.template')}</th>
              <th>{t('list.inspector')}</th>
              <th>{t('list.status')}</th>
              <th>{t('list.score')}</th>
              <th>{t('list.result')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.rows.map((r) => (
              <tr key={r.id} data-clickable tabIndex={0} onClick={() => onOpen(r.id)} onKeyDown={(e) => e.key === 'Enter' && onOpen(r.id)}>
                <td>{r.inspectedOn}</td>
                <td>{r.premisesName}</td>
                <td>
                  {r.templateName} (v{r.templateVersion})
                </td>
                <td>{r.inspector}</td>
                <td>
                  <StatusBadge kind={r.status} label={t(`status.${r.status}`)} />
                </td>
                <td>{r.score === null ? '—' : `${r.score.toFixed(1)} %`}</td>
                <td>{r.passed === null ? '—' : <StatusBadge kind={r.passed ? 'pass' : 'fail'} label={t(r.passed ? 'result.pass' : 'result.fail')} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
