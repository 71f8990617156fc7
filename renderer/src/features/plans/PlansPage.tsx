import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog, EmptyState, PageHeader, Spinner } from '../../components';
import { notify } from '../../app/notify';
import { useVigilMutation } from '../../lib/queries';
import type { Plan, PlanVersion } from '../../../../shared/contract/plans';
import { SaveLocationDialog } from '../files/SaveLocationDialog';
import { formatBytes } from '../files/paths';
import { isolate } from '../files/bidi';
import { ApproveDialog } from './ApproveDialog';
import { PlanForm } from './PlanForm';
import { UploadVersionDialog } from './UploadVersionDialog';
import { useCalendarDate, usePlans } from './hooks';
import { extensionOf, useDownloadVersion } from './useDownloadVersion';
import './plans.css';

type Open = { kind: 'create' } | { kind: 'edit' | 'upload' | 'approve' | 'delete'; plan: Plan } | null;

/** The delegation's plan documents: current version, approval, review date and, where it matters, the last exercise. */
export function PlansPage() {
  const { t, i18n } = useTranslation('plans');
  const plans = usePlans();
  const date = useCalendarDate();
  const [open, setOpen] = useState<Open>(null);
  const download = useDownloadVersion();
  const remove = useVigilMutation('plans.delete', { successMessageKey: 'plans:delete.done', onSuccess: () => setOpen(null) });
  const close = () => setOpen(null);

  const versionLine = (v: PlanVersion) => (
    <span className="plans-version">
      <Button variant="ghost" size="sm" className="plans-version__download" title={t('actions.download')} onClick={() => void download.start(v)}>
        <span dir="auto">{t('table.version', { version: v.version, name: isolate(v.fileName) })}</span>
      </Button>
      <span className="plans-muted plans-small">
        {t('table.uploaded', { size: formatBytes(v.size, i18n.language), date: date(v.uploadedAt), name: isolate(v.uploadedBy) })}
      </span>
      {v.note && (
        <span className="plans-small" dir="auto">
          {v.note}
        </span>
      )}
    </span>
  );

  const rows = plans.data?.rows ?? [];
  return (
    <div className="plans-page">
      <PageHeader
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        actions={
          <Button variant="primary" onClick={() => setOpen({ kind: 'create' })}>
            {t('actions.add')}
          </Button>
        }
      />
      {plans.isPending ? (
        <Spinner label={t('page.loading')} />
      ) : plans.isError ? (
        <p role="alert" className="v-field__error">
          {plans.error.message}
        </p>
      ) : rows.length === 0 ? (
        <EmptyState
          title={t('empty.title')}
          hint={t('empty.hint')}
          action={
            <Button variant="primary" onClick={() => setOpen({ kind: 'create' })}>
              {t('actions.addFirst')}
            </Button>
          }
        />
      ) : (
        <>
          {plans.data.overdue > 0 && (
            <p role="status" className="plans-overdue-summary">
              {t('page.overdue', { count: plans.data.overdue })}
            </p>
          )}
          <div className="plans-table-wrap">
            <table className="plans-table" aria-label={t('table.label')}>
              <thead>
                <tr>
                  <th scope="col">{t('table.kind')}</th>
                  <th scope="col">{t('table.title')}</th>
                  <th scope="col">{t('table.owner')}</th>
                  <th scope="col">{t('table.latest')}</th>
                  <th scope="col">{t('table.approved')}</th>
                  <th scope="col">{t('table.reviewDue')}</th>
                  <th scope="col">{t('table.tested')}</th>
                  <th scope="col">{t('table.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((plan) => {
                  const [latest, ...older] = plan.versions;
                  return (
                    <tr key={plan.id} data-testid="plan-row" className={plan.reviewOverdue ? 'is-overdue' : undefined}>
                      <td>{t(`kinds.${plan.kind}`)}</td>
                      <th scope="row">
                        <span className="plans-table__title">
                          <span dir="auto">{plan.title}</span>
                          {plan.msrItems.length > 0 && (
                            <span className="plans-muted plans-small">{t('table.msrItems', { codes: isolate(plan.msrItems.map((i) => i.code).join(', ')) })}</span>
                          )}
                        </span>
                      </th>
                      <td dir="auto">{plan.owner}</td>
                      <td>
                        {latest ? versionLine(latest) : <span className="plans-muted">{t('table.noVersion')}</span>}
                        {older.length > 0 && (
                          <details className="plans-older">
                            <summary>{t('table.olderVersions')}</summary>
                            <ul>
                              {older.map((v) => (
                                <li key={v.id}>{versionLine(v)}</li>
                              ))}
                            </ul>
                          </details>
                        )}
                      </td>
                      <td>
                        {plan.approvedOn ? (
                          t('table.approvedBy', { name: isolate(plan.approvedBy), date: date(plan.approvedOn) })
                        ) : (
                          <span className="plans-muted">{t('table.notApproved')}</span>
                        )}
                      </td>
                      <td data-testid="plan-review">
                        <span className={plan.reviewOverdue ? 'plans-overdue' : undefined}>
                          {date(plan.reviewDue)}
                          {plan.reviewOverdue && <span className="plans-overdue__tag">{t('table.overdue')}</span>}
                        </span>
                      </td>
                      <td>
                        {plan.testedOn ? (
                          date(plan.testedOn)
                        ) : plan.mustBeTested ? (
                          <span className="plans-untested">{t('table.notTested')}</span>
                        ) : (
                          <span className="plans-muted">{t('table.notApplicable')}</span>
                        )}
                      </td>
                      <td>
                        <div className="plans-actions" role="group" aria-label={t('actions.actionsFor', { title: plan.title })}>
                          <Button size="sm" onClick={() => setOpen({ kind: 'upload', plan })}>
                            {t('actions.upload')}
                          </Button>
                          <Button size="sm" disabled={!latest} onClick={() => setOpen({ kind: 'approve', plan })}>
                            {t('actions.approve')}
                          </Button>
                          <Button size="sm" variant="ghost" onClick={() => setOpen({ kind: 'edit', plan })}>
                            {t('actions.edit')}
                          </Button>
                          <Button size="sm" variant="ghost" onClick={() => setOpen({ kind: 'delete', plan })}>
                            {t('actions.delete')}
                          </Button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {open?.kind === 'create' && <PlanForm record={null} onClose={close} />}
      {open?.kind === 'edit' && <PlanForm record={open.plan} onClose={close} />}
      {open?.kind === 'upload' && <UploadVersionDialog plan={open.plan} onClose={close} />}
      {open?.kind === 'approve' && <ApproveDialog plan={open.plan} onClose={close} />}
      <ConfirmDialog
        open={open?.kind === 'delete'}
        danger
        title={open?.kind === 'delete' ? t('delete.title', { title: isolate(open.plan.title) }) : ''}
        message={t('delete.message')}
        confirmLabel={t('delete.confirm')}
        busy={remove.isPending}
        onCancel={close}
        onConfirm={() => open?.kind === 'delete' && remove.mutate({ id: open.plan.id })}
      />
      <SaveLocationDialog
        open={download.picking !== null}
        title={t('download.pickerTitle')}
        defaultName={download.picking?.fileName ?? ''}
        extension={download.picking && extensionOf(download.picking.fileName) ? `.${extensionOf(download.picking.fileName)}` : ''}
        busy={download.busy}
        onCancel={download.cancel}
        onSave={(path) => {
          if (download.picking) void download.save(download.picking, path);
          else notify.error(new Error(t('shell:errors.unknown')));
        }}
      />
    </div>
  );
}
