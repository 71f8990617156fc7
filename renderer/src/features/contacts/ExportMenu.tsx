import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import { Button, Checkbox } from '../../components';
import type { Contact } from '../../../../shared/contract/contacts';
import { SaveLocationDialog } from '../files/SaveLocationDialog';
import { useContactsExport, type ExportFormat } from './useContactsExport';
import '../files/gridExport.css';

const FORMATS: readonly ExportFormat[] = ['vcf', 'csv', 'xlsx'];

interface ExportMenuProps {
  getApi(): GridApi<Contact> | null;
  quickFilter: string;
  disabled?: boolean;
}

/** "Export" menu button (WAI-ARIA menu button pattern): vCard, CSV or XLSX of the current view. */
export function ExportMenu({ getApi, quickFilter, disabled }: ExportMenuProps) {
  const { t } = useTranslation('contacts');
  const exporter = useContactsExport(getApi, quickFilter);
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
    <div className="contacts-export" ref={root}>
      <Checkbox
        label={t('export.includeSensitive')}
        checked={exporter.includeSensitive}
        onChange={(e) => exporter.setIncludeSensitive(e.target.checked)}
      />
      <div className="export-menu">
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
          <span className="contacts-export__caret" aria-hidden="true" />
        </Button>
        {open && (
          <ul id={menuId} role="menu" aria-label={t('export.button')} className="contacts-export__list" onKeyDown={onMenuKeyDown}>
            {FORMATS.map((format, index) => (
              <li key={format} role="none">
                <button
                  ref={(el) => {
                    items.current[index] = el;
                  }}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="contacts-export__item"
                  onClick={() => choose(format)}
                >
                  <span>{t(`export.as.${format}`)}</span>
                  <span className="contacts-muted">{t(`export.hint.${format}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
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
