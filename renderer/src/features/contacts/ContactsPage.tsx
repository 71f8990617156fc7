import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import { Button, EmptyState, PageHeader, Spinner, TextInput } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import type { Contact } from '../../../../shared/contract/contacts';
import { useDebouncedValue } from '../../app/grid/useDebouncedValue';
import { ContactForm } from './ContactForm';
import { ContactsGrid } from './ContactsGrid';
import { ExportMenu } from './ExportMenu';
import { ImportDialog } from './ImportDialog';
import { NetworkView } from './NetworkView';
import { OrganisationsView } from './OrganisationsView';
import { QuickAdd } from './QuickAdd';
import './contacts.css';

/** undefined: no form open; null: a new contact; a string: that contact's id. */
type Editing = string | null | undefined;
type View = 'people' | 'organisations' | 'network';

export function ContactsPage() {
  const { t } = useTranslation('contacts');
  const everything = useVigilQuery('contacts.list', { startRow: 0, endRow: 1 });
  const [view, setView] = useState<View>('people');
  const [search, setSearch] = useState('');
  const quickFilter = useDebouncedValue(search.trim(), 250);
  const [shown, setShown] = useState<number | null>(null);
  const [editing, setEditing] = useState<Editing>(undefined);
  const [importing, setImporting] = useState(false);
  const api = useRef<GridApi<Contact> | null>(null);
  const getApi = useCallback(() => api.current, []);
  const onReady = useCallback((ready: GridApi<Contact> | null) => {
    api.current = ready;
  }, []);

  const total = everything.data?.total;
  const count =
    shown === null || total === undefined
      ? ''
      : shown === total
        ? t('count.all', { count: total })
        : t('count.filtered', { count: shown, total });

  return (
    <div className="contacts-page">
      <PageHeader
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        actions={
          <>
            <Button onClick={() => setImporting(true)}>{t('import.button')}</Button>
            <ExportMenu getApi={getApi} quickFilter={quickFilter} disabled={!total} />
            <Button variant="primary" onClick={() => setEditing(null)}>
              {t('actions.add')}
            </Button>
          </>
        }
      />
      <div className="contacts-tabs" role="tablist" aria-label={t('page.views')}>
        {(['people', 'organisations', 'network'] as const).map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} className="contacts-tabs__tab" onClick={() => setView(v)}>
            {t(`views.${v}`)}
          </button>
        ))}
      </div>

      {view === 'organisations' ? (
        <OrganisationsView onOpenContact={setEditing} />
      ) : view === 'network' ? (
        <NetworkView onOpenContact={setEditing} />
      ) : everything.isPending ? (
        <Spinner label={t('page.loading')} />
      ) : (
        <>
          <QuickAdd />
          {total === 0 ? (
            <EmptyState title={t('empty.title')} hint={t('empty.hint')} />
          ) : (
            <>
              <div className="contacts-toolbar">
                <TextInput
                  type="search"
                  className="contacts-toolbar__search"
                  aria-label={t('search.label')}
                  placeholder={t('search.placeholder')}
                  value={search}
                  onChange={(event) => setSearch(event.target.value)}
                />
                <span className="contacts-toolbar__count" role="status">
                  {count}
                </span>
                <span className="contacts-toolbar__end contacts-muted">{t('grid.openHint')}</span>
              </div>
              <ContactsGrid quickFilter={quickFilter} onOpen={setEditing} onTotal={setShown} onReady={onReady} />
            </>
          )}
        </>
      )}

      {editing !== undefined && <ContactForm key={editing ?? 'new'} contactId={editing} onClose={() => setEditing(undefined)} onOpen={setEditing} />}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </div>
  );
}
