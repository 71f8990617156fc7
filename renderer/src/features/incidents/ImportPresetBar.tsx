import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog, Field, Select, TextInput } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import type { ImportPreset } from '../../../../shared/contract/incidents';

export type PresetDraft = Omit<ImportPreset, 'id' | 'updatedAt' | 'name'>;

/** Pick a saved mapping (applied to the loaded file), delete one, or save the current mapping under a name. */
export function ImportPresetBar({ current, onApply, disabled }: { current: () => PresetDraft; onApply(preset: ImportPreset): void; disabled?: boolean }) {
  const { t } = useTranslation('incidents');
  const presets = useVigilQuery('incidents.importPresets', {}).data ?? [];
  const [picked, setPicked] = useState('');
  const [name, setName] = useState('');
  const [overwrite, setOverwrite] = useState<ImportPreset | null>(null);
  const [deleting, setDeleting] = useState<ImportPreset | null>(null);
  const save = useVigilMutation('incidents.saveImportPreset', {
    onSuccess: (saved) => {
      setOverwrite(null);
      setName('');
      setPicked(saved.id);
    },
    successMessageKey: 'incidents:import.presets.savedToast',
  });
  const remove = useVigilMutation('incidents.deleteImportPreset', {
    onSuccess: () => {
      setDeleting(null);
      setPicked('');
    },
    successMessageKey: 'incidents:import.presets.deleted',
  });
  const chosen = presets.find((p) => p.id === picked) ?? null;
  const trimmed = name.trim();

  const submit = () => {
    if (!trimmed) return;
    // Saved mappings are looked up by name ignoring case, so "field reports" replaces "Field reports".
    const existing = presets.find((p) => p.name.toLowerCase() === trimmed.toLowerCase());
    if (existing) setOverwrite(existing);
    else save.mutate({ name: trimmed, ...current() });
  };

  return (
    <div className="incidents-import__presets">
      <div className="incidents-import__preset-row">
        <Field label={t('import.presets.saved')}>
          <Select
            value={picked}
            placeholder={presets.length ? t('import.presets.choose') : t('import.presets.empty')}
            options={presets.map((p) => ({ value: p.id, label: p.name }))}
            onChange={(e) => setPicked(e.target.value)}
          />
        </Field>
        <Button disabled={!chosen || disabled} onClick={() => chosen && onApply(chosen)}>
          {t('import.presets.apply')}
        </Button>
        <Button variant="secondary" disabled={!chosen} onClick={() => setDeleting(chosen)}>
          {t('import.presets.delete')}
        </Button>
      </div>
      <form
        className="incidents-import__preset-row"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field label={t('import.presets.saveAs')}>
          <TextInput value={name} maxLength={200} onChange={(e) => setName(e.target.value)} placeholder={t('import.presets.namePlaceholder')} />
        </Field>
        <Button type="submit" disabled={!trimmed || save.isPending || disabled}>
          {t('import.presets.save')}
        </Button>
      </form>
      <ConfirmDialog
        open={overwrite !== null}
        title={t('import.presets.overwriteTitle')}
        message={t('import.presets.overwrite', { name: overwrite?.name ?? '' })}
        confirmLabel={t('import.presets.overwriteConfirm')}
        busy={save.isPending}
        onConfirm={() => overwrite && save.mutate({ name: overwrite.name, ...current() })}
        onCancel={() => setOverwrite(null)}
      />
      <ConfirmDialog
        open={deleting !== null}
        danger
        title={t('import.presets.deleteTitle')}
        message={t('import.presets.deleteMessage', { name: deleting?.name ?? '' })}
        confirmLabel={t('import.presets.delete')}
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onCancel={() => setDeleting(null)}
      />
    </div>
  );
}
