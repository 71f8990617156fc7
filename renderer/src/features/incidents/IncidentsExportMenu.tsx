import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import { Button, Checkbox, TextInput } from '../../components';
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
 * "Export" menu button (WAI-ARIA menu button pattern) for the grid's current view: CSV, XLSX, GeoJSON,
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
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    items.current[0]?.focus();
    const closeOutside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const index = items.current.findIndex((el) => el === document.activeElement);
    const count = FORMATS.length;
    if (event.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    } else if (index === -1) return;
    else if (event.key === 'ArrowDown') items.current[(index + 1) % count]?.focus();
    else if (event.key === 'ArrowUp') items.current[(index - 1 + count) % count]?.focus();
    else return;
    event.preventDefault();
  };

  const choose = (format: IncidentExportFormat) => {
    if (anonymise && !kmValid) return;
    setOpen(false);
    void exporter.start(format);
  };

  return (
    <div
      className="incidents-export"
      ref={root}
      onBlur={(event) => {
        // Tab moves between the options and the formats; leaving the popup closes it.
        if (open && !root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <Button
        ref={button}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        busy={exporter.busy}
        disabled={disabled}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {t('export.button')}
        <span className="incidents-export__caret" aria-hidden="true" />
      </Button>
      {open && (
        <div className="incidents-export__popup" onKeyDown={onMenuKeyDown}>
          <ul id={menuId} role="menu" aria-label={t('export.button')} className="incidents-export__list">
            {FORMATS.map((format, index) => (
              <li key={format} role="none">
                <button
                  ref={(el) => {
                    items.current[index] = el;
                  }}
                  type="button"
                  role="menuitem"
                  tabIndex={index === 0 ? 0 : -1}
                  aria-disabled={anonymise && !kmValid ? true : undefined}
                  className="incidents-export__item"
                  onClick={() => choose(format)}
                >
                  <span>{t(`export.as.${format}`)}</span>
                  <span className="incidents-export__hint">{t(`export.hint.${format}`)}</span>
                </button>
              </li>
            ))}
          </ul>
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
        </div>
      )}
      <SaveLocationDialog
        open={exporter.picking !== null}
        title={t('export.pickerTitle')}
        defaultName={exporter.picking ? exporter.defaultName(exporter.picking) : ''}
        extension={exporter.picking ? `.${exporter.picking}` : ''}
        busy={exporter.busy}
        onCancel={exporter.cancel}
        onSave={(path) => exporter.picking && void exporter.save(exporter.picking, path)}
      />
    </div>
  );
}
