import { useId, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button, Checkbox, ConfirmDialog, Dialog, Field, Select, Spinner, TextArea, TextInput } from '../../components';
import { applyServerIssues, useVigilMutation, useVigilQuery } from '../../lib/queries';
import { ContactInputSchema, type Contact, type ContactInput } from '../../../../shared/contract/contacts';
import { formatDecimal, parseCoordinates } from '../../../../shared/domain/coordinates';
import { isolate } from '../files/bidi';
import { ContactLinks } from './ContactLinks';
import { InteractionsLog } from './InteractionsLog';
import { useContactsErrorText, useDayFormat, useOrganisations } from './hooks';

interface ContactFormProps {
  /** null: a new contact. */
  contactId: string | null;
  onClose(): void;
  /** Open another contact (from a link). */
  onOpen(id: string): void;
}

/** The detail / edit form; an edit first loads the record fresh, not the grid's possibly older copy. */
export function ContactForm({ contactId, onClose, onOpen }: ContactFormProps) {
  const { t } = useTranslation('contacts');
  const existing = useVigilQuery('contacts.get', { id: contactId ?? '' }, { enabled: contactId !== null });
  if (contactId === null) return <ContactFormDialog record={null} onClose={onClose} onOpen={onOpen} />;
  if (existing.data) return <ContactFormDialog key={existing.data.id} record={existing.data} onClose={onClose} onOpen={onOpen} />;
  return (
    <Dialog open title={t('form.editTitle')} onClose={onClose}>
      {existing.isError ? <p role="alert">{existing.error.message}</p> : <Spinner label={t('form.loading')} />}
    </Dialog>
  );
}

type FormValues = ContactInput;

const toFormValues = (c: Contact | null): FormValues => ({
  name: c?.name ?? '',
  organisationId: c?.organisationId ?? null,
  role: c?.role ?? '',
  phones: c?.phones ?? [],
  callSign: c?.callSign ?? '',
  email: c?.email ?? '',
  messaging: c?.messaging ?? [],
  address: c?.address ?? '',
  latitude: c?.latitude ?? null,
  longitude: c?.longitude ?? null,
  languages: c?.languages ?? '',
  relationshipOwner: c?.relationshipOwner ?? '',
  trustNote: c?.trustNote ?? '',
  lastContactDate: c?.lastContactDate ?? null,
  sensitive: c?.sensitive ?? false,
  notes: c?.notes ?? '',
  externalId: c?.externalId ?? null,
});

/** Suggestions for the messaging service field; any other name is accepted. */
const MESSAGING_SERVICES = ['WhatsApp', 'Signal', 'Telegram', 'Threema', 'Viber', 'Skype', 'Teams'];

const nullable = (value: unknown) => (value === '' || value == null ? null : String(value));

function ContactFormDialog({ record, onClose, onOpen }: { record: Contact | null; onClose(): void; onOpen(id: string): void }) {
  const { t } = useTranslation('contacts');
  const errorText = useContactsErrorText();
  const formatDay = useDayFormat();
  const formId = useId();
  const organisations = useOrganisations();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, dirtyFields },
  } = useForm<FormValues, unknown, z.output<typeof ContactInputSchema>>({
    resolver: zodResolver(ContactInputSchema),
    defaultValues: toFormValues(record),
  });
  const phones = useFieldArray({ control, name: 'phones' });
  const handles = useFieldArray({ control, name: 'messaging' });
  const servicesListId = useId();
  // Coordinates are typed as one "lat, lon" text (decimal or DMS) and read with the shared parser.
  const [coordinates, setCoordinates] = useState(
    record?.latitude != null && record.longitude != null ? formatDecimal(record.latitude, record.longitude) : '',
  );
  const [coordinatesError, setCoordinatesError] = useState(false);
  const parsedCoordinates = coordinates.trim() ? parseCoordinates(coordinates) : null;

  const saveOptions = { successMessageKey: 'contacts:form.saved', onSuccess: onClose, onError: applyServerIssues(setError) };
  const create = useVigilMutation('contacts.create', saveOptions);
  const update = useVigilMutation('contacts.update', saveOptions);
  const remove = useVigilMutation('contacts.delete', { successMessageKey: 'contacts:delete.done', onSuccess: onClose });

  const onSubmit = handleSubmit((raw) => {
    const typed = coordinates.trim();
    if (typed && !parsedCoordinates) {
      setCoordinatesError(true);
      return;
    }
    setCoordinatesError(false);
    const values = { ...raw, latitude: parsedCoordinates?.lat ?? null, longitude: parsedCoordinates?.lon ?? null };
    // Logging a meeting moves the last-contact date after this form opened: keep the fresh one unless edited here.
    if (record) update.mutate({ ...values, lastContactDate: dirtyFields.lastContactDate ? values.lastContactDate : record.lastContactDate, id: record.id });
    else create.mutate(values);
  });

  const orgOptions = (organisations.data?.rows ?? []).map((o) => ({ value: o.id, label: o.name }));

  return (
    <Dialog
      open
      size="lg"
      title={record ? t('form.editTitleNamed', { name: isolate(record.name) }) : t('form.createTitle')}
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
      {record && (
        <p className="contacts-form__last" data-testid="contact-last-contact">
          {record.lastContactDate
            ? t('form.lastContact', { date: formatDay(record.lastContactDate) })
            : t('days.never')}
        </p>
      )}
      <form id={formId} className="contacts-form" onSubmit={onSubmit} noValidate>
        {errors.root?.server && (
          <p role="alert" className="v-field__error contacts-wide">
            {errors.root.server.message}
          </p>
        )}
        <Field label={t('columns.name')} error={errorText(errors.name)} required>
          <TextInput {...register('name')} maxLength={200} autoFocus autoComplete="off" dir="auto" />
        </Field>
        <Field label={t('columns.organisationName')} error={errorText(errors.organisationId)}>
          <Select {...register('organisationId', { setValueAs: nullable })} placeholder={t('form.noOrganisation')} options={orgOptions} />
        </Field>
        <Field label={t('columns.role')} error={errorText(errors.role)}>
          <TextInput {...register('role')} maxLength={200} autoComplete="off" dir="auto" />
        </Field>
        <Field label={t('columns.callSign')} error={errorText(errors.callSign)}>
          <TextInput {...register('callSign')} maxLength={50} autoComplete="off" dir="ltr" />
        </Field>
        <fieldset className="contacts-phones contacts-wide">
          <legend className="v-field__label">{t('columns.phones')}</legend>
          {phones.fields.map((field, index) => (
            <div key={field.id} className="contacts-phones__row">
              <TextInput
                aria-label={t('form.phoneLabel', { n: index + 1 })}
                placeholder={t('form.phoneLabelPlaceholder')}
                {...register(`phones.${index}.label`)}
                maxLength={50}
                dir="auto"
              />
              <TextInput
                aria-label={t('form.phoneNumber', { n: index + 1 })}
                aria-invalid={errors.phones?.[index]?.number ? true : undefined}
                {...register(`phones.${index}.number`)}
                maxLength={50}
                inputMode="tel"
                dir="ltr"
              />
              <Button size="sm" variant="ghost" aria-label={t('form.removePhone', { n: index + 1 })} onClick={() => phones.remove(index)}>
                ×
              </Button>
              {errors.phones?.[index]?.number && <span className="v-field__error">{errorText(errors.phones[index].number)}</span>}
            </div>
          ))}
          <Button size="sm" onClick={() => phones.append({ label: '', number: '' })}>
            {t('form.addPhone')}
          </Button>
        </fieldset>
        <fieldset className="contacts-phones contacts-wide">
          <legend className="v-field__label">{t('columns.messaging')}</legend>
          <datalist id={servicesListId}>
            {MESSAGING_SERVICES.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          {handles.fields.map((field, index) => (
            <div key={field.id} className="contacts-phones__row">
              <TextInput
                aria-label={t('form.handleService', { n: index + 1 })}
                placeholder={t('form.handleServicePlaceholder')}
                list={servicesListId}
                {...register(`messaging.${index}.service`)}
                maxLength={50}
                dir="auto"
              />
              <TextInput
                aria-label={t('form.handle', { n: index + 1 })}
                aria-invalid={errors.messaging?.[index]?.handle ? true : undefined}
                placeholder={t('form.handlePlaceholder')}
                {...register(`messaging.${index}.handle`)}
                maxLength={200}
                dir="ltr"
              />
              <Button size="sm" variant="ghost" aria-label={t('form.removeHandle', { n: index + 1 })} onClick={() => handles.remove(index)}>
                ×
              </Button>
              {errors.messaging?.[index]?.handle && <span className="v-field__error">{errorText(errors.messaging[index].handle)}</span>}
            </div>
          ))}
          <Button size="sm" onClick={() => handles.append({ service: '', handle: '' })}>
            {t('form.addHandle')}
          </Button>
        </fieldset>
        <Field label={t('columns.email')} error={errorText(errors.email)}>
          <TextInput type="email" {...register('email')} maxLength={320} autoComplete="off" dir="ltr" />
        </Field>
        <Field label={t('columns.languages')} error={errorText(errors.languages)}>
          <TextInput {...register('languages')} maxLength={200} autoComplete="off" dir="auto" />
        </Field>
        <Field label={t('columns.relationshipOwner')} error={errorText(errors.relationshipOwner)} hint={t('form.ownerHint')}>
          <TextInput {...register('relationshipOwner')} maxLength={200} autoComplete="off" dir="auto" />
        </Field>
        <Field label={t('columns.lastContactDate')} error={errorText(errors.lastContactDate)} hint={t('form.lastContactHint')}>
          <TextInput type="date" {...register('lastContactDate', { setValueAs: nullable })} />
        </Field>
        <Field label={t('columns.address')} error={errorText(errors.address)} className="contacts-wide">
          <TextInput {...register('address')} maxLength={500} autoComplete="off" dir="auto" />
        </Field>
        <Field
          label={t('form.coordinates')}
          className="contacts-wide"
          hint={parsedCoordinates ? t('form.coordinatesRead', { lat: parsedCoordinates.lat.toFixed(5), lon: parsedCoordinates.lon.toFixed(5) }) : t('form.coordinatesHint')}
          error={coordinatesError ? t('validation.coordinatesFormat') : (errorText(errors.latitude) ?? errorText(errors.longitude))}
        >
          <TextInput
            value={coordinates}
            onChange={(event) => {
              setCoordinates(event.target.value);
              setCoordinatesError(false);
            }}
            onBlur={() => setCoordinatesError(coordinates.trim() !== '' && !parsedCoordinates)}
            placeholder="-1.28333, 36.81667"
            maxLength={100}
            autoComplete="off"
            dir="ltr"
          />
        </Field>
        <Field label={t('columns.trustNote')} error={errorText(errors.trustNote)} className="contacts-wide">
          <TextArea {...register('trustNote')} maxLength={2000} rows={2} dir="auto" />
        </Field>
        <Field label={t('columns.notes')} error={errorText(errors.notes)} className="contacts-wide">
          <TextArea {...register('notes')} maxLength={5000} rows={3} dir="auto" />
        </Field>
        <div className="contacts-wide">
          <Checkbox label={t('form.sensitive')} hint={t('form.sensitiveHint')} {...register('sensitive')} />
        </div>
      </form>

      {record && (
        <div className="contacts-form__extras">
          <InteractionsLog contactId={record.id} defaultByWhom={record.relationshipOwner} />
          <ContactLinks contactId={record.id} onOpen={onOpen} />
        </div>
      )}

      {record && (
        <ConfirmDialog
          open={confirmDelete}
          danger
          title={t('delete.title', { name: isolate(record.name) })}
          message={t('delete.message')}
          confirmLabel={t('delete.confirm')}
          busy={remove.isPending}
          onConfirm={() => remove.mutate({ id: record.id })}
          onCancel={() => setConfirmDelete(false)}
        />
      )}
    </Dialog>
  );
}
