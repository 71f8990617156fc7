import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog, Dialog, Field, Select, TextArea, TextInput } from '../../components';
import { useVigilMutation } from '../../lib/queries';
import { ZONE_KINDS, type Zone, type ZoneGeometry, type ZoneKind } from '../../../../shared/contract/map';

export type ZoneEditing = { mode: 'create'; geometry: ZoneGeometry } | { mode: 'edit'; zone: Zone };

/** Names a freshly drawn zone, or edits / deletes an existing one. */
export function ZoneDialog({ editing, onClose, onReshape }: { editing: ZoneEditing; onClose(): void; onReshape?(zone: Zone): void }) {
  const { t } = useTranslation('map');
  const initial = editing.mode === 'edit' ? editing.zone : null;
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<ZoneKind>(initial?.kind ?? 'no_go');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [nameError, setNameError] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const create = useVigilMutation('map.createZone', { onSuccess: onClose, successMessageKey: 'map:zones.saved' });
  const update = useVigilMutation('map.updateZone', { onSuccess: onClose, successMessageKey: 'map:zones.saved' });
  const remove = useVigilMutation('map.deleteZone', { onSuccess: onClose, successMessageKey: 'map:zones.deleted' });
  const busy = create.isPending || update.isPending || remove.isPending;

  const save = () => {
    if (!name.trim()) {
      setNameError(true);
      return;
    }
    if (editing.mode === 'create') create.mutate({ name, kind, notes, geometry: editing.geometry });
    else update.mutate({ id: editing.zone.id, name, kind, notes });
  };

  return (
    <>
      <Dialog
        open
        onClose={onClose}
        title={editing.mode === 'create' ? t('zones.newTitle') : t('zones.editTitle')}
        footer={
          <>
            {editing.mode === 'edit' && (
              <Button variant="danger" onClick={() => setConfirmDelete(true)} disabled={busy}>
                {t('zones.delete')}
              </Button>
            )}
            {editing.mode === 'edit' && onReshape && (
              <Button onClick={() => onReshape(editing.zone)} disabled={busy}>
                {t('zones.reshape')}
              </Button>
            )}
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button variant="primary" busy={busy} onClick={save}>
              {t('zones.save')}
            </Button>
          </>
        }
      >
        <form
          className="map-zone-form"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <Field label={t('zones.name')} required error={nameError ? t('zones.nameRequired') : undefined}>
            <TextInput
              autoFocus
              value={name}
              maxLength={200}
              onChange={(e) => {
                setName(e.target.value);
                setNameError(false);
              }}
            />
          </Field>
          <Field label={t('zones.kind')}>
            <Select value={kind} onChange={(e) => setKind(e.target.value as ZoneKind)} options={ZONE_KINDS.map((k) => ({ value: k, label: t(`zones.kinds.${k}`) }))} />
          </Field>
          <Field label={t('zones.notes')}>
            <TextArea value={notes} maxLength={2000} rows={3} onChange={(e) => setNotes(e.target.value)} />
          </Field>
        </form>
      </Dialog>
      {editing.mode === 'edit' && (
        <ConfirmDialog
          open={confirmDelete}
          danger
          title={t('zones.deleteTitle')}
          message={t('zones.deleteMessage', { name: editing.zone.name })}
          confirmLabel={t('zones.delete')}
          cancelLabel={t('common.cancel')}
          busy={remove.isPending}
          onConfirm={() => remove.mutate({ id: editing.zone.id })}
          onCancel={() => setConfirmDelete(false)}
        />
      )}
    </>
  );
}
