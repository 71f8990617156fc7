import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Field, MenuButton, PageHeader, Select, Spinner, TextArea } from '../../components';
import { notify } from '../../app/notify';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { vigil } from '../../lib/vigil';
import { LANGUAGES, type Language } from '../../../../shared/contract/common';
import type { ReportKindName } from '../../../../shared/contract/reports';
import { isolate } from '../files/bidi';
import { useSaveTo } from '../files/useSaveTo';
import './reports.css';

type Format = 'pdf' | 'xlsx' | 'docx';
type Paper = 'a4' | 'letter';

/**
 * Weekly and quarterly security reports: pick the period, write the situation summary, choose sections,
 * look at the preview (the very HTML that is printed, in a sandboxed frame), then save as PDF, XLSX or DOCX.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation('reports');
  const uiLang = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en';
  const [kind, setKind] = useState<ReportKindName>('weekly');
  const [period, setPeriod] = useState<string | null>(null);
  const [lang, setLang] = useState<Language>(uiLang);
  const [paper, setPaper] = useState<Paper>('a4');
  const [includeRestricted, setIncludeRestricted] = useState(false);
  const options = useVigilQuery('reports.options', { kind, lang });
  const chosenPeriod = period ?? options.data?.defaultPeriod ?? null;

  const summary = useVigilQuery('reports.getSummary', { kind, period: chosenPeriod ?? '2000-W01' }, { enabled: chosenPeriod !== null });
  // A draft belongs to one report period: switching period shows that period's own summary.
  const draftKey = `${kind}:${chosenPeriod ?? ''}`;
  const [drafted, setDrafted] = useState<{ key: string; text: string } | null>(null);
  const draft = drafted?.key === draftKey ? drafted.text : null;
  const setDraft = (text: string | null) => setDrafted(text === null ? null : { key: draftKey, text });
  const saveSummary = useVigilMutation('reports.saveSummary', { successMessageKey: 'reports:summarySaved', onSuccess: () => setDraft(null) });
  const saveSections = useVigilMutation('reports.saveSections');

  // The on/off choice shows at once (and in the preview); it is also stored for the next report of this kind.
  const [switched, setSwitched] = useState<{ kind: ReportKindName; disabled: string[] } | null>(null);
  const sections = (options.data?.sections ?? []).map((s) =>
    switched?.kind === kind && s.optional ? { ...s, enabled: !switched.disabled.includes(s.id) } : s,
  );
  const disabled = sections.filter((s) => s.optional && !s.enabled).map((s) => s.id);
  const toggle = (id: string, on: boolean) => {
    const next = sections.filter((s) => s.optional && (s.id === id ? !on : !s.enabled)).map((s) => s.id);
    setSwitched({ kind, disabled: next });
    saveSections.mutate({ kind, disabled: next });
  };

  const preview = useVigilQuery(
    'reports.preview',
    { kind, period: chosenPeriod ?? undefined, lang, includeRestricted, paper, disabled },
    { enabled: chosenPeriod !== null && options.data !== undefined },
  );
  const { saveTo, dialog } = useSaveTo(t('saveTitle'));


  const save = (format: Format) => {
    if (!chosenPeriod) return;
    void saveTo(`${kind}-security-report-${chosenPeriod}.${format}`, format, async (path) => {
      const r = await vigil.call('reports.export', { kind, period: chosenPeriod, lang, includeRestricted, paper, disabled, format, path });
      notify.success(t('done', { path: r.path }));
    });
  };

  const text = draft ?? summary.data?.text ?? '';
  return (
    <div className="reports-page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <MenuButton
            label={t('save')}
            disabled={!chosenPeriod}
            items={[
              { id: 'pdf', label: t('formats.pdf') },
              { id: 'xlsx', label: t('formats.xlsx') },
              { id: 'docx', label: t('formats.docx') },
            ]}
            onChoose={(id) => save(id as Format)}
          />
        }
      />
      <div className="reports-layout">
        <form className="reports-form" onSubmit={(e) => e.preventDefault()}>
          <Field label={t('kind')}>
            <Select
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as ReportKindName);
                setPeriod(null);
              }}
              options={[
                { value: 'weekly', label: t('weekly') },
                { value: 'quarterly', label: t('quarterly') },
              ]}
            />
          </Field>
          <Field label={t('period')}>
            <Select
              value={chosenPeriod ?? ''}
              onChange={(e) => setPeriod(e.target.value)}
              options={(options.data?.periods ?? []).map((p) => ({ value: p.id, label: t('periodOption', { id: isolate(p.id), from: isolate(p.firstDay), to: isolate(p.lastDay) }) }))}
            />
          </Field>
          <Field label={t('summary')} hint={chosenPeriod ? t('summaryHint', { period: isolate(chosenPeriod) }) : undefined}>
            <TextArea rows={8} value={text} maxLength={20000} onChange={(e) => setDraft(e.target.value)} />
          </Field>
          <div className="reports-row">
            <Button
              type="button"
              disabled={draft === null || !chosenPeriod || saveSummary.isPending}
              onClick={() => chosenPeriod && saveSummary.mutate({ kind, period: chosenPeriod, text })}
            >
              {t('saveSummary')}
            </Button>
            {draft !== null && <span className="reports-hint">{t('unsaved')}</span>}
          </div>
          <fieldset className="reports-sections">
            <legend>{t('sections')}</legend>
            {sections.map((s) => (
              <Checkbox
                key={s.id}
                label={s.title}
                checked={s.enabled}
                disabled={!s.optional}
                onChange={(e) => toggle(s.id, e.target.checked)}
              />
            ))}
          </fieldset>
          <Field label={t('language')}>
            <Select value={lang} onChange={(e) => setLang(e.target.value as Language)} options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))} />
          </Field>
          <Field label={t('paper')}>
            <Select
              value={paper}
              onChange={(e) => setPaper(e.target.value as Paper)}
              options={[
                { value: 'a4', label: 'A4' },
                { value: 'letter', label: 'Letter' },
              ]}
            />
          </Field>
          <Checkbox
            label={t('includeRestricted')}
            checked={includeRestricted}
            onChange={(e) => setIncludeRestricted(e.target.checked)}
            hint={includeRestricted ? t('restrictedWarning') : undefined}
          />
        </form>
        <section className="reports-preview" aria-label={t('preview')}>
          {preview.isFetching && <Spinner label={t('loadingPreview')} />}
          {preview.data && (
            // sandbox="" : the report runs no script, cannot navigate, and gets an opaque origin.
            <iframe className={paper === 'letter' ? 'reports-frame reports-frame--letter' : 'reports-frame'} title={t('previewTitle')} sandbox="" srcDoc={preview.data.html} />
          )}
        </section>
      </div>
      {dialog}
    </div>
  );
}
