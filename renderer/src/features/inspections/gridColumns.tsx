import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { EQUIPMENT_KINDS, type Action, type Equipment } from '../../../../shared/contract/inspections';
import { INSPECTION_SECTIONS } from '../../../../shared/presets/inspectionTemplates';
import { EXPIRY_STATUSES } from '../../../../shared/domain/equipmentExpiry';
import type { SelectFilterOption } from '../../app/grid/SelectFilter';
import { dayRangeColumnFilter, selectColumnFilter, textColumnFilter } from '../../app/grid/columnFilters';
import { StatusBadge } from './InspectionsList';

/** An exact value of a column, as the core compares it (case-insensitive text equality). */
const equalsText = (key: string, label: string): SelectFilterOption => ({ key, label, model: { filterType: 'text', type: 'equals', filter: key } });

export interface GridColumnContext {
  t: TFunction;
  /** Premises names the premises filter offers. */
  premisesNames: readonly string[];
}

function filters(t: TFunction, premisesNames: readonly string[]) {
  const anyLabel = t('grid.any');
  const days = dayRangeColumnFilter({ fromLabel: t('grid.from'), toLabel: t('grid.to') });
  const premises = selectColumnFilter({ anyLabel, options: premisesNames.map((name) => equalsText(name, name)) });
  return { anyLabel, days, premises };
}

/**
 * Corrective actions: colId = the core's column id, so sort, filter and export need no mapping. "Overdue"
 * is a status filter value the core reads as "open and past due".
 */
export function createActionColumns({ t, premisesNames }: GridColumnContext): ColDef<Action>[] {
  const { anyLabel, days, premises } = filters(t, premisesNames);
  return [
    { colId: 'dueDate', field: 'dueDate', headerName: t('actionColumns.dueDate'), width: 170, flex: 0, ...days },
    { colId: 'premisesName', field: 'premisesName', headerName: t('actionColumns.premisesName'), minWidth: 170, ...premises },
    { colId: 'title', field: 'title', headerName: t('actionColumns.title'), flex: 2, minWidth: 180, ...textColumnFilter },
    { colId: 'owner', field: 'owner', headerName: t('actionColumns.owner'), ...textColumnFilter },
    {
      colId: 'section',
      field: 'section',
      headerName: t('actionColumns.section'),
      valueFormatter: (p) => (p.value ? t(`sections.${p.value as string}`) : ''),
      ...selectColumnFilter({ anyLabel, options: INSPECTION_SECTIONS.map((s) => equalsText(s, t(`sections.${s}`))) }),
    },
    { colId: 'inspectedOn', field: 'inspectedOn', headerName: t('actionColumns.inspectedOn'), width: 170, flex: 0, ...days },
    {
      colId: 'status',
      headerName: t('actionColumns.status'),
      valueGetter: (p) => (p.data ? t(`actionStatus.${p.data.overdue ? 'overdue' : p.data.status}`) : ''),
      ...selectColumnFilter({ anyLabel, options: (['open', 'overdue', 'done'] as const).map((s) => equalsText(s, t(`actionStatus.${s}`))) }),
    },
  ];
}

/** The equipment register: kind and status from lists, dates as day ranges, the rest as text. */
export function createEquipmentColumns({ t }: Pick<GridColumnContext, 't'>): ColDef<Equipment>[] {
  const { anyLabel, days } = filters(t, []);
  const date = (id: 'expiryDate' | 'nextCheck' | 'lastCheck'): ColDef<Equipment> => ({
    colId: id,
    field: id,
    headerName: t(`equipmentColumns.${id}`),
    width: 170,
    flex: 0,
    ...days,
  });
  return [
    {
      colId: 'status',
      field: 'status',
      headerName: t('equipmentColumns.status'),
      width: 180,
      flex: 0,
      cellRenderer: (p: { value: Equipment['status'] | undefined }) => (p.value ? <StatusBadge kind={p.value} label={t(`expiry.${p.value}`)} /> : null),
      ...selectColumnFilter({ anyLabel, options: EXPIRY_STATUSES.map((s) => equalsText(s, t(`expiry.${s}`))) }),
    },
    // The toolbar's premises picker filters by premises (and says where new equipment goes): text here.
    { colId: 'premisesName', field: 'premisesName', headerName: t('equipmentColumns.premisesName'), minWidth: 170, ...textColumnFilter },
    {
      colId: 'kind',
      field: 'kind',
      headerName: t('equipmentColumns.kind'),
      minWidth: 160,
      valueFormatter: (p) => (p.value ? t(`equipmentKinds.${p.value as string}`) : ''),
      ...selectColumnFilter({ anyLabel, options: EQUIPMENT_KINDS.map((k) => equalsText(k, t(`equipmentKinds.${k}`))) }),
    },
    { colId: 'type', field: 'type', headerName: t('equipmentColumns.type'), minWidth: 140, ...textColumnFilter },
    { colId: 'capacity', field: 'capacity', headerName: t('equipmentColumns.capacity'), width: 120, flex: 0, ...textColumnFilter },
    { colId: 'location', field: 'location', headerName: t('equipmentColumns.location'), ...textColumnFilter },
    date('expiryDate'),
    date('nextCheck'),
    date('lastCheck'),
  ];
}
