import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, EmptyState, PageHeader, Spinner } from '../../components';
import type { Area } from '../../../../shared/contract/areas';
import { AreaDetails } from './AreaDetails';
import { AreaFormDialog, type AreaFormMode } from './AreaFormDialog';
import { AreaTree } from './AreaTree';
import { childLevel, visibleRows } from './areaTree';
import { DeclarePhaseDialog } from './DeclarePhaseDialog';
import { DeleteAreaDialog } from './DeleteAreaDialog';
import { useAreas } from './hooks';
import './areas.css';

type OpenDialog =
  | { kind: 'form'; mode: AreaFormMode }
  | { kind: 'declare'; area: Area }
  | { kind: 'delete'; area: Area };

/** Areas & phases: the place tree on one side, the selected area and its phase history on the other. */
export function AreasPage() {
  const { t, i18n } = useTranslation('areas');
  const areas = useAreas();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // Collapsed rather than expanded ids: a new area shows up open, and a delegation's tree is small.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<OpenDialog | null>(null);

  const rows = useMemo(() => visibleRows(areas.data ?? [], collapsed, i18n.language), [areas.data, collapsed, i18n.language]);
  const selected = areas.data?.find((a) => a.id === selectedId) ?? rows[0]?.area ?? null;

  const toggle = (id: string, expand: boolean) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (expand) next.delete(id);
      else next.add(id);
      return next;
    });

  const addCountry = () => setDialog({ kind: 'form', mode: { kind: 'create', parent: null, level: 'country' } });
  const close = () => setDialog(null);

  return (
    <div className="areas-page">
      <PageHeader
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        actions={
          <Button variant="primary" onClick={addCountry}>
            {t('actions.addCountry')}
          </Button>
        }
      />

      {areas.isPending ? (
        <Spinner label={t('page.loading')} />
      ) : rows.length === 0 ? (
        <EmptyState
          title={t('empty.title')}
          hint={t('empty.hint')}
          action={
            <Button variant="primary" onClick={addCountry}>
              {t('actions.addCountry')}
            </Button>
          }
        />
      ) : (
        <div className="areas-layout">
          <div className="areas-layout__tree">
            <AreaTree
              rows={rows}
              selectedId={selected?.id ?? null}
              collapsed={collapsed}
              onSelect={setSelectedId}
              onToggle={toggle}
            />
          </div>
          {selected && (
            <AreaDetails
              area={selected}
              onDeclare={() => setDialog({ kind: 'declare', area: selected })}
              onEdit={() => setDialog({ kind: 'form', mode: { kind: 'edit', area: selected } })}
              onDelete={() => setDialog({ kind: 'delete', area: selected })}
              onAddChild={() => {
                const level = childLevel(selected.level);
                if (level) setDialog({ kind: 'form', mode: { kind: 'create', parent: selected, level } });
              }}
            />
          )}
        </div>
      )}

      {dialog?.kind === 'form' && (
        <AreaFormDialog
          mode={dialog.mode}
          onClose={close}
          onSaved={(area) => {
            // Show the new area: open its parent and select it.
            if (area.parentId) toggle(area.parentId, true);
            setSelectedId(area.id);
            close();
          }}
        />
      )}
      {dialog?.kind === 'declare' && <DeclarePhaseDialog area={dialog.area} onClose={close} />}
      {dialog?.kind === 'delete' && (
        <DeleteAreaDialog
          area={dialog.area}
          onClose={close}
          onDeleted={() => {
            setSelectedId(dialog.area.parentId);
            close();
          }}
        />
      )}
    </div>
  );
}
