import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog, Spinner, TextArea, TextInput } from '../../components';
import { notify } from '../../app/notify';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { uploadFile } from '../../lib/transports';
import { isDesktop, vigil } from '../../lib/vigil';
import { LANGUAGES, type Language } from '../../../../shared/contract/common';
import type { InspectionDetail, InspectionItem } from '../../../../shared/contract/inspections';
import { StatusBadge } from './InspectionsList';
import { useSaveTo } from '../files/useSaveTo';

const KEYS: Record<string, string> = { y: 'yes', n: 'no', p: 'partial', a: 'na' };

function Photo({ id, index, itemLabel, readOnly }: { id: string; index: number; itemLabel: string; readOnly: boolean }) {
  const { t } = useTranslation('inspections');
  const photo = useVigilQuery('inspections.getPhoto', { id }).data;
  const [confirming, setConfirming] = useState(false);
  const remove = useVigilMutation('inspections.deletePhoto', {
    successMessageKey: 'inspections:run.photoDeleted',
    onSuccess: () => setConfirming(false),
    onError: () => setConfirming(false),
  });
  if (!photo) return null;
  const name = t('run.photoName', { n: index + 1, item: itemLabel });
  return (
    <figure className="insp-photo">
      <img src={`data:${photo.mime};base64,${photo.dataBase64}`} alt={name} />
      {!readOnly && (
        <Button
          size="sm"
          variant="secondary"
          aria-label={t('run.deletePhotoLabel', { name })}
          // Enter and Space press this button; they are not the card's answer keys.
          onKeyDown={(e) => e.stopPropagation()}
          onClick={() => setConfirming(true)}
        >
          {t('run.deletePhoto')}
        </Button>
      )}
      {confirming && (
        <ConfirmDialog
          open
          danger
          title={t('run.deletePhotoTitle')}
          message={t('run.deletePhotoMessage', { name })}
          confirmLabel={t('run.deletePhoto')}
          busy={remove.isPending}
          onConfirm={() => remove.mutate({ id })}
          onCancel={() => setConfirming(false)}
        />
      )}
    </figure>
  );
}

/** Answer, note and photos of one item; answers are saved at once, so a draft never loses anything. */
function ItemCard(props: {
  item: InspectionItem;
  inspectionId: string;
  readOnly: boolean;
  missing: boolean;
  /** Finishing was refused because this photo-required item has no photo yet. */
  photoMissing: boolean;
  current: boolean;
  onFocus(): void;
  onNext(): void;
  registerCard(el: HTMLDivElement | null): void;
}) {
  const { item, inspectionId, readOnly, missing, photoMissing, current, onFocus, onNext, registerCard } = props;
  const { t } = useTranslation('inspections');
  const answer = useVigilMutation('inspections.answer');
  const addPhoto = useVigilMutation('inspections.addPhoto');
  const [note, setNote] = useState(item.note);
  const [text, setText] = useState(item.value ?? '');
  const fileInput = useRef<HTMLInputElement>(null);

  const set = (value: string | null) => answer.mutate({ inspectionId, itemId: item.id, value });
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (readOnly || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement) return;
    // Keys pressed in the delete-photo dialog (rendered inside this card) are not answers.
    if (e.target instanceof Element && e.target.closest('dialog')) return;
    const v = KEYS[e.key.toLowerCase()];
    if (v && item.answerType === 'check') {
      e.preventDefault();
      set(v);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onNext();
    }
  };
  const pickPhoto = async (file: File | undefined) => {
    if (!file) return;
    try {
      const uploadId = await uploadFile(file);
      addPhoto.mutate({ inspectionId, itemId: item.id, file: `upload:${uploadId}` });
    } catch (error) {
      notify.error(error);
    }
  };
  const pickDesktop = async () => {
    const { path } = await vigil.call('dialog.openFile', { filters: [{ name: 'Images', extensions: ['png', 'jpg', 'jpeg', 'webp'] }] });
    if (path) addPhoto.mutate({ inspectionId, itemId: item.id, file: path });
  };

  return (
    <div
      ref={registerCard}
      className={`insp-item${missing || photoMissing ? ' insp-missing' : ''}`}
      data-current={current || undefined}
      data-testid={`item-${item.itemKey}`}
      tabIndex={0}
      aria-label={item.label}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
    >
      <div className="insp-item__head">
        <span>
          {item.label}
          {item.critical && <span className="insp-critical">{t('run.critical')}</span>}
          {item.photoRequired && <span className="insp-photo-required">{t('templates.photoRequired')}</span>}
        </span>
        {missing && <span className="insp-late">{t('run.required')}</span>}
        {photoMissing && <span className="insp-late">{t('run.photoNeeded')}</span>}
      </div>
      <div className="insp-item__answers">
        {item.answerType === 'check' &&
          (['yes', 'no', 'partial', 'na'] as const).map((v) => (
            <Button key={v} size="sm" aria-pressed={item.value === v} disabled={readOnly} onClick={() => set(v)}>
              {t(`answers.${v}`)}
            </Button>
          ))}
        {(item.answerType === 'number' || item.answerType === 'date' || item.answerType === 'text') && (
          <TextInput
            aria-label={item.label}
            type={item.answerType === 'date' ? 'date' : item.answerType === 'number' ? 'number' : 'text'}
            value={text}
            disabled={readOnly}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => text !== (item.value ?? '') && set(text || null)}
          />
        )}
        {!readOnly &&
          (isDesktop ? (
            <Button size="sm" onClick={() => void pickDesktop()}>
              {t('run.addPhoto')}
            </Button>
          ) : (
            <>
              <Button size="sm" busy={addPhoto.isPending} onClick={() => fileInput.current?.click()}>
                {t('run.addPhoto')}
              </Button>
              <input
                ref={fileInput}
                type="file"
                accept="image/png,image/jpeg,image/webp"
                hidden
                data-testid={`photo-${item.itemKey}`}
                onChange={(e) => {
                  void pickPhoto(e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
            </>
          ))}
      </div>
      {(!readOnly || item.note) && (
        <TextArea
          aria-label={t('run.note')}
          placeholder={t('run.note')}
          rows={1}
          value={note}
          disabled={readOnly}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => note !== item.note && answer.mutate({ inspectionId, itemId: item.id, note })}
        />
      )}
      {item.photoIds.length > 0 && (
        <div className="insp-item__photos">
          {item.photoIds.map((id, index) => (
            <Photo key={id} id={id} index={index} itemLabel={item.label} readOnly={readOnly} />
          ))}
        </div>
      )}
    </div>
  );
}

function ComparePanel({ id }: { id: string }) {
  const { t } = useTranslation('inspections');
  const cmp = useVigilQuery('inspections.compare', { id }).data;
  if (!cmp) return <Spinner label={t('loading')} size="sm" />;
  if (!cmp.previous) return <p className="insp-hint">{t('compare.none')}</p>;
  const changed = cmp.items.filter((i) => i.change === 'improved' || i.change === 'worse');
  return (
    <section aria-label={t('compare.title')}>
      <h3>{t('compare.title', { date: cmp.previous.inspectedOn })}</h3>
      <p>{t('compare.counts', cmp.counts)}</p>
      <table className="insp-table">
        <tbody>
          {changed.map((i) => (
            <tr key={i.itemKey}>
              <td>{i.label}</td>
              <td>{i.before ? t(`answers.${i.before}`, { defaultValue: i.before }) : '—'}</td>
              <td>{i.after ? t(`answers.${i.after}`, { defaultValue: i.after }) : '—'}</td>
              <td>
                <StatusBadge kind={i.change} label={t(`compare.${i.change}`)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ActionsPanel({ detail }: { detail: InspectionDetail }) {
  const { t } = useTranslation('inspections');
  const create = useVigilMutation('inspections.createActions', { successMessageKey: 'inspections:actions.created' });
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const withAction = new Set(detail.actions.map((a) => a.itemId));
  const candidates = detail.items.filter((i) => detail.failedItemIds.includes(i.id) && !withAction.has(i.id));
  return (
    <section aria-label={t('actions.title')}>
      <h3>{t('actions.title')}</h3>
      {detail.actions.map((a) => (
        <p key={a.id} className={a.overdue ? 'insp-late' : undefined}>
          {a.title} — {a.owner || '—'} — {a.dueDate ?? '—'} ({t(`actionStatus.${a.overdue ? 'overdue' : a.status}`)})
        </p>
      ))}
      {candidates.length > 0 && (
        <div className="insp-toolbar">
          <TextInput aria-label={t('actions.owner')} placeholder={t('actions.owner')} value={owner} onChange={(e) => setOwner(e.target.value)} />
          <TextInput aria-label={t('actions.due')} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
          <Button
            busy={create.isPending}
            onClick={() =>
              create.mutate({ inspectionId: detail.id, actions: candidates.map((i) => ({ itemId: i.id, owner, dueDate: due || null })) })
            }
          >
            {t('actions.createFromFailed', { count: candidates.length })}
          </Button>
        </div>
      )}
    </section>
  );
}

/** The run screen of a draft, and the detail of a finished inspection. */
export function InspectionRun({ id, onClose }: { id: string; onClose(): void }) {
  const { t, i18n } = useTranslation('inspections');
  const query = useVigilQuery('inspections.get', { id });
  const [current, setCurrent] = useState(0);
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [missingPhotos, setMissingPhotos] = useState<Set<string>>(new Set());
  const cards = useRef<Array<HTMLDivElement | null>>([]);
  const finish = useVigilMutation('inspections.finish', {
    successMessageKey: 'inspections:run.finished',
    onError: (err) => {
      const details = (err as { details?: { unanswered?: Array<{ itemId: string }>; missingPhotos?: Array<{ itemId: string }> } }).details;
      if (details?.unanswered) setMissing(new Set(details.unanswered.map((u) => u.itemId)));
      if (details?.missingPhotos) setMissingPhotos(new Set(details.missingPhotos.map((u) => u.itemId)));
    },
  });
  const { saveTo, dialog } = useSaveTo(t('report.save'));
  const detail = query.data;

  if (!detail) return <Spinner label={t('loading')} />;
  const readOnly = detail.status === 'finished';
  const lang = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : undefined;
  const next = (index: number) => {
    const target = Math.min(index + 1, detail.items.length - 1);
    setCurrent(target);
    cards.current[target]?.focus();
  };
  const report = () =>
    saveTo(`inspection-${detail.inspectedOn}.pdf`, 'pdf', async (path) => {
      const r = await vigil.call('inspections.report', { id: detail.id, path, ...(lang ? { lang } : {}) });
      notify.success(t('report.done', { path: r.path }));
    });

  return (
    <div className="insp-run">
      <div className="insp-run__items">
        <p className="insp-hint">
          {detail.premisesName} · {detail.templateName} (v{detail.templateVersion}) · {detail.inspector} · {detail.inspectedOn}
        </p>
        {!readOnly && <p className="insp-hint">{t('run.keys')}</p>}
        {detail.items.map((item, index) => {
          const heading =
            index === 0 || detail.items[index - 1]!.section !== item.section ? <h3 className="insp-section">{t(`sections.${item.section}`)}</h3> : null;
          return (
            <div key={item.id}>
              {heading}
              <ItemCard
                item={item}
                inspectionId={detail.id}
                readOnly={readOnly}
                missing={missing.has(item.id) && detail.unansweredRequiredIds.includes(item.id)}
                photoMissing={missingPhotos.has(item.id) && item.photoIds.length === 0 && item.value !== 'na'}
                current={index === current}
                onFocus={() => setCurrent(index)}
                onNext={() => next(index)}
                registerCard={(el) => {
                  cards.current[index] = el;
                }}
              />
            </div>
          );
        })}
        {readOnly && <ComparePanel id={detail.id} />}
      </div>
      <aside className="insp-run__side" aria-label={t('run.score')}>
        <StatusBadge kind={detail.status} label={t(`status.${detail.status}`)} />
        <div className="insp-score" data-testid="live-score">
          {detail.liveScore === null ? '—' : `${detail.liveScore.toFixed(1)} %`}
        </div>
        <StatusBadge kind={detail.livePassed ? 'pass' : 'fail'} label={t(detail.livePassed ? 'result.pass' : 'result.fail')} />
        <ul className="insp-sections">
          {detail.sections.map((s) => (
            <li key={s.section}>
              <span>{t(`sections.${s.section}`)}</span>
              <span>{s.score === null ? '—' : `${s.score.toFixed(0)} %`}</span>
            </li>
          ))}
        </ul>
        {!readOnly && <p className="insp-hint">{t('run.unanswered', { count: detail.unansweredRequiredIds.length })}</p>}
        {!readOnly && (
          <Button variant="primary" busy={finish.isPending} onClick={() => finish.mutate({ id: detail.id })}>
            {t('run.finish')}
          </Button>
        )}
        <Button onClick={onClose}>{readOnly ? t('run.back') : t('run.saveDraft')}</Button>
        <Button onClick={() => void report()}>{t('report.button')}</Button>
        {readOnly && <ActionsPanel detail={detail} />}
      </aside>
      {dialog}
    </div>
  );
}
