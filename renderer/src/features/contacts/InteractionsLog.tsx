import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button, Field, Select, Spinner, TextArea, TextInput } from '../../components';
import { applyServerIssues, useVigilMutation, useVigilQuery } from '../../lib/queries';
import { INTERACTION_KINDS, InteractionInputSchema, type InteractionInput } from '../../../../shared/contract/contacts';
import { today, useContactsErrorText, useDayFormat } from './hooks';

interface InteractionsLogProps {
  /** Whose log: a contact's, or an organisation's (which also shows its people's interactions). */
  contactId?: string;
  organisationId?: string;
  /** Prefilled "by whom" (the officer, usually). */
  defaultByWhom?: string;
}

/** Meetings, calls and messages, newest first, with a small form to log a new one. */
export function InteractionsLog({ contactId, organisationId, defaultByWhom = '' }: InteractionsLogProps) {
  const { t } = useTranslation('contacts');
  const formatDay = useDayFormat();
  const [adding, setAdding] = useState(false);
  const list = useVigilQuery('interactions.list', contactId ? { contactId } : { organisationId: organisationId ?? '' });
  const remove = useVigilMutation('interactions.delete', { successMessageKey: 'contacts:log.deleted' });

  return (
    <section className="contacts-log" aria-label={t('log.title')}>
      <div className="contacts-log__head">
        <h3 className="contacts-section-title">{t('log.title')}</h3>
        {!adding && (
          <Button size="sm" onClick={() => setAdding(true)}>
            {t('log.add')}
          </Button>
        )}
      </div>
      {adding && (
        <InteractionForm
          contactId={contactId ?? null}
          organisationId={contactId ? null : (organisationId ?? null)}
          defaultByWhom={defaultByWhom}
          onDone={() => setAdding(false)}
        />
      )}
      {list.isPending ? (
        <Spinner size="sm" label={t('log.loading')} />
      ) : list.data && list.data.length > 0 ? (
        <ol className="contacts-log__list">
          {list.data.map((i) => (
            <li key={i.id} className="contacts-log__item">
              <div className="contacts-log__meta">
                <span className={`contacts-kind contacts-kind--${i.kind}`}>{t(`kinds.${i.kind}`)}</span>
                <time dateTime={i.date}>{formatDay(i.date)}</time>
                {i.byWhom && <span dir="auto">{t('log.by', { name: i.byWhom })}</span>}
                {!contactId && i.contactName && <span dir="auto">{t('log.with', { name: i.contactName })}</span>}
                <Button
                  size="sm"
                  variant="ghost"
                  className="contacts-log__delete"
                  aria-label={t('log.delete', { subject: i.subject })}
                  onClick={() => remove.mutate({ id: i.id })}
                >
                  ×
                </Button>
              </div>
              <p className="contacts-log__subject" dir="auto">
                {i.subject}
              </p>
              {i.notes && (
                <p className="contacts-log__notes" dir="auto">
                  {i.notes}
                </p>
              )}
              {i.followUp && (
                <p className="contacts-log__follow" dir="auto">
                  <strong>{t('log.followUp')}: </strong>
                  {i.followUp}
                </p>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="contacts-muted">{t('log.empty')}</p>
      )}
    </section>
  );
}

function InteractionForm({
  contactId,
  organisationId,
  defaultByWhom,
  onDone,
}: {
  contactId: string | null;
  organisationId: string | null;
  defaultByWhom: string;
  onDone(): void;
}) {
  const { t } = useTranslation('contacts');
  const errorText = useContactsErrorText();
  const formId = useId();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<InteractionInput, unknown, z.output<typeof InteractionInputSchema>>({
    resolver: zodResolver(InteractionInputSchema),
    defaultValues: { date: today(), contactId, organisationId, byWhom: defaultByWhom, kind: 'meeting', subject: '', notes: '', followUp: '' },
  });
  const create = useVigilMutation('interactions.create', {
    successMessageKey: 'contacts:log.saved',
    onSuccess: onDone,
    onError: applyServerIssues(setError),
  });

  return (
    <form id={formId} className="contacts-log__form" aria-label={t('log.formLabel')} onSubmit={handleSubmit((v) => create.mutate(v))} noValidate>
      <Field label={t('log.kind')} error={errorText(errors.kind)}>
        <Select {...register('kind')} options={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
      </Field>
      <Field label={t('log.date')} error={errorText(errors.date)} required>
        <TextInput type="date" {...register('date')} />
      </Field>
      <Field label={t('log.byWhom')} error={errorText(errors.byWhom)}>
        <TextInput {...register('byWhom')} maxLength={200} autoComplete="off" dir="auto" />
      </Field>
      <Field label={t('log.subject')} error={errorText(errors.subject)} required className="contacts-wide">
        <TextInput {...register('subject')} maxLength={300} autoComplete="off" dir="auto" autoFocus />
      </Field>
      <Field label={t('log.notes')} error={errorText(errors.notes)} className="contacts-wide">
        <TextArea {...register('notes')} maxLength={5000} rows={3} dir="auto" />
      </Field>
      <Field label={t('log.followUp')} error={errorText(errors.followUp)} className="contacts-wide">
        <TextInput {...register('followUp')} maxLength={2000} autoComplete="off" dir="auto" />
      </Field>
      <div className="contacts-wide contacts-actions">
        <Button onClick={onDone}>{t('shell:common.cancel')}</Button>
        <Button type="submit" variant="primary" busy={create.isPending}>
          {t('log.save')}
        </Button>
      </div>
    </form>
  );
}
