import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import { Button, EmptyState, PageHeader, Spinner, TextInput } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import { CONTACT_GROUP_BY, type Contact, type ContactGroupBy } from '../../../../shared/contract/contacts';
import { applyGroupFilter, GroupBySelect, GroupList, groupCountView, textGroupFilter, useGridFilterModel } from '../../app/grid/GroupBy';
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
  const [readyApi, setReadyApi] = useState<GridApi<Contact> | null>(null);
  const onReady = useCallback((ready: GridApi<Contact> | null) => {
    api.current = ready;
    setReadyApi(ready);
  }, []);
  const [groupBy, setGroupBy] = useState<ContactGroupBy | ''>('');
  const gridFilters = useGridFilterModel(readyApi);
  const groups = useVigilQuery(
    'contacts.groups',
    { by: groupBy || 'organisationName', view: groupCountView(quickFilter, gridFilters, groupBy || null) },
    { enabled: groupBy !== '' && view === 'people' },
  );
  const groupLabel = (key: string): string => {
    if (key === '') return t('groups.noOrganisation');
    return groupBy === 'organisationType' ? t(`orgTypes.${key}`) : key;
  };

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
                <GroupBySelect
                  label={t('groups.label')}
                  noneLabel={t('groups.none')}
                  options={CONTACT_GROUP_BY.map((id) => ({ id, label: t(`groups.by.${id}`) }))}
                  value={groupBy}
                  onChange={(by) => {
                    // The old grouping's filter goes with it: a new grouping starts from "all".
                    if (groupBy) applyGroupFilter(api.current, groupBy, null);
                    setGroupBy(by as ContactGroupBy | '');
                  }}
                />
                <span className="contacts-toolbar__end contacts-muted">{t('grid.openHint')}</span>
              </div>
              <div className={groupBy ? 'grid-grouped' : undefined}>
                {groupBy && (
                  <GroupList
                    label={t('groups.listLabel', { by: t(`groups.by.${groupBy}`) })}
                    allLabel={t('groups.all')}
                    loadingLabel={t('page.loading')}
                    groups={groups.data?.groups}
                    total={groups.data?.total}
                    labelOf={groupLabel}
                    colId={groupBy}
                    filterOf={textGroupFilter}
                    filterModel={gridFilters}
                    getApi={getApi}
                  />
                )}
                <ContactsGrid quickFilter={quickFilter} onOpen={setEditing} onTotal={setShown} onReady={onReady} />
              </div>
            </>
          )}
        </>
      )}

      {editing !== undefined && <ContactForm key={editing ?? 'new'} contactId={editing} onClose={() => setEditing(undefined)} onOpen={setEditing} />}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </div>
  );
}
