import { useEffect, useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { Button, ConfirmDialog, Field, Select, TextInput } from '../../components';
import { INSPECTION_SECTIONS, type InspectionSection } from '../../../../shared/presets/inspectionTemplates';
import { PREMISES_TYPES, type PremisesType } from '../../../../shared/contract/premises';
import { TEMPLATE_WEIGHT_MAX, type Template } from '../../../../shared/contract/inspections';
import { serverIssues, useVigilMutation } from '../../lib/queries';
import { TemplateItemRow, type DraftItem, type ItemProblems } from './TemplateItemRow';
import './TemplateEditor.css';

interface Draft {
  name: string;
  premisesType: PremisesType | '';
  passThreshold: string;
  items: DraftItem[];
}

interface Problems {
  name?: string;
  passThreshold?: string;
  items?: string;
  byItem: Record<string, ItemProblems>;
  /** Blocking problems (warnings such as duplicate labels do not count). */
  count: number;
}

let uidCounter = 0;
const nextUid = () => `n${++uidCounter}`;

/**
 * Items of one section stay together, in the order sections first appear: the editor shows them under
 * section headings and the inspector meets them in the same order.
 */
function grouped(items: DraftItem[]): DraftItem[] {
  const order: InspectionSection[] = [];
  for (const it of items) if (!order.includes(it.section)) order.push(it.section);
  return order.flatMap((s) => items.filter((it) => it.section === s));
}

function initialDraft(template: Template, copy: boolean, copyName: string): Draft {
  return {
    name: copy ? copyName : template.name,
    premisesType: template.premisesType ?? '',
    passThreshold: String(template.passThreshold),
    items: grouped(
      template.items.map((it) => ({
        uid: nextUid(),
        // A copy is a new family: its items get keys of their own.
        itemKey: copy ? '' : it.itemKey,
        presetKey: it.presetKey,
        section: it.section,
        label: it.label,
        answerType: it.answerType,
        weight: String(it.weight),
        critical: it.critical,
        required: it.required,
        photoRequired: it.photoRequired,
      })),
    ),
  };
}

const sameDraft = (a: Draft, b: Draft) =>
  JSON.stringify({ ...a, items: a.items.map(({ uid: _u, ...rest }) => rest) }) === JSON.stringify({ ...b, items: b.items.map(({ uid: _u, ...rest }) => rest) });

const isWeight = (w: string) => /^\d+$/.test(w.trim()) && Number(w) <= TEMPLATE_WEIGHT_MAX;

/**
 * Edits a checklist template: name, premises type, pass mark and its items grouped by section. Saving
 * writes a new version of the template (or a new template when copying); inspections already run keep
 * the version they used. Nothing typed is lost when a save is refused, and leaving with changes asks.
 */
export function TemplateEditor({
  template,
  copy,
  latestVersion,
  onSaved,
  onCancel,
}: {
  template: Template;
  copy: boolean;
  /** The newest version of the family: editing an older version saves after it. */
  latestVersion: number;
  onSaved(saved: Template): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('inspections');
  const [initial] = useState(() => initialDraft(template, copy, t('templates.copyName', { name: template.name })));
  const [draft, setDraft] = useState<Draft>(initial);
  const [showProblems, setShowProblems] = useState(false);
  const [server, setServer] = useState<{ form?: string; byItem: Record<string, ItemProblems> }>({ byItem: {} });
  const [removed, setRemoved] = useState<{ item: DraftItem; index: number } | null>(null);
  const [addSection, setAddSection] = useState<InspectionSection>(INSPECTION_SECTIONS[0]);
  const [leave, setLeave] = useState<(() => void) | null>(null);
  const focusAfter = useRef<{ uid: string; selector: string } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const sent = useRef<DraftItem[]>([]);

  const dirty = !sameDraft(draft, initial);

  const problems = useMemo<Problems>(() => {
    const p: Problems = { byItem: {}, count: 0 };
    const add = (uid: string, change: ItemProblems, blocking: boolean) => {
      p.byItem[uid] = { ...p.byItem[uid], ...change };
      if (blocking) p.count += 1;
    };
    if (!draft.name.trim()) {
      p.name = t('templates.errors.name');
      p.count += 1;
    }
    const threshold = Number(draft.passThreshold);
    if (draft.passThreshold.trim() === '' || !Number.isFinite(threshold) || threshold < 0 || threshold > 100) {
      p.passThreshold = t('templates.errors.passThreshold');
      p.count += 1;
    }
    if (draft.items.length === 0) {
      p.items = t('templates.errors.noItems');
      p.count += 1;
    }
    const seen = new Map<string, string>();
    for (const it of draft.items) {
      if (!it.label.trim()) add(it.uid, { label: t('templates.errors.label') }, true);
      if (it.answerType === 'check' && !isWeight(it.weight)) add(it.uid, { weight: t('templates.errors.weight', { max: TEMPLATE_WEIGHT_MAX }) }, true);
      const key = `${it.section}\u0000${it.label.trim().toLocaleLowerCase()}`;
      if (it.label.trim()) {
        const first = seen.get(key);
        if (first) {
          add(first, { duplicate: true }, false);
          add(it.uid, { duplicate: true }, false);
        } else seen.set(key, it.uid);
      }
    }
    return p;
  }, [draft, t]);

  const save = useVigilMutation('inspections.saveTemplate', {
    successMessageKey: copy ? 'inspections:templates.savedCopy' : 'inspections:templates.saved',
    onSuccess: onSaved,
    onError: (err) => {
      const issues = serverIssues(err);
      if (issues.length === 0) return false;
      const byItem: Record<string, ItemProblems> = {};
      let form: string | undefined;
      for (const issue of issues) {
        const m = /^items\.(\d+)\.(label|weight)$/.exec(issue.path);
        const uid = m ? sent.current[Number(m[1])]?.uid : undefined;
        if (uid && m?.[2] === 'label') byItem[uid] = { ...byItem[uid], label: t('templates.errors.label') };
        else if (uid && m?.[2] === 'weight') byItem[uid] = { ...byItem[uid], weight: t('templates.errors.weight', { max: TEMPLATE_WEIGHT_MAX }) };
        else if (issue.message === 'noItems') form = t('templates.errors.noItems');
        else form = err instanceof Error ? err.message : issue.message;
      }
      setServer({ form, byItem });
      requestAnimationFrame(() => summaryRef.current?.focus());
      return true;
    },
  });

  // Leaving by the app's navigation asks first while there are changes.
  const blocker = useBlocker(dirty);

  // The page's own tabs unmount the editor without a route change; catch their clicks before React does.
  const bypass = useRef(false);
  useEffect(() => {
    if (!dirty) return;
    const onClick = (e: MouseEvent) => {
      const tab = e.target instanceof Element ? e.target.closest<HTMLElement>('.insp-tabs [role="tab"]') : null;
      if (!tab || bypass.current || tab.getAttribute('aria-selected') === 'true') return;
      e.preventDefault();
      e.stopPropagation();
      setLeave(() => () => {
        bypass.current = true;
        tab.click();
        bypass.current = false;
      });
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [dirty]);

  // Keep the keyboard where it was after a move, add or undo (the row is re-rendered elsewhere).
  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-uid="${target.uid}"]`);
    const el = row?.querySelector<HTMLElement>(target.selector);
    (el && !(el as HTMLButtonElement).disabled ? el : row?.querySelector<HTMLElement>('[data-field="label"]'))?.focus();
  });

  const setItems = (items: DraftItem[]) => {
    setDraft((d) => ({ ...d, items: grouped(items) }));
    setServer((s) => ({ ...s, form: undefined }));
  };

  const patch = (uid: string, change: Partial<DraftItem>) => {
    const current = draft.items.find((it) => it.uid === uid);
    if (!current) return;
    if (change.label !== undefined) {
      // Typing the preset's own text back makes it a translated preset item again.
      const original = initial.items.find((it) => it.uid === uid);
      if (original?.presetKey && original.label === change.label) change = { ...change, presetKey: original.presetKey };
    }
    if (change.section && change.section !== current.section) {
      // A new section: the item goes to the end of that section's group.
      const rest = draft.items.filter((it) => it.uid !== uid);
      const last = rest.map((it) => it.section).lastIndexOf(change.section);
      const at = last === -1 ? rest.length : last + 1;
      setItems([...rest.slice(0, at), { ...current, ...change }, ...rest.slice(at)]);
      focusAfter.current = { uid, selector: '[data-field="section"]' };
    } else {
      setItems(draft.items.map((it) => (it.uid === uid ? { ...it, ...change } : it)));
    }
    if (server.byItem[uid]) setServer((s) => ({ ...s, byItem: { ...s.byItem, [uid]: {} } }));
  };

  const move = (uid: string, direction: -1 | 1, from: 'button' | 'key') => {
    const i = draft.items.findIndex((it) => it.uid === uid);
    const j = i + direction;
    if (i < 0 || j < 0 || j >= draft.items.length || draft.items[j]!.section !== draft.items[i]!.section) return;
    const items = [...draft.items];
    [items[i], items[j]] = [items[j]!, items[i]!];
    setItems(items);
    const active = document.activeElement as HTMLElement | null;
    const field = active?.dataset.field;
    focusAfter.current = { uid, selector: from === 'button' ? `[data-move="${direction < 0 ? 'up' : 'down'}"]` : field ? `[data-field="${field}"]` : '[data-field="label"]' };
  };

  const remove = (uid: string) => {
    const index = draft.items.findIndex((it) => it.uid === uid);
    if (index < 0) return;
    setRemoved({ item: draft.items[index]!, index });
    setItems(draft.items.filter((it) => it.uid !== uid));
    const next = draft.items[index + 1] ?? draft.items[index - 1];
    if (next) focusAfter.current = { uid: next.uid, selector: '[data-field="label"]' };
  };

  const undo = () => {
    if (!removed) return;
    const items = [...draft.items];
    items.splice(Math.min(removed.index, items.length), 0, removed.item);
    setItems(items);
    focusAfter.current = { uid: removed.item.uid, selector: '[data-field="label"]' };
    setRemoved(null);
  };

  const addItem = (section: InspectionSection) => {
    const item: DraftItem = { uid: nextUid(), itemKey: '', presetKey: null, section, label: '', answerType: 'check', weight: '1', critical: false, required: true, photoRequired: false };
    const last = draft.items.map((it) => it.section).lastIndexOf(section);
    const at = last === -1 ? draft.items.length : last + 1;
    setItems([...draft.items.slice(0, at), item, ...draft.items.slice(at)]);
    focusAfter.current = { uid: item.uid, selector: '[data-field="label"]' };
  };

  const submit = () => {
    setServer({ byItem: {} });
    if (problems.count > 0) {
      setShowProblems(true);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    sent.current = draft.items;
    save.mutate({
      familyId: copy ? null : template.familyId,
      name: draft.name.trim(),
      premisesType: draft.premisesType || null,
      passThreshold: Number(draft.passThreshold),
      items: draft.items.map((it) => ({
        itemKey: it.itemKey || undefined,
        presetKey: it.presetKey,
        section: it.section,
        label: it.label.trim(),
        answerType: it.answerType,
        weight: it.answerType === 'check' ? Number(it.weight) : 0,
        critical: it.answerType === 'check' && it.critical,
        required: it.required,
        photoRequired: it.answerType !== 'photo' && it.photoRequired,
      })),
    });
  };

  const requestLeave = (action: () => void) => (dirty ? setLeave(() => action) : action());

  const shown = (uid: string): ItemProblems | undefined => {
    const local = problems.byItem[uid];
    const fromServer = server.byItem[uid];
    const blocking = showProblems ? local : undefined;
    const merged = { ...blocking, ...fromServer, duplicate: local?.duplicate };
    return merged.label || merged.weight || merged.duplicate ? merged : undefined;
  };

  const sections: InspectionSection[] = [];
  for (const it of draft.items) if (!sections.includes(it.section)) sections.push(it.section);
  const summary = [showProblems && problems.count > 0 ? t('templates.errors.summary', { count: problems.count }) : null, showProblems ? problems.items : null, server.form].filter(Boolean);

  return (
    <section className="tpl-editor" aria-label={copy ? t('templates.copyTitle') : t('templates.editTitle', { version: latestVersion + 1 })}>
      <header className="tpl-editor__head">
        <h2 className="tpl-editor__title">{copy ? t('templates.copyTitle') : t('templates.editTitle', { version: latestVersion + 1 })}</h2>
        <p className="insp-hint">{copy ? t('templates.copyHint') : t('templates.versionHint', { version: latestVersion })}</p>
      </header>

      <div ref={summaryRef} tabIndex={-1} className="tpl-editor__summary" role="alert">
        {summary.map((s) => (
          <p key={s}>{s}</p>
        ))}
      </div>

      <div className="tpl-editor__meta">
        <Field label={t('templates.name')} required error={showProblems ? problems.name : undefined}>
          <TextInput value={draft.name} maxLength={200} onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))} />
        </Field>
        <Field label={t('templates.premisesType')}>
          <Select
            value={draft.premisesType}
            placeholder={t('templates.anyPremises')}
            onChange={(e) => setDraft((d) => ({ ...d, premisesType: e.target.value as PremisesType | '' }))}
            options={PREMISES_TYPES.map((p) => ({ value: p, label: t(`premises:types.${p}`) }))}
          />
        </Field>
        <Field label={t('templates.passMarkPercent')} error={showProblems ? problems.passThreshold : undefined} hint={t('templates.passMarkHint')}>
          <TextInput type="number" inputMode="decimal" min={0} max={100} className="tpl-editor__threshold" value={draft.passThreshold} onChange={(e) => setDraft((d) => ({ ...d, passThreshold: e.target.value }))} />
        </Field>
      </div>

      <p className="insp-hint">
        <Trans t={t} i18nKey="templates.keysHint" components={{ kbd: <kbd dir="ltr" className="tpl-kbd" /> }} />
      </p>

      {removed && (
        <div className="tpl-undo" role="status">
          <span>{t('templates.removed', { item: removed.item.label.trim() || t('templates.itemN', { n: removed.index + 1 }) })}</span>
          <Button size="sm" onClick={undo}>
            {t('templates.undo')}
          </Button>
          <Button size="sm" variant="ghost" aria-label={t('templates.dismiss')} onClick={() => setRemoved(null)}>
            <span aria-hidden="true">✕</span>
          </Button>
        </div>
      )}

      <div ref={listRef} className="tpl-editor__sections">
        {draft.items.length === 0 && <p className="insp-hint">{t('templates.errors.noItems')}</p>}
        {sections.map((section) => {
          const items = draft.items.filter((it) => it.section === section);
          return (
            <section key={section} className="tpl-section" aria-labelledby={`tpl-section-${section}`}>
              <h3 className="tpl-section__title" id={`tpl-section-${section}`}>
                {t(`sections.${section}`)} <span className="insp-hint">({t('templates.itemCount', { count: items.length })})</span>
              </h3>
              <ol className="tpl-section__items">
                {items.map((it, k) => (
                  <TemplateItemRow
                    key={it.uid}
                    item={it}
                    number={draft.items.indexOf(it) + 1}
                    canMoveUp={k > 0}
                    canMoveDown={k < items.length - 1}
                    problems={shown(it.uid)}
                    onChange={(change) => patch(it.uid, change)}
                    onMove={(direction, from) => move(it.uid, direction, from)}
                    onDelete={() => remove(it.uid)}
                  />
                ))}
              </ol>
              <Button size="sm" onClick={() => addItem(section)}>
                {t('templates.addItemTo', { section: t(`sections.${section}`) })}
              </Button>
            </section>
          );
        })}
      </div>

      <div className="insp-toolbar tpl-editor__add">
        <label className="tpl-mini">
          <span>{t('templates.section')}</span>
          <Select value={addSection} onChange={(e) => setAddSection(e.target.value as InspectionSection)} options={INSPECTION_SECTIONS.map((s) => ({ value: s, label: t(`sections.${s}`) }))} />
        </label>
        <Button onClick={() => addItem(addSection)}>{t('templates.addItem')}</Button>
      </div>

      <div className="insp-toolbar tpl-editor__footer">
        <Button variant="primary" busy={save.isPending} onClick={submit}>
          {copy ? t('templates.saveCopy') : t('templates.saveVersion')}
        </Button>
        <Button onClick={() => requestLeave(onCancel)}>{t('equipment.cancel')}</Button>
        {dirty && <span className="insp-hint">{t('templates.unsaved')}</span>}
      </div>

      <ConfirmDialog
        open={leave !== null || blocker.state === 'blocked'}
        title={t('templates.leaveTitle')}
        message={t('templates.leaveMessage')}
        confirmLabel={t('templates.leaveConfirm')}
        cancelLabel={t('templates.keepEditing')}
        danger
        onConfirm={() => {
          const action = leave;
          setLeave(null);
          if (blocker.state === 'blocked') blocker.proceed();
          else action?.();
        }}
        onCancel={() => {
          setLeave(null);
          if (blocker.state === 'blocked') blocker.reset();
        }}
      />
    </section>
  );
}
