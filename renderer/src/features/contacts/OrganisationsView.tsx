import { useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button, ConfirmDialog, Dialog, EmptyState, Field, Select, Spinner, TextArea, TextInput } from '../../components';
import { applyServerIssues, useVigilMutation, useVigilQuery } from '../../lib/queries';
import {
  ORGANISATION_TYPES,
  OrganisationInputSchema,
  type Organisation,
  type OrganisationInput,
  type OrganisationType,
} from '../../../../shared/contract/contacts';
import { isolate } from '../files/bidi';
import { InteractionsLog } from './InteractionsLog';
import { isStale } from './columns';
import { useContactsErrorText, useDayFormat, useOrganisations } from './hooks';

/** Organisations with their people and their interactions log, side by side. */
export function OrganisationsView({ onOpenContact }: { onOpenContact(id: string): void }) {
  const { t, i18n } = useTranslation('contacts');
  const formatDay = useDayFormat();
  const organisations = useOrganisations();
  const [search, setSearch] = useState('');
  const [type, setType] = useState<OrganisationType | ''>('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Organisation | null | undefined>(undefined);

  const rows = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase(i18n.language);
    return (organisations.data?.rows ?? []).filter(
      (o) => (!type || o.type === type) && (!needle || o.name.toLocaleLowerCase(i18n.language).includes(needle)),
    );
  }, [organisations.data, search, type, i18n.language]);
  const selected = organisations.data?.rows.find((o) => o.id === selectedId) ?? null;

  if (organisations.isPending) return <Spinner label={t('page.loading')} />;
  return (
    <div className="contacts-orgs">
      <div className="contacts-toolbar">
        <TextInput
          type="search"
          className="contacts-toolbar__search"
          aria-label={t('orgs.search')}
          placeholder={t('orgs.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Select
          aria-label={t('columns.organisationType')}
          value={type}
          onChange={(e) => setType(e.target.value as OrganisationType | '')}
          placeholder={t('filter.anyType')}
          options={ORGANISATION_TYPES.map((o) => ({ value: o, label: t(`orgTypes.${o}`) }))}
        />
        <Button variant="primary" className="contacts-toolbar__end" onClick={() => setEditing(null)}>
          {t('orgs.add')}
        </Button>
      </div>
      {rows.length === 0 ? (
        <EmptyState compact title={t('orgs.empty')} />
      ) : (
        <div className="contacts-orgs__layout">
          <table className="contacts-table" aria-label={t('orgs.title')}>
            <thead>
              <tr>
                <th scope="col">{t('columns.organisationName')}</th>
                <th scope="col">{t('columns.organisationType')}</th>
                <th scope="col">{t('orgs.people')}</th>
                <th scope="col">{t('columns.lastContactDate')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id} aria-selected={o.id === selectedId} className={o.id === selectedId ? 'is-selected' : undefined}>
                  <td>
                    <button type="button" className="contacts-link-button" dir="auto" onClick={() => setSelectedId(o.id)}>
                      {o.name}
                    </button>
                  </td>
                  <td>{t(`orgTypes.${o.type}`)}</td>
                  <td className="contacts-num">{o.contactCount.toLocaleString(i18n.language)}</td>
                  <td>{o.lastContactDate ? formatDay(o.lastContactDate) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {selected ? (
            <OrganisationDetail key={selected.id} organisation={selected} onEdit={() => setEditing(selected)} onOpenContact={onOpenContact} />
          ) : (
            <p className="contacts-muted contacts-orgs__hint">{t('orgs.pick')}</p>
          )}
        </div>
      )}
      {editing !== undefined && <OrganisationForm record={editing} onClose={() => setEditing(undefined)} onCreated={setSelectedId} />}
    </div>
  );
}

function OrganisationDetail({
  organisation,
  onEdit,
  onOpenContact,
}: {
  organisation: Organisation;
  onEdit(): void;
  onOpenContact(id: string): void;
}) {
  const { t } = useTranslation('contacts');
  const people = useVigilQuery('contacts.list', {
    startRow: 0,
    endRow: 500,
    filterModel: { organisationName: { filterType: 'text', type: 'equals', filter: organisation.name } },
    sortModel: [{ colId: 'name', sort: 'asc' }],
  });
  const members = (people.data?.rows ?? []).filter((c) => c.organisationId === organisation.id);
  return (
    <section className="contacts-org-detail" aria-label={organisation.name}>
      <div className="contacts-log__head">
        <h2 className="contacts-org-detail__title" dir="auto">
          {organisation.name}
        </h2>
        <Button size="sm" onClick={onEdit}>
          {t('orgs.edit')}
        </Button>
      </div>
      <p className="contacts-muted">
        {t(`orgTypes.${organisation.type}`)}
        {organisation.areaPath ? ` · ${organisation.areaPath}` : ''}
      </p>
      {organisation.notes && (
        <p className="contacts-org-detail__notes" dir="auto">
          {organisation.notes}
        </p>
      )}
      <h3 className="contacts-section-title">{t('orgs.people')}</h3>
      {members.length === 0 ? (
        <p className="contacts-muted">{t('orgs.noPeople')}</p>
      ) : (
        <ul className="contacts-people">
          {members.map((c) => (
            <li key={c.id}>
              <button type="button" className="contacts-link-button" dir="auto" onClick={() => onOpenContact(c.id)}>
                {c.name}
              </button>
              {c.role && (
                <span className="contacts-muted" dir="auto">
                  {c.role}
                </span>
              )}
              {isStale(c.daysSinceContact) && <span className="contacts-stale-chip">{t('days.stale', { count: c.daysSinceContact ?? 0 })}</span>}
            </li>
          ))}
        </ul>
      )}
      <InteractionsLog organisationId={organisation.id} />
    </section>
  );
}

function OrganisationForm({ record, onClose, onCreated }: { record: Organisation | null; onClose(): void; onCreated(id: string): void }) {
  const { t } = useTranslation('contacts');
  const errorText = useContactsErrorText();
  const formId = useId();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<OrganisationInput, unknown, z.output<typeof OrganisationInputSchema>>({
    resolver: zodResolver(OrganisationInputSchema),
    defaultValues: { name: record?.name ?? '', type: record?.type ?? 'other', areaId: record?.areaId ?? null, notes: record?.notes ?? '' },
  });
  const onError = applyServerIssues(setError);
  const create = useVigilMutation('organisations.create', {
    successMessageKey: 'contacts:orgs.saved',
    onSuccess: (o) => {
      onCreated(o.id);
      onClose();
    },
    onError,
  });
  const update = useVigilMutation('organisations.update', { successMessageKey: 'contacts:orgs.saved', onSuccess: onClose, onError });
  const remove = useVigilMutation('organisations.delete', { successMessageKey: 'contacts:orgs.deleted', onSuccess: onClose });

  return (
    <Dialog
      open
      title={record ? t('orgs.editTitle') : t('orgs.createTitle')}
      onClose={onClose}
      footer={
        <>
          {record && (
            <Button variant="ghost" className="contacts-form__delete" onClick={() => setConfirmDelete(true)}>
              {t('delete.button')}
            </Button>
          )}
          <Button onClick={onClose}>{t('shell:common.cancel')}</Button>
          <Button variant="primary" type="submit" form={formId} busy={create.isPending || update.isPending}>
            {t('form.save')}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        className="contacts-form"
        noValidate
        onSubmit={handleSubmit((v) => (record ? update.mutate({ ...v, id: record.id }) : create.mutate(v)))}
      >
        {errors.root?.server && (
          <p role="alert" className="v-field__error contacts-wide">
            {errors.root.server.message}
          </p>
        )}
        <Field label={t('orgs.name')} error={errorText(errors.name)} required>
          <TextInput {...register('name')} maxLength={200} autoFocus autoComplete="off" dir="auto" />
        </Field>
        <Field label={t('columns.organisationType')} error={errorText(errors.type)} required>
          <Select {...register('type')} options={ORGANISATION_TYPES.map((o) => ({ value: o, label: t(`orgTypes.${o}`) }))} />
        </Field>
        <Field label={t('columns.notes')} error={errorText(errors.notes)} className="contacts-wide">
          <TextArea {...register('notes')} maxLength={5000} rows={3} dir="auto" />
        </Field>
      </form>
      {record && (
        <ConfirmDialog
          open={confirmDelete}
          danger
          title={t('delete.title', { name: isolate(record.name) })}
          message={t('orgs.deleteMessage')}
          confirmLabel={t('delete.confirm')}
          busy={remove.isPending}
          onConfirm={() => remove.mutate({ id: record.id })}
          onCancel={() => setConfirmDelete(false)}
        />
      )}
    </Dialog>
  );
}
