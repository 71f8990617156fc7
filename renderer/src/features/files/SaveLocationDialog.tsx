import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, Field, Spinner, TextInput } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import { isDesktop } from '../../lib/vigil';
import type { SaveLocation } from '../../../../shared/contract/files';
import { ExportPasswordFields } from './ExportPasswordFields';
import { useExportPassword } from './useExportPassword';
import { NativeSaveFlow } from './NativeSaveFlow';
import { TargetWarnings } from './TargetWarnings';
import { FileIcon, FolderIcon, HomeIcon, UpIcon, UsbIcon } from './icons';
import { isolate } from './bidi';
import { formatBytes, isPlainFileName, joinPath, withExtension } from './paths';
import './files.css';

export interface SaveLocationDialogProps {
  open: boolean;
  title: string;
  defaultName: string;
  /** ".xlsx": added to a name typed without it, so the file opens in the right program. */
  extension: string;
  /** The export is running: the Save button shows it and cannot be pressed twice. */
  busy?: boolean;
  /** Expected file size when known: the drive is checked for room (and FAT32's 4 GiB limit) before saving. */
  expectedBytes?: number;
  /** Offer "protect with a password" (AES-256 ZIP); default true. The file then gets ".zip" appended. */
  allowPassword?: boolean;
  onCancel(): void;
  /** `protectedWithPassword`: files.protectExport was called for `path`, so core writes `<path>.zip`. */
  onSave(path: string, options?: { protectedWithPassword: boolean }): void;
}

/**
 * "Save as" for every export. Browser mode: the page cannot see the disk, so the core lists where to save
 * (USB drives first, because an export usually leaves on a stick) and browses folders; the user picks a
 * folder and types a file name. Desktop: the system's save dialog, then the same warnings and password
 * option. The export itself is then written by the core to that path.
 */
export function SaveLocationDialog(props: SaveLocationDialogProps) {
  // Mounted only while open, so every opening starts from the first location and the default name.
  if (!props.open) return null;
  return isDesktop ? <NativeSaveFlow {...props} /> : <SaveLocationPicker {...props} />;
}

const KIND_ORDER: Record<SaveLocation['kind'], number> = { removable: 0, documents: 1, home: 2, dataDir: 3, other: 4 };

function SaveLocationPicker({ title, defaultName, extension, busy, expectedBytes, allowPassword = true, onCancel, onSave }: SaveLocationDialogProps) {
  const { t, i18n } = useTranslation('files');
  const queryClient = useQueryClient();
  const formId = useId();
  const locations = useVigilQuery('files.locations', {});
  const sorted = useMemo(
    () => [...(locations.data ?? [])].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]),
    [locations.data],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  // What the user is typing in the folder box; null while it simply shows the current folder.
  const [folderDraft, setFolderDraft] = useState<string | null>(null);
  const [fileName, setFileName] = useState(defaultName);
  const [nameError, setNameError] = useState<string | null>(null);
  const password = useExportPassword();

  const folder = chosen ?? sorted[0]?.path ?? null;
  const listing = useVigilQuery('files.browse', { path: folder ?? '/' }, { enabled: folder !== null });
  // Not removable, nearly full, FAT32 with a file of 4 GiB or more: computed by core for the shown folder.
  const check = useVigilQuery(
    'files.checkTarget',
    { path: listing.data?.path ?? '/', ...(expectedBytes !== undefined ? { sizeBytes: expectedBytes } : {}) },
    { enabled: listing.data !== undefined },
  );
  const blocked = check.data?.blocked ?? false;

  // A drive may have been plugged in or a file written since the last look: never show an old listing.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: ['files.locations'] });
    void queryClient.invalidateQueries({ queryKey: ['files.browse'] });
  }, [queryClient]);

  const go = (path: string) => {
    setChosen(path);
    setFolderDraft(null);
  };

  const finalName = withExtension(fileName.trim(), extension);
  const exists = listing.data?.entries.some((e) => !e.isDir && e.name === finalName) ?? false;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!listing.data || blocked) return;
    if (!isPlainFileName(fileName.trim())) {
      setNameError(t('picker.badName'));
      return;
    }
    const target = joinPath(listing.data.path, finalName);
    const protectedWithPassword = await password.arm(target);
    if (protectedWithPassword !== null) onSave(target, { protectedWithPassword });
  };

  return (
    <Dialog
      open
      size="lg"
      title={title}
      onClose={onCancel}
      footer={
        <>
          <Button onClick={onCancel}>{t('shell:common.cancel')}</Button>
          <Button variant="primary" type="submit" form={formId} busy={busy || password.arming} disabled={!listing.data || blocked}>
            {t('picker.save')}
          </Button>
        </>
      }
    >
      <div className="save-picker">
        <nav className="save-picker__places" aria-label={t('picker.places')}>
          {locations.isPending ? (
            <Spinner label={t('picker.loading')} size="sm" />
          ) : (
            <ul>
              {sorted.map((location) => (
                <li key={location.path}>
                  <button
                    type="button"
                    className="save-picker__place"
                    aria-current={listing.data?.path === location.path || folder === location.path ? 'location' : undefined}
                    onClick={() => go(location.path)}
                    title={location.path}
                  >
                    <span className="save-picker__place-icon">{location.kind === 'removable' ? <UsbIcon /> : location.kind === 'home' ? <HomeIcon /> : <FolderIcon />}</span>
                    <span className="save-picker__place-text">
                      <span className="save-picker__place-kind">{t(`kind.${location.kind}`)}</span>
                      <span className="save-picker__place-label" dir="ltr">
                        {location.label}
                      </span>
                      {location.freeBytes !== null && (
                        <span className="save-picker__place-free">
                          {t('picker.free', { size: formatBytes(location.freeBytes, i18n.language) })}
                        </span>
                      )}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {!locations.isPending && !sorted.some((l) => l.kind === 'removable') && (
            <p className="save-picker__no-usb">{t('picker.noUsb')}</p>
          )}
        </nav>

        <div className="save-picker__browser">
          <form
            className="save-picker__folder"
            onSubmit={(event) => {
              event.preventDefault();
              if (folderDraft?.trim()) go(folderDraft.trim());
            }}
          >
            <Button
              variant="ghost"
              size="sm"
              aria-label={t('picker.up')}
              title={t('picker.up')}
              disabled={!listing.data?.parent}
              onClick={() => listing.data?.parent && go(listing.data.parent)}
            >
              <UpIcon />
            </Button>
            <label className="v-visually-hidden" htmlFor={`${formId}-folder`}>
              {t('picker.folder')}
            </label>
            <TextInput
              id={`${formId}-folder`}
              dir="ltr"
              spellCheck={false}
              value={folderDraft ?? listing.data?.path ?? folder ?? ''}
              // Until the locations are known the field is about to fill itself in: typing then would mix
              // the user's path with the default one.
              readOnly={folder === null}
              onChange={(event) => setFolderDraft(event.target.value)}
            />
            <Button size="sm" type="submit" disabled={folderDraft === null}>
              {t('picker.open')}
            </Button>
          </form>

          <div className="save-picker__entries" aria-live="polite">
            {listing.isError ? (
              <p role="alert" className="v-field__error">
                {listing.error.message}
              </p>
            ) : !listing.data ? (
              <Spinner label={t('picker.loading')} size="sm" />
            ) : listing.data.entries.length === 0 ? (
              <p className="save-picker__empty">{t('picker.emptyFolder')}</p>
            ) : (
              <ul aria-label={t('picker.contents')}>
                {listing.data.entries.map((entry) => (
                  <li key={entry.name}>
                    {entry.isDir ? (
                      <button type="button" className="save-picker__entry" onClick={() => go(joinPath(listing.data.path, entry.name))}>
                        <FolderIcon />
                        <span dir="auto">{entry.name}</span>
                      </button>
                    ) : (
                      // Files are shown so the user sees what is already there, and can reuse a name.
                      <button type="button" className="save-picker__entry save-picker__entry--file" onClick={() => setFileName(entry.name)}>
                        <FileIcon />
                        <span dir="auto">{entry.name}</span>
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>

          {check.data && check.data.warnings.length > 0 && <TargetWarnings warnings={check.data.warnings} />}

          <form id={formId} onSubmit={(event) => void save(event)} noValidate className="save-picker__name">
            <Field
              label={t('picker.fileName')}
              error={nameError ?? undefined}
              hint={
                exists && !password.value.enabled
                  ? t('picker.replace', { name: isolate(finalName) })
                  : listing.data
                    ? t('picker.target', { path: isolate(joinPath(listing.data.path, password.value.enabled ? `${finalName}.zip` : finalName)) })
                    : undefined
              }
              required
            >
              <TextInput
                dir="auto"
                spellCheck={false}
                value={fileName}
                onChange={(event) => {
                  setFileName(event.target.value);
                  setNameError(null);
                }}
              />
            </Field>
            {allowPassword && (
              <ExportPasswordFields value={password.value} error={password.error} onChange={password.onChange} />
            )}
          </form>
        </div>
      </div>
    </Dialog>
  );
}
