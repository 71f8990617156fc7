import { useMemo } from 'react';
import type { GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/contract/contacts';
import type { EventName } from '../../../../shared/events';
import { InfiniteGrid } from '../../app/grid/InfiniteGrid';
import { createContactColumns } from './columns';
import { useDayFormat, useNumberFormat } from './hooks';

interface ContactsGridProps {
  /** Already debounced by the page. */
  quickFilter: string;
  onOpen(id: string): void;
  onTotal(total: number): void;
  onReady(api: GridApi<Contact> | null): void;
}

/** Contacts carry their organisation's name and type and their last interaction's date. */
const REFRESH_ON: readonly EventName[] = ['contacts.changed', 'organisations.changed', 'interactions.changed'];

/** The contacts grid on the Infinite Row Model: sorting and filtering are done by the core. */
export function ContactsGrid({ quickFilter, onOpen, onTotal, onReady }: ContactsGridProps) {
  const { t } = useTranslation('contacts');
  const formatDay = useDayFormat();
  const formatNumber = useNumberFormat();
  const columnDefs = useMemo(() => createContactColumns({ t, formatDay, formatNumber }), [t, formatDay, formatNumber]);
  return (
    <InfiniteGrid<Contact>
      command="contacts.list"
      className="contacts-grid"
      label={t('grid.label')}
      columnDefs={columnDefs}
      quickFilter={quickFilter}
      refreshOn={REFRESH_ON}
      onRowOpen={(row) => onOpen(row.id)}
      onTotal={onTotal}
      onApi={onReady}
    />
  );
}
