import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import { Checkbox, MenuButton, TextInput } from '../../components';
import { INCIDENT_EXPORT_FORMATS, type Incident, type IncidentExportFormat } from '../../../../shared/contract/incidents';
import { SaveLocationDialog } from '../files/SaveLocationDialog';
import type { IncidentFilters } from './IncidentsGrid';
import { useIncidentsExport } from './useIncidentsExport';

const FORMATS: readonly IncidentExportFormat[] = INCIDENT_EXPORT_FORMATS;

interface IncidentsExportMenuProps {
  getApi(): GridApi<Incident> | null;
  filters: IncidentFilters;
  disabled?: boolean;
}

/**
 * "Export" menu for the grid's current view: CSV, XLSX, GeoJSON,
 * KML or GPX; restricted incidents only when ticked; optionally anonymised for partners.
 */
export function IncidentsExportMenu({ getApi, filters, disabled }: IncidentsExportMenuProps) {
  const { t } = useTranslation('incidents');
  const [includeRestricted, setIncludeRestricted] = useState(false);
  const [anonymise, setAnonymise] = useState(false);
  const [km, setKm] = useState('10');
  const kmValue = Number(km.replace(',', '.'));
  const kmValid = Number.isFinite(kmValue) && kmValue > 0 && kmValue <= 1000;
  const exporter = useIncidentsExport(getApi, filters, { includeRestricted, anonymiseKm: anonymise && kmValid ? kmValue : null });
  return (
    <>
      <MenuButton
        label={t('export.button')}
        items={FORMATS.map((format) => ({ id: format, label: t(`export.as.${format}`), hint: t(`export.hint.${format}`) }))}
        onChoose={(format) => void exporter.start(format as IncidentExportFormat)}
        busy={exporter.busy}
        disabled={disabled}
        itemsDisabled={anonymise && !kmValid}
      >
        <div className="incidents-export__options" role="group" aria-label={t('export.options')}>
          <Checkbox label={t('export.includeRestricted')} checked={includeRestricted} onChange={(e) => setIncludeRestricted(e.target.checked)} />
          <Checkbox label={t('export.anonymise')} hint={t('export.anonymiseHint')} checked={anonymise} onChange={(e) => setAnonymise(e.target.checked)} />
          {anonymise && (
            <label className="incidents-export__km">
              <span>{t('export.anonymiseKm')}</span>
              <TextInput
                type="number"
                min={0.1}
                max={1000}
                step="any"
                inputMode="decimal"
                value={km}
                aria-invalid={!kmValid}
                onChange={(e) => setKm(e.target.value)}
              />
              <span>km</span>
            </label>
          )}
          {anonymise && !kmValid && <span className="incidents-export__error">{t('export.kmInvalid')}</span>}
        </div>
      </MenuButton>
      <SaveLocationDialog
        open={exporter.picking !== null}
        title={t('export.pickerTitle')}
        defaultName={exporter.picking ? exporter.defaultName(exporter.picking) : ''}
        extension={exporter.picking ? `.${exporter.picking}` : ''}
        busy={exporter.busy}
        onCancel={exporter.cancel}
        onSave={(path) => exporter.picking && void exporter.save(exporter.picking, path)}
      />
    </>
  );
}
