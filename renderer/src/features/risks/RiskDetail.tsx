import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, ConfirmDialog, Dialog, Field, Select, Spinner, TextInput } from '../../components';
import { notify } from '../../app/notify';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { MEASURE_TYPES, type RiskReview } from '../../../../shared/contract/risks';
import { RISK_LEVEL_KEYS, type RiskLevelKey, type RiskMatrix } from '../../../../shared/presets/riskMatrices';
import { levelColour } from '../../../../shared/domain/riskScoring';
import { useDateTimeFormat } from '../areas/hooks';
import { RiskForm } from './RiskForm';
import { useCalendarDate, useRiskConfig } from './hooks';

export function LevelBadge({ level, matrix }: { level: RiskLevelKey; matrix: RiskMatrix | undefined }) {
  const { t } = useTranslation('risks');
  const colour = matrix ? levelColour(matrix, RISK_LEVEL_KEYS.indexOf(level) + 1) : undefined;
  return (
    <Badge colour={colour?.fill} ink={colour?.ink}>
      {t(`levels.${level}`)}
    </Badge>
  );
}

function HistoryEntry({ review }: { review: RiskReview }) {
  const { t } = useTranslation('risks');
  const formatDateTime = useDateTimeFormat();
  const show = (v: unknown) => (v == null || v === '' ? t('detail.empty') : Array.isArray(v) ? v.join(', ') : String(v));
  const levelsMoved =
    review.inherentLevelBefore !== null &&
    (review.inherentLevelBefore !== review.inherentLevelAfter || review.residualLevelBefore !== review.residualLevelAfter);
  return (
    <li className="risks-history__entry" data-testid="history-entry">
      <div className="risks-history__head">
        <strong>{t(`kinds.${review.kind}`)}</strong>
        <span className="risks-history__by">{t('detail.by', { actor: review.actor, at: formatDateTime(review.at) })}</span>
      </div>
      {review.changes.length > 0 && (
        <ul className="risks-history__changes">
          {review.changes.map((c) => (
            <li key={c.field}>
              {t('detail.changed', {
                field: c.field === 'measures' ? t('detail.measures') : t(`columns.${c.field}`, { defaultValue: c.field }),
                before: show(c.before),
                after: show(c.after),
              })}
            </li>
          ))}
        </ul>
      )}
      {levelsMoved && (
        <p className="risks-history__levels">
          {t('heat.inherent')}: {t('detail.levels', { before: t(`levels.${review.inherentLevelBefore}`), after: t(`levels.${review.inherentLevelAfter}`) })}
          {' · '}
          {t('heat.residual')}:{' '}
          {t('detail.levels', { before: t(`levels.${review.residualLevelBefore ?? review.residualLevelAfter}`), after: t(`levels.${review.residualLevelAfter}`) })}
        </p>
      )}
      {review.comment && <p className="risks-history__comment" dir="auto">{review.comment}</p>}
    </li>
  );
}

/** One risk: its assessment, its measures (add, link, unlink) and its history as a timeline. */
export function RiskDetail({ riskId, onClose }: { riskId: string; onClose(): void }) {
  const { t } = useTranslation('risks');
  const detail = useVigilQuery('risks.get', { id: riskId });
  const measures = useVigilQuery('measures.list', {});
  const config = useRiskConfig();
  const formatDate = useCalendarDate();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [newTitle, setNewTitle] = useState('');
  const [newType, setNewType] = useState<(typeof MEASURE_TYPES)[number]>('protection');
  const [linkId, setLinkId] = useState('');
  const reviewed = useVigilMutation('risks.review', { onSuccess: (r) => notify.success(t('detail.reviewedDone', { date: formatDate(r.nextReview) })) });
  const addMeasure = useVigilMutation('measures.create', { successMessageKey: 'risks:detail.measureSaved', onSuccess: () => setNewTitle('') });
  const link = useVigilMutation('risks.link', { onSuccess: () => setLinkId('') });
  const unlink = useVigilMutation('risks.unlink');
  const remove = useVigilMutation('risks.delete', { successMessageKey: 'risks:delete.done', onSuccess: onClose });

  if (!detail.data) {
    return (
      <Dialog open title={t('form.loading')} onClose={onClose}>
        {detail.isError ? <p role="alert">{detail.error.message}</p> : <Spinner label={t('form.loading')} />}
      </Dialog>
    );
  }
  const { risk, reviews } = detail.data;
  const matrix = config.data?.matrix;
  const linked = new Set(detail.data.measures.map((m) => m.id));
  const linkable = (measures.data?.rows ?? []).filter((m) => !linked.has(m.id));
  if (editing) return <RiskForm record={risk} onClose={() => setEditing(false)} />;

  return (
    <Dialog
      open
      size="lg"
      title={t('detail.title', { reference: risk.reference, title: risk.title })}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={() => setConfirmDelete(true)}>
            {t('delete.button')}
          </Button>
          <Button busy={reviewed.isPending} onClick={() => reviewed.mutate({ id: risk.id })}>
            {t('actions.reviewed')}
          </Button>
          <Button variant="primary" onClick={() => setEditing(true)}>
            {t('actions.edit')}
          </Button>
        </>
      }
    >
      <div className="risks-detail">
        <dl className="risks-detail__facts">
          <dt>{t('columns.category')}</dt>
          <dd>{t(`categories.${risk.category}`, { defaultValue: risk.category })}</dd>
          <dt>{t('columns.status')}</dt>
          <dd>{t(`statuses.${risk.status}`)}</dd>
          <dt>{t('heat.inherent')}</dt>
          <dd data-testid="inherent-level">
            <LevelBadge level={risk.inherentLevel} matrix={matrix} /> {risk.inherentLikelihood} × {risk.inherentImpact}
          </dd>
          <dt>{t('heat.residual')}</dt>
          <dd data-testid="residual-level">
            <LevelBadge level={risk.residualLevel} matrix={matrix} /> {risk.residualLikelihood} × {risk.residualImpact}
          </dd>
          <dt>{t('columns.threat')}</dt>
          <dd dir="auto">{risk.threat || t('detail.empty')}</dd>
          <dt>{t('columns.locations')}</dt>
          <dd dir="auto" data-testid="risk-locations">
            {risk.locations || t('detail.empty')}
          </dd>
          <dt>{t('columns.owner')}</dt>
          <dd dir="auto">{risk.owner || t('detail.empty')}</dd>
          <dt>{t('columns.nextReview')}</dt>
          <dd className={risk.reviewOverdue ? 'risks-detail__overdue' : undefined}>
            {formatDate(risk.nextReview)} {risk.reviewOverdue && `(${t('detail.overdue')})`}
          </dd>
        </dl>

        <section className="risks-detail__measures" aria-labelledby="risk-measures-title">
          <h3 id="risk-measures-title">{t('detail.measures')}</h3>
          {detail.data.measures.length === 0 ? (
            <p className="v-field__hint">{t('detail.noMeasures')}</p>
          ) : (
            <ul className="risks-detail__list">
              {detail.data.measures.map((m) => (
                <li key={m.id} data-testid="linked-measure">
                  <span dir="auto">{m.title}</span>
                  <span className="risks-detail__meta">
                    {t(`measureTypes.${m.type}`)} · {t(`measureStatuses.${m.status}`)}
                    {m.dueDate ? ` · ${t('detail.due', { date: formatDate(m.dueDate) })}` : ''}
                  </span>
                  <Button size="sm" variant="ghost" onClick={() => unlink.mutate({ riskId: risk.id, measureId: m.id })}>
                    {t('detail.unlink')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <form
            className="risks-detail__add"
            onSubmit={(e) => {
              e.preventDefault();
              if (newTitle.trim()) addMeasure.mutate({ title: newTitle.trim(), type: newType, riskIds: [risk.id] });
            }}
          >
            <Field label={t('detail.newMeasure')}>
              <TextInput value={newTitle} onChange={(e) => setNewTitle(e.target.value)} maxLength={300} dir="auto" />
            </Field>
            <Field label={t('detail.measureType')}>
              <Select
                value={newType}
                onChange={(e) => setNewType(e.target.value as (typeof MEASURE_TYPES)[number])}
                options={MEASURE_TYPES.map((m) => ({ value: m, label: t(`measureTypes.${m}`) }))}
              />
            </Field>
            <Button type="submit" busy={addMeasure.isPending} disabled={!newTitle.trim()}>
              {t('detail.addMeasure')}
            </Button>
          </form>
          {linkable.length > 0 && (
            <div className="risks-detail__add">
              <Field label={t('detail.linkExisting')}>
                <Select
                  value={linkId}
                  onChange={(e) => setLinkId(e.target.value)}
                  placeholder={t('detail.choose')}
                  options={linkable.map((m) => ({ value: m.id, label: m.title }))}
                />
              </Field>
              <Button disabled={!linkId} busy={link.isPending} onClick={() => link.mutate({ riskId: risk.id, measureId: linkId })}>
                {t('detail.link')}
              </Button>
            </div>
          )}
        </section>

        <section aria-labelledby="risk-history-title">
          <h3 id="risk-history-title">{t('detail.history')}</h3>
          <ol className="risks-history">
            {reviews.map((r) => (
              <HistoryEntry key={r.id} review={r} />
            ))}
          </ol>
        </section>
      </div>
      <ConfirmDialog
        open={confirmDelete}
        danger
        title={t('delete.title', { name: risk.reference })}
        message={t('delete.message')}
        confirmLabel={t('delete.confirm')}
        busy={remove.isPending}
        onConfirm={() => remove.mutate({ id: risk.id })}
        onCancel={() => setConfirmDelete(false)}
      />
    </Dialog>
  );
}
