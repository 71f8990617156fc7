import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Select, TextInput } from '../../components';
import { useVigilMutation } from '../../lib/queries';
import { ContactInputSchema, type ContactInput } from '../../../../shared/contract/contacts';
import { isolate } from '../files/bidi';
import { useOrganisations } from './hooks';

/**
 * Quick add: name, organisation, phone, Enter. The rest (role, call sign, trust note) can wait for the
 * detail form; what matters in the field is not losing the number someone just gave.
 */
export function QuickAdd({ onAdded }: { onAdded?(id: string): void }) {
  const { t } = useTranslation('contacts');
  const organisations = useOrganisations();
  const [name, setName] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nameBox = useRef<HTMLInputElement>(null);
  const create = useVigilMutation('contacts.create', {
    onSuccess: (contact) => {
      setName('');
      setPhone('');
      setError(null);
      nameBox.current?.focus();
      onAdded?.(contact.id);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: ContactInput = {
      name,
      organisationId: organisationId || null,
      phones: phone.trim() ? [{ label: '', number: phone }] : [],
    };
    const parsed = ContactInputSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const key = issue?.path[0] === 'phones' ? 'quickAdd.badPhone' : 'quickAdd.needName';
      setError(t(key));
      return;
    }
    create.mutate(parsed.data);
  };

  return (
    <form className="contacts-quick-add" onSubmit={submit} aria-label={t('quickAdd.label')} noValidate>
      <TextInput
        ref={nameBox}
        aria-label={t('quickAdd.name')}
        placeholder={t('quickAdd.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={200}
        autoComplete="off"
        dir="auto"
      />
      <Select
        aria-label={t('quickAdd.organisation')}
        value={organisationId}
        onChange={(e) => setOrganisationId(e.target.value)}
        placeholder={t('form.noOrganisation')}
        options={(organisations.data?.rows ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
      <TextInput
        aria-label={t('quickAdd.phone')}
        placeholder={t('quickAdd.phone')}
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        maxLength={50}
        inputMode="tel"
        dir="ltr"
        autoComplete="off"
      />
      <Button type="submit" variant="primary" busy={create.isPending}>
        {t('quickAdd.save')}
      </Button>
      {error && (
        <span role="alert" className="v-field__error contacts-quick-add__error">
          {error}
        </span>
      )}
      {create.isSuccess && !error && (
        <span className="contacts-quick-add__done" role="status">
          {t('quickAdd.added', { name: isolate(create.data.name) })}
        </span>
      )}
    </form>
  );
}
