import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Select, Spinner, TextInput } from '../../components';
import { ANSWER_TYPES, INSPECTION_SECTIONS, type AnswerType, type InspectionSection } from '../../../../shared/presets/inspectionTemplates';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import type { Template, TemplateItem } from '../../../../shared/contract/inspections';

/** Edits a template's items; saving writes a new version (or a new template when copying). */
function TemplateEditor({ template, copy, onDone }: { template: Template; copy: boolean; onDone(): void }) {
  const { t } = useTranslation('inspections');
  const [name, setName] = useState(copy ? t('templates.copyName', { name: template.name }) : template.name);
  const [items, setItems] = useState<TemplateItem[]>(template.items);
  const save = useVigilMutation('inspections.saveTemplate', { successMessageKey: 'inspections:templates.saved', onSuccess: onDone });
  const [section, setSection] = useState<InspectionSection>('perimeter');
  const [answerType, setAnswerType] = useState<AnswerType>('check');
  const [label, setLabel] = useState('');
  const addItem = () => {
    if (!label.trim()) return;
    const item: TemplateItem = { id: crypto.randomUUID(), itemKey: '', presetKey: null, section, label: label.trim(), answerType, weight: answerType === 'check' ? 1 : 0, critical: false, required: answerType !== 'text' };
    // Keep sections together: after the last item of the same section.
    const last = items.map((it) => it.section).lastIndexOf(section);
    const at = last === -1 ? items.length : last + 1;
    setItems([...items.slice(0, at), item, ...items.slice(at)]);
    setLabel('');
  };
  const patch = (i: number, change: Partial<TemplateItem>) => setItems(items.map((it, k) => (k === i ? { ...it, ...change } : it)));
  return (
    <section aria-label={t('templates.edit')}>
      <div className="insp-toolbar">
        <TextInput aria-label={t('templates.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <Button
          variant="primary"
          busy={save.isPending}
          onClick={() =>
            save.mutate({
              familyId: copy ? null : template.familyId,
              name,
              premisesType: template.premisesType,
              passThreshold: template.passThreshold,
              items: items.map(({ itemKey, presetKey, section, label, answerType, weight, critical, required }) => ({
                itemKey: copy || !itemKey ? undefined : itemKey,
                presetKey,
                section,
                label,
                answerType,
                weight,
                critical,
                required,
              })),
            })
          }
        >
          {copy ? t('templates.saveCopy') : t('templates.saveVersion')}
        </Button>
        <Button onClick={onDone}>{t('equipment.cancel')}</Button>
      </div>
      <table className="insp-table">
        <thead>
          <tr>
            <th>{t('templates.section')}</th>
            <th>{t('templates.item')}</th>
            <th>{t('templates.weight')}</th>
            <th>{t('templates.critical')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((it, i) => (
            <tr key={it.id}>
              <td>{t(`sections.${it.section}`)}</td>
              <td>
                <TextInput aria-label={t('templates.item')} value={it.label} onChange={(e) => patch(i, { label: e.target.value })} />
              </td>
              <td>
                <TextInput aria-label={t('templates.weight')} type="number" min={0} max={10} value={it.weight} onChange={(e) => patch(i, { weight: Number(e.target.value) })} />
              </td>
              <td>
                <Checkbox label={t('templates.critical')} checked={it.critical} onChange={(e) => patch(i, { critical: e.target.checked })} />
              </td>
              <td>
                <Button size="sm" onClick={() => setItems(items.filter((_, k) => k !== i))}>
                  {t('templates.remove')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="insp-toolbar">
        <Select aria-label={t('templates.section')} value={section} onChange={(e) => setSection(e.target.value as InspectionSection)} options={INSPECTION_SECTIONS.map((s) => ({ value: s, label: t(`sections.${s}`) }))} />
        <Select aria-label={t('templates.answerType')} value={answerType} onChange={(e) => setAnswerType(e.target.value as AnswerType)} options={ANSWER_TYPES.map((a) => ({ value: a, label: t(`answerTypes.${a}`) }))} />
        <TextInput aria-label={t('templates.newItem')} placeholder={t('templates.newItem')} value={label} onChange={(e) => setLabel(e.target.value)} />
        <Button onClick={addItem} disabled={!label.trim()}>
          {t('templates.addItem')}
        </Button>
      </div>
    </section>
  );
}

function TemplateView({ id, onBack }: { id: string; onBack(): void }) {
  const { t } = useTranslation('inspections');
  const template = useVigilQuery('inspections.getTemplate', { id }).data;
  const [mode, setMode] = useState<'view' | 'edit' | 'copy'>('view');
  if (!template) return <Spinner label={t('loading')} />;
  if (mode !== 'view') return <TemplateEditor template={template} copy={mode === 'copy'} onDone={onBack} />;
  return (
    <section aria-label={template.name}>
      <div className="insp-toolbar">
        <strong>
          {template.name} (v{template.version})
        </strong>
        <Button onClick={() => setMode('edit')}>{t('templates.edit')}</Button>
        <Button onClick={() => setMode('copy')}>{t('templates.copy')}</Button>
        <Button onClick={onBack}>{t('run.back')}</Button>
      </div>
      <table className="insp-table">
        <tbody>
          {template.items.map((it) => (
            <tr key={it.id}>
              <td>{t(`sections.${it.section}`)}</td>
              <td>
                {it.label}
                {it.critical && <span className="insp-critical">{t('run.critical')}</span>}
              </td>
              <td>{t(`answerTypes.${it.answerType}`)}</td>
              <td>{it.weight}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function TemplatesList() {
  const { t } = useTranslation('inspections');
  const templates = useVigilQuery('inspections.listTemplates', {}).data;
  const [open, setOpen] = useState<string | null>(null);
  if (open) return <TemplateView id={open} onBack={() => setOpen(null)} />;
  if (!templates) return <Spinner label={t('loading')} />;
  return (
    <table className="insp-table" aria-label={t('tabs.templates')}>
      <thead>
        <tr>
          <th>{t('templates.name')}</th>
          <th>{t('templates.version')}</th>
          <th>{t('templates.items')}</th>
          <th>{t('templates.passMark')}</th>
        </tr>
      </thead>
      <tbody>
        {templates.map((tp) => (
          <tr key={tp.id} data-clickable tabIndex={0} onClick={() => setOpen(tp.id)} onKeyDown={(e) => e.key === 'Enter' && setOpen(tp.id)}>
            <td>{tp.name}</td>
            <td>v{tp.version}</td>
            <td>{tp.itemCount}</td>
            <td>{tp.passThreshold} %</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
