import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Select, TextInput } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';

/** Who this contact knows: links to other contacts, each with an optional relation ("deputy of"). */
export function ContactLinks({ contactId, onOpen }: { contactId: string; onOpen?(id: string): void }) {
  const { t } = useTranslation('contacts');
  const links = useVigilQuery('contactLinks.list', { contactId });
  const others = useVigilQuery('contacts.list', { startRow: 0, endRow: 1000, sortModel: [{ colId: 'name', sort: 'asc' }] });
  const [toContactId, setTo] = useState('');
  const [relation, setRelation] = useState('');
  const create = useVigilMutation('contactLinks.create', {
    successMessageKey: 'contacts:links.saved',
    onSuccess: () => {
      setTo('');
      setRelation('');
    },
  });
  const remove = useVigilMutation('contactLinks.delete');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!toContactId) return;
    create.mutate({ fromContactId: contactId, toContactId, relation });
  };

  const options = (others.data?.rows ?? []).filter((c) => c.id !== contactId).map((c) => ({ value: c.id, label: c.name }));
  return (
    <section className="contacts-links" aria-label={t('links.title')}>
      <h3 className="contacts-section-title">{t('links.title')}</h3>
      {links.data && links.data.length > 0 ? (
        <ul className="contacts-links__list">
          {links.data.map((l) => {
            const otherId = l.fromContactId === contactId ? l.toContactId : l.fromContactId;
            const otherName = l.fromContactId === contactId ? l.toName : l.fromName;
            return (
              <li key={l.id} className="contacts-links__item">
                {onOpen ? (
                  <button type="button" className="contacts-link-button" dir="auto" onClick={() => onOpen(otherId)}>
                    {otherName}
                  </button>
                ) : (
                  <span dir="auto">{otherName}</span>
                )}
                {l.relation && (
                  <span className="contacts-muted" dir="auto">
                    {l.relation}
                  </span>
                )}
                <Button size="sm" variant="ghost" aria-label={t('links.remove', { name: otherName })} onClick={() => remove.mutate({ id: l.id })}>
                  ×
                </Button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="contacts-muted">{t('links.empty')}</p>
      )}
      <form className="contacts-links__form" onSubmit={submit} aria-label={t('links.add')}>
        <Select aria-label={t('links.contact')} value={toContactId} onChange={(e) => setTo(e.target.value)} placeholder={t('links.choose')} options={options} />
        <TextInput
          aria-label={t('links.relation')}
          placeholder={t('links.relation')}
          value={relation}
          onChange={(e) => setRelation(e.target.value)}
          maxLength={200}
          dir="auto"
        />
        <Button type="submit" size="sm" disabled={!toContactId} busy={create.isPending}>
          {t('links.add')}
        </Button>
      </form>
    </section>
  );
}
