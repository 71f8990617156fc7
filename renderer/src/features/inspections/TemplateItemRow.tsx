import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Select, TextInput } from '../../components';
import { ANSWER_TYPES, INSPECTION_SECTIONS, type AnswerType, type InspectionSection } from '../../../../shared/presets/inspectionTemplates';
import { TEMPLATE_WEIGHT_MAX } from '../../../../shared/contract/inspections';

/** One item as the editor holds it: the weight stays the text typed, so a half-typed value is never lost. */
export interface DraftItem {
  uid: string;
  itemKey: string;
  presetKey: string | null;
  section: InspectionSection;
  label: string;
  answerType: AnswerType;
  weight: string;
  critical: boolean;
  required: boolean;
  photoRequired: boolean;
}

export interface ItemProblems {
  label?: string;
  weight?: string;
  /** Not blocking: another item of the same section has the same label. */
  duplicate?: boolean;
}

export interface TemplateItemRowProps {
  item: DraftItem;
  /** 1-based position in the whole checklist, as the inspector will see it. */
  number: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
  problems: ItemProblems | undefined;
  onChange(change: Partial<DraftItem>): void;
  onMove(direction: -1 | 1, from: 'button' | 'key'): void;
  onDelete(): void;
}

export function TemplateItemRow({ item, number, canMoveUp, canMoveDown, problems, onChange, onMove, onDelete }: TemplateItemRowProps) {
  const { t } = useTranslation('inspections');
  const name = item.label.trim() || t('templates.itemN', { n: number });
  const scored = item.answerType === 'check';
  const labelErrorId = `tpl-item-${item.uid}-label-error`;
  const weightErrorId = `tpl-item-${item.uid}-weight-error`;
  const dupId = `tpl-item-${item.uid}-dup`;

  const changeType = (answerType: AnswerType) => {
    // Only yes / no items score and can fail critically: other types keep neither a weight nor the flag.
    if (answerType === 'check') onChange({ answerType, weight: item.weight === '0' ? '1' : item.weight });
    else onChange({ answerType, weight: '0', critical: false, photoRequired: answerType === 'photo' ? false : item.photoRequired });
  };

  return (
    <li
      className="tpl-item"
      data-uid={item.uid}
      aria-label={t('templates.itemN', { n: number })}
      onKeyDown={(e) => {
        if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
        e.preventDefault();
        if (e.key === 'ArrowUp' && canMoveUp) onMove(-1, 'key');
        if (e.key === 'ArrowDown' && canMoveDown) onMove(1, 'key');
      }}
    >
      <span className="tpl-item__number" aria-hidden="true">
        {number}
      </span>
      <div className="tpl-item__main">
        <TextInput
          className="tpl-item__label"
          data-field="label"
          aria-label={t('templates.itemLabel', { n: number })}
          aria-invalid={problems?.label ? true : undefined}
          aria-describedby={[problems?.label ? labelErrorId : '', problems?.duplicate ? dupId : ''].filter(Boolean).join(' ') || undefined}
          value={item.label}
          maxLength={500}
          placeholder={t('templates.labelPlaceholder')}
          // A rewritten preset label is the user's own text from now on: shown as written, not translated.
          onChange={(e) => onChange({ label: e.target.value, presetKey: null })}
        />
        {problems?.label && (
          <div className="v-field__error" id={labelErrorId}>
            {problems.label}
          </div>
        )}
        {problems?.duplicate && (
          <div className="tpl-warning" id={dupId}>
            {t('templates.errors.duplicate')}
          </div>
        )}
        <div className="tpl-item__fields">
          <label className="tpl-mini">
            <span>{t('templates.section')}</span>
            <Select
              data-field="section"
              value={item.section}
              onChange={(e) => onChange({ section: e.target.value as InspectionSection })}
              options={INSPECTION_SECTIONS.map((s) => ({ value: s, label: t(`sections.${s}`) }))}
            />
          </label>
          <label className="tpl-mini">
            <span>{t('templates.answerType')}</span>
            <Select
              data-field="answerType"
              value={item.answerType}
              onChange={(e) => changeType(e.target.value as AnswerType)}
              options={ANSWER_TYPES.map((a) => ({ value: a, label: t(`answerTypes.${a}`) }))}
            />
          </label>
          <label className="tpl-mini tpl-mini--weight">
            <span>{t('templates.weight')}</span>
            <TextInput
              data-field="weight"
              type="number"
              inputMode="numeric"
              min={0}
              max={TEMPLATE_WEIGHT_MAX}
              step={1}
              disabled={!scored}
              title={scored ? undefined : t('templates.notScored')}
              aria-invalid={problems?.weight ? true : undefined}
              aria-describedby={problems?.weight ? weightErrorId : undefined}
              value={scored ? item.weight : ''}
              onChange={(e) => onChange({ weight: e.target.value })}
            />
          </label>
          <div className="tpl-item__flags">
            <Checkbox label={t('templates.critical')} checked={item.critical} disabled={!scored} onChange={(e) => onChange({ critical: e.target.checked })} />
            <Checkbox label={t('templates.required')} checked={item.required} onChange={(e) => onChange({ required: e.target.checked })} />
            <Checkbox
              label={t('templates.photoRequired')}
              checked={item.answerType === 'photo' || item.photoRequired}
              disabled={item.answerType === 'photo'}
              onChange={(e) => onChange({ photoRequired: e.target.checked })}
            />
          </div>
        </div>
        {problems?.weight && (
          <div className="v-field__error" id={weightErrorId}>
            {problems.weight}
          </div>
        )}
      </div>
      <div className="tpl-item__actions">
        <Button size="sm" variant="ghost" data-move="up" aria-label={t('templates.moveUp', { item: name })} title={t('templates.moveUp', { item: name })} disabled={!canMoveUp} onClick={() => onMove(-1, 'button')}>
          <span aria-hidden="true">↑</span>
        </Button>
        <Button size="sm" variant="ghost" data-move="down" aria-label={t('templates.moveDown', { item: name })} title={t('templates.moveDown', { item: name })} disabled={!canMoveDown} onClick={() => onMove(1, 'button')}>
          <span aria-hidden="true">↓</span>
        </Button>
        <Button size="sm" variant="ghost" aria-label={t('templates.deleteItem', { item: name })} title={t('templates.deleteItem', { item: name })} onClick={onDelete}>
          <span aria-hidden="true">✕</span>
        </Button>
      </div>
    </li>
  );
}
