import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import { Button } from '../../components';
import { SaveLocationDialog } from './SaveLocationDialog';
import { useGridExport, type ExportFormat, type GridExportTarget } from './useGridExport';
import './gridExport.css';

const FORMATS: readonly ExportFormat[] = ['xlsx', 'csv'];

interface GridExportMenuProps<Row> {
  target: GridExportTarget;
  getApi(): GridApi<Row> | null;
  quickFilter: string;
  disabled?: boolean;
}

/**
 * "Export" menu button (WAI-ARIA menu button pattern): XLSX or CSV of exactly the grid's current view,
 * for any module grid whose core command takes an ExportRequest.
 */
export function GridExportMenu<Row>({ target, getApi, quickFilter, disabled }: GridExportMenuProps<Row>) {
  const { t } = useTranslation(target.ns);
  const exporter = useGridExport(target, getApi, quickFilter);
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
    if (event.key === 'ArrowDown') items.current[(index + 1) % count]?.focus();
    else if (event.key === 'ArrowUp') items.current[(index - 1 + count) % count]?.focus();
    else if (event.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'Tab') setOpen(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

  const choose = (format: ExportFormat) => {
    setOpen(false);
    void exporter.start(format);
  };

  return (
    <div className="export-menu" ref={root}>
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
        <span className="export-menu__caret" aria-hidden="true" />
      </Button>
      {open && (
        <ul id={menuId} role="menu" aria-label={t('export.button')} className="export-menu__list" onKeyDown={onMenuKeyDown}>
          {FORMATS.map((format, index) => (
            <li key={format} role="none">
              <button
                ref={(el) => {
                  items.current[index] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="export-menu__item"
                onClick={() => choose(format)}
              >
                <span>{t(`export.as.${format}`)}</span>
                <span className="export-menu__hint">{t(`export.hint.${format}`)}</span>
              </button>
            </li>
          ))}
        </ul>
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
