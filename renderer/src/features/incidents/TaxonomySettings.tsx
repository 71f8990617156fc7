import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, ConfirmDialog, Field, Select, TextInput } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { serverIssues } from '../../lib/serverIssues';
import { notify } from '../../app/notify';
import { LANGUAGE_NAMES } from '../../app/i18n';
import { TAXONOMY_FIELDS, TAXONOMY_LABEL_LANGUAGES, TaxonomyFieldSchema, type TaxonomyField } from '../../../../shared/contract/incidentTaxonomy';
import { draftRenames, fromDraft, moveRow, newRow, rowProblems, toDraft, type DraftRow, type TaxonomyDraft } from '../../../../shared/domain/incidentTaxonomyDraft';
import './incidents.css';

type FocusPart = 'value' | 'up' | 'down' | 'delete' | 'add';

/**
 * Settings: the lists the incident form offers (category, sub-category, perpetrator type, weapon,
 * organisation affected). Each term has the value incidents store and its French, Spanish and Arabic
 * labels; terms can be added, deleted and reordered; the whole taxonomy is saved at once or reset to presets.
 */
export function TaxonomySettings() {
  const { t, i18n } = useTranslation('incidents');
  const rtl = i18n.dir() === 'rtl';
  const current = useVigilQuery('incidents.taxonomy', {}).data;
  const [draft, setDraft] = useState<TaxonomyDraft | null>(null);
  const [field, setField] = useState<TaxonomyField>('category');
  const [renameExisting, setRenameExisting] = useState(true);
  const [confirmReset, setConfirmReset] = useState(false);
  const [focus, setFocus] = useState<{ key: number; part: FocusPart } | null>(null);
  const table = useRef<HTMLDivElement>(null);
  const addArea = useRef<HTMLDivElement>(null);

  const loaded = useMemo(() => (current ? toDraft(current.taxonomy) : null), [current]);
  const shown = draft ?? loaded;

  const onError = (err: unknown) => {
    const path = serverIssues(err)[0]?.path.split('.') ?? [];
    const issueField = TaxonomyFieldSchema.safeParse(path[0] === 'taxonomy' ? path[1] : undefined);
    if (issueField.success) setField(issueField.data);
    return false; // the core's message names the list and the term: show it as it is
  };
  const save = useVigilMutation('incidents.saveTaxonomy', {
    successMessageKey: 'incidents:taxonomy.saved',
    onError,
    onSuccess: (out) => {
      setDraft(null);
      if (out.renamedIncidents > 0) notify.success(t('taxonomy.renamedIncidents', { count: out.renamedIncidents }));
    },
  });
  const reset = useVigilMutation('incidents.resetTaxonomy', {
    successMessageKey: 'incidents:taxonomy.resetDone',
    onSuccess: () => {
      setDraft(null);
      setConfirmReset(false);
    },
  });

  useEffect(() => {
    if (!focus || !table.current) return;
    const el = (focus.part === 'add' ? addArea.current : table.current)?.querySelector<HTMLElement>(`[data-focus="${focus.key}-${focus.part}"]`);
    const target = el && !(el as HTMLButtonElement).disabled ? el : table.current.querySelector<HTMLElement>(`[data-focus="${focus.key}-value"]`);
    target?.focus();
    setFocus(null);
  }, [focus]);

  if (!shown) return null;

  const rows = shown[field];
  const problems = Object.fromEntries(TAXONOMY_FIELDS.map((f) => [f, rowProblems(shown[f])])) as Record<TaxonomyField, Map<number, 'empty' | 'duplicate'>>;
  const fieldsWithProblems = TAXONOMY_FIELDS.filter((f) => problems[f].size > 0);
  const renames = draftRenames(shown);
  const dirty = draft !== null;

  const setRows = (next: DraftRow[]) => setDraft({ ...shown, [field]: next });
  const update = (key: number, change: Partial<DraftRow>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const move = (index: number, by: -1 | 1) => {
    const row = rows[index]!;
    setRows(moveRow(rows, index, by));
    setFocus({ key: row.key, part: by < 0 ? 'up' : 'down' });
  };
  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    setRows(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    setFocus(neighbour ? { key: neighbour.key, part: 'delete' } : { key: 0, part: 'add' });
  };
  const add = () => {
    const row = newRow();
    setRows([...rows, row]);
    setFocus({ key: row.key, part: 'value' });
  };
  const fieldName = (f: TaxonomyField) => t(`fields.${f}`);
  const termName = (r: DraftRow, i: number) => r.value.trim() || t('taxonomy.termN', { n: i + 1 });

  return (
    <div className="incidents-taxonomy">
      <p className="incidents-taxonomy__intro">{t('taxonomy.intro')}</p>
      <p className="incidents-taxonomy__status" role="status">
        {current?.customised ? t('taxonomy.customised') : t('taxonomy.presets')}
        {dirty && ` ${t('taxonomy.unsaved')}`}
      </p>
      <Field label={t('taxonomy.list')}>
        <Select
          value={field}
          onChange={(e) => setField(TaxonomyFieldSchema.parse(e.target.value))}
          options={TAXONOMY_FIELDS.map((f) => ({ value: f, label: `${fieldName(f)} (${shown[f].length})${problems[f].size ? ' ⚠' : ''}` }))}
        />
      </Field>
      <div className="incidents-taxonomy__table" ref={table} role="group" aria-label={t('taxonomy.termsOf', { list: fieldName(field) })}>
        <div className="incidents-taxonomy__row incidents-taxonomy__head" aria-hidden="true">
          <span>{t('taxonomy.value')}</span>
          {TAXONOMY_LABEL_LANGUAGES.map((lang) => (
            <span key={lang} lang={lang}>
              {LANGUAGE_NAMES[lang]}
            </span>
          ))}
          <span />
        </div>
        {rows.length === 0 && <p className="incidents-taxonomy__empty">{t('taxonomy.emptyList')}</p>}
        {rows.map((r, i) => {
          const problem = problems[field].get(r.key);
          const name = termName(r, i);
          return (
            <div key={r.key} className={`incidents-taxonomy__row${problem ? ' incidents-taxonomy__row--bad' : ''}`}>
              <div className="incidents-taxonomy__cell">
                <TextInput
                  data-focus={`${r.key}-value`}
                  dir="auto"
                  aria-label={t('taxonomy.valueOf', { n: i + 1 })}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `taxonomy-problem-${r.key}` : undefined}
                  value={r.value}
                  maxLength={200}
                  onChange={(e) => update(r.key, { value: e.target.value })}
                />
                {problem && (
                  <span className="incidents-taxonomy__problem" id={`taxonomy-problem-${r.key}`}>
                    {t(`taxonomy.problem.${problem}`)}
                  </span>
                )}
                {r.origin !== null && r.value.trim() && r.value.trim() !== r.origin && (
                  <span className="incidents-taxonomy__was">{t('taxonomy.was', { value: r.origin })}</span>
                )}
              </div>
              {TAXONOMY_LABEL_LANGUAGES.map((lang) => (
                <TextInput
                  key={lang}
                  lang={lang}
                  dir={lang === 'ar' ? 'rtl' : 'ltr'}
                  aria-label={t('taxonomy.labelOf', { language: LANGUAGE_NAMES[lang], term: name })}
                  placeholder={r.value.trim()}
                  title={r[lang] || undefined}
                  value={r[lang]}
                  maxLength={200}
                  onChange={(e) => update(r.key, { [lang]: e.target.value })}
                />
              ))}
              <div className="incidents-taxonomy__actions">
                <Button size="sm" variant="ghost" data-focus={`${r.key}-up`} disabled={i === 0} aria-label={t('taxonomy.moveUp', { term: name })} title={t('taxonomy.moveUp', { term: name })} onClick={() => move(i, -1)}>
                  ↑
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  data-focus={`${r.key}-down`}
                  disabled={i === rows.length - 1}
                  aria-label={t('taxonomy.moveDown', { term: name })}
                  title={t('taxonomy.moveDown', { term: name })}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </Button>
                <Button size="sm" variant="ghost" data-focus={`${r.key}-delete`} aria-label={t('taxonomy.delete', { term: name })} title={t('taxonomy.delete', { term: name })} onClick={() => remove(i)}>
                  ✕
                </Button>
              </div>
            </div>
          );
        })}
      </div>
      <div className="incidents-taxonomy__buttons" ref={addArea}>
        <Button size="sm" data-focus="0-add" onClick={add}>
          {t('taxonomy.add')}
        </Button>
      </div>
      {fieldsWithProblems.length > 0 && (
        <p className="incidents-taxonomy__problem" role="alert">
          {t('taxonomy.fixFirst', { lists: fieldsWithProblems.map(fieldName).join(', ') })}
        </p>
      )}
      {renames.length > 0 && (
        <Checkbox
          label={t('taxonomy.renameExisting')}
          hint={renames.map((r, i) => (
            <span key={`${r.field}-${r.from}`}>
              {i > 0 && ' · '}
              {fieldName(r.field)}: <bdi>{r.from}</bdi> {rtl ? '←' : '→'} <bdi>{r.to}</bdi>
            </span>
          ))}
          checked={renameExisting}
          onChange={(e) => setRenameExisting(e.target.checked)}
        />
      )}
      <div className="incidents-taxonomy__buttons">
        <Button
          variant="primary"
          disabled={!dirty || fieldsWithProblems.length > 0}
          busy={save.isPending}
          onClick={() => save.mutate({ taxonomy: fromDraft(shown), ...(renameExisting && renames.length ? { renameExisting: renames } : {}) })}
        >
          {t('taxonomy.save')}
        </Button>
        {dirty && <Button onClick={() => setDraft(null)}>{t('taxonomy.discard')}</Button>}
        <Button variant="danger" disabled={!current?.customised && !dirty} onClick={() => setConfirmReset(true)}>
          {t('taxonomy.reset')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirmReset}
        danger
        title={t('taxonomy.resetTitle')}
        message={t('taxonomy.resetMessage')}
        confirmLabel={t('taxonomy.resetConfirm')}
        busy={reset.isPending}
        onConfirm={() => reset.mutate({})}
        onCancel={() => setConfirmReset(false)}
      />
    </div>
  );
}
