import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { msrItemTitle } from '../../../../shared/presets/msrIfrcTitles';
import { Badge, Button, PageHeader, Select, Spinner } from '../../components';
import { useVigilMutation } from '../../lib/queries';
import { MSR_STATUSES } from '../../../../shared/domain/msrCompliance';
import { MSR_PARTS } from '../../../../shared/presets/msrIfrc';
import type { MsrItem } from '../../../../shared/contract/msr';
import { ComplianceBar } from './MsrHomeTile';
import { MsrItemDialog } from './MsrItemDialog';
import { AddItemDialog } from './AddItemDialog';
import { SnapshotsDialog } from './SnapshotsDialog';
import { useMsrList, usePercent } from './hooks';
import { useCalendarDate } from '../risks/hooks';
import './msr.css';

export function MsrPage() {
  const { t, i18n } = useTranslation('msr');
  const list = useMsrList();
  const percent = usePercent();
  const date = useCalendarDate();
  const [openId, setOpenId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [snapshots, setSnapshots] = useState(false);
  const update = useVigilMutation('msr.updateItem');

  const setStatus = (item: MsrItem, status: MsrItem['status']) =>
    update.mutate({
      id: item.id,
      title: item.title,
      description: item.description,
      status,
      evidenceNote: item.evidenceNote,
      evidenceDate: item.evidenceDate,
      responsible: item.responsible,
      dueDate: item.dueDate,
      measureIds: item.measureIds,
    });

  const summary = list.data?.summary;
  const open = list.data?.items.find((i) => i.id === openId) ?? null;
  const statusOptions = MSR_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }));

  return (
    <div className="msr-page">
      <PageHeader
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        actions={
          <>
            <Button onClick={() => setSnapshots(true)}>{t('actions.assessments')}</Button>
            <Button variant="primary" onClick={() => setAdding(true)}>
              {t('actions.add')}
            </Button>
          </>
        }
      />
      {!list.data || !summary ? (
        <Spinner label={t('page.loading')} />
      ) : (
        <>
          <section className="msr-summary" aria-labelledby="msr-summary-title">
            <h2 id="msr-summary-title" className="msr-summary__overall">
              {t('summary.overall')} <span data-testid="msr-overall">{percent(summary.overall.percent)}</span>
            </h2>
            <p className="msr-summary__rule">{t('summary.rule')}</p>
            <ul className="msr-summary__parts">
              {summary.parts.map((p) => (
                <li key={p.part} className="msr-summary__part">
                  <a href={`#msr-part-${p.part}`} className="msr-summary__label">
                    {t('partHeading', { part: p.part, title: t(`parts.${p.part}`) })}
                  </a>
                  <ComplianceBar value={p.percent} label={t('partHeading', { part: p.part, title: t(`parts.${p.part}`) })} />
                  <span className="msr-summary__value" data-testid={`msr-part-${p.part}-percent`}>
                    {percent(p.percent)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          {MSR_PARTS.map((part) => {
            const items = list.data.items.filter((i) => i.part === part);
            return (
              <section key={part} id={`msr-part-${part}`} className="msr-part" aria-labelledby={`msr-part-${part}-title`}>
                <h2 id={`msr-part-${part}-title`} className="msr-part__title">
                  {t('partHeading', { part, title: t(`parts.${part}`) })}
                </h2>
                {items.length === 0 ? (
                  <p className="msr-part__empty">{t('part.empty')}</p>
                ) : (
                  <table className="msr-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('columns.code')}</th>
                        <th scope="col">{t('columns.title')}</th>
                        <th scope="col">{t('columns.status')}</th>
                        <th scope="col">{t('columns.responsible')}</th>
                        <th scope="col">{t('columns.dueDate')}</th>
                        <th scope="col">{t('columns.evidence')}</th>
                        <th scope="col">
                          <span className="v-visually-hidden">{t('columns.actions')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((item) => (
                        <tr key={item.id} data-testid={`msr-item-${item.code}`}>
                          <td className="msr-table__code">
                            <bdi>{item.code}</bdi>
                            {item.origin === 'custom' && <Badge>{t('origin.custom')}</Badge>}
                          </td>
                          <td className="msr-table__title">{msrItemTitle(item, i18n.language)}</td>
                          <td>
                            <Select
                              aria-label={t('statusOf', { code: item.code })}
                              className={`msr-status msr-status--${item.status}`}
                              value={item.status}
                              options={statusOptions}
                              onChange={(event) => setStatus(item, event.target.value as MsrItem['status'])}
                            />
                          </td>
                          <td>{item.responsible}</td>
                          <td>{item.dueDate ? date(item.dueDate) : ''}</td>
                          <td>
                            <div className="msr-table__evidence">
                            {item.evidenceNote && <span>{item.evidenceNote}</span>}
                            {item.evidenceFile && (
                              <span className="msr-table__file">
                                {t('evidence.file')} <bdi>{item.evidenceFile.name}</bdi>
                              </span>
                            )}
                            {item.measureTitles.length > 0 && (
                              <span className="msr-table__measures">{t('measuresCount', { count: item.measureTitles.length })}</span>
                            )}
                            </div>
                          </td>
                          <td>
                            <Button size="sm" aria-label={t('actions.editItem', { code: item.code })} onClick={() => setOpenId(item.id)}>
                              {t('actions.edit')}
                            </Button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            );
          })}
        </>
      )}
      {open && <MsrItemDialog item={open} onClose={() => setOpenId(null)} />}
      {adding && <AddItemDialog onClose={() => setAdding(false)} />}
      {snapshots && <SnapshotsDialog onClose={() => setSnapshots(false)} />}
    </div>
  );
}
