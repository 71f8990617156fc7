import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Dialog, Field, Select, Spinner } from '../../components';
import { notify } from '../../app/notify';
import { vigil, isDesktop } from '../../lib/vigil';
import { importFileRef as fileRef, pathSource, type ImportSource as Source } from '../files/importSource';
import { AppError } from '../../../../shared/envelope';
import { LANGUAGES, type Language } from '../../../../shared/contract/common';
import {
  IMPORT_FIELDS,
  type DateOrder,
  type ImportMapping,
  type ImportPreset,
  type ImportPreview,
  type ImportReport,
  type ImportValueMap,
} from '../../../../shared/contract/incidents';
import { ImportPresetBar } from './ImportPresetBar';
import { ImportValueMapping } from './ImportValueMapping';
import { ImportProgress, useImportProgress } from './ImportProgress';
import './importWizard.css';

type Step = 'choose' | 'map' | 'values' | 'report' | 'done';

/** Drops empty per-field maps, so presets and audit rows carry only what the user mapped. */
function compactValues(values: ImportValueMap): ImportValueMap {
  return Object.fromEntries(Object.entries(values).filter(([, m]) => m && Object.keys(m).length > 0)) as ImportValueMap;
}

/**
 * Choose a file, check the suggested column mapping (or apply a saved one), map the taxonomy values, dry run
 * listing every problem, then commit or skip bad rows. Long runs show progress and can be cancelled.
 */
export function ImportWizard({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t, i18n } = useTranslation('incidents');
  const [step, setStep] = useState<Step>('choose');
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [dateOrder, setDateOrder] = useState<DateOrder | ''>('');
  const [sheet, setSheet] = useState<string>('');
  const [values, setValues] = useState<ImportValueMap>({});
  const [strict, setStrict] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [runId, setRunId] = useState<number | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const progress = useImportProgress(runId);
  const running = runId !== null;
  const lang: Language | undefined = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : undefined;

  const reset = () => {
    setStep('choose');
    setSource(null);
    setPreview(null);
    setReport(null);
    setSkipInvalid(false);
    setDateOrder('');
    setSheet('');
    setValues({});
    setStrict(false);
    setNotice(null);
  };
  /** The run this window started and has not seen settle; a cancel keeps asking until core has one to stop. */
  const activeRun = useRef<{ id: number; cancel: boolean } | null>(null);
  const cancelRun = () => {
    const current = activeRun.current;
    if (!current || current.cancel) return;
    current.cancel = true;
    setCancelling(true);
    // The file may still be uploading, or core may not have started the run yet: ask again until it has.
    const ask = async () => {
      while (activeRun.current === current) {
        const answer = await vigil.call('incidents.importCancel', {});
        if (answer.cancelled) return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    ask().catch((error: unknown) => notify.error(error));
  };
  const close = () => {
    // Escape or the close button while an import runs stops it first; the dialog stays to say so.
    if (running) {
      if (!cancelling) cancelRun();
      return;
    }
    reset();
    onClose();
  };

  /** Values a suggestion settles (another spelling of a term) start mapped to it; the user can undo that. */
  const withSuggestions = (p: ImportPreview, base: ImportValueMap): ImportValueMap => {
    const out: ImportValueMap = { ...base };
    for (const group of p.fieldValues) {
      const mapped = { ...(out[group.field] ?? {}) };
      for (const v of group.values) if (!v.known && v.suggestion && !mapped[v.value]) mapped[v.value] = v.suggestion;
      out[group.field] = mapped;
    }
    return out;
  };

  const loadPreview = async (from: Source, sheetName?: string) => {
    setBusy(true);
    try {
      const p = await vigil.call('incidents.importPreview', { file: await fileRef(from), ...(lang ? { lang } : {}), ...(sheetName ? { sheet: sheetName } : {}) });
      setSource(from);
      setPreview(p);
      setMapping(p.mapping);
      setSheet(p.sheet ?? '');
      setDateOrder(p.dateOrder ?? '');
      setNotice(null);
      setStep('map');
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  const applyPreset = async (preset: ImportPreset) => {
    if (!source || !preview) return;
    setBusy(true);
    try {
      const presetSheet = preset.sheet && preview.sheets.some((s) => s.name === preset.sheet) ? preset.sheet : sheet;
      const p = await vigil.call('incidents.importPreview', { file: await fileRef(source), preset: preset.name, ...(lang ? { lang } : {}), ...(presetSheet ? { sheet: presetSheet } : {}) });
      setPreview(p);
      setMapping(p.mapping);
      setSheet(p.sheet ?? '');
      setDateOrder(p.dateOrder ?? '');
      setValues(p.values);
      setStrict(p.strictTaxonomy);
      setNotice(
        p.presetMissingColumns.length
          ? t('import.presets.appliedMissing', { name: preset.name, columns: p.presetMissingColumns.join(', ') })
          : t('import.presets.applied', { name: preset.name }),
      );
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  /** To the value step: the values are listed for the mapping as it is now. */
  const toValues = async () => {
    if (!source) return;
    setBusy(true);
    try {
      const p = await vigil.call('incidents.importPreview', {
        file: await fileRef(source),
        mapping,
        ...(lang ? { lang } : {}),
        ...(sheet ? { sheet } : {}),
        ...(dateOrder ? { dateOrder } : {}),
      });
      setPreview({ ...p, mapping });
      setValues(withSuggestions(p, values));
      setNotice(null);
      setStep('values');
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  const run = async (dryRun: boolean) => {
    if (!source) return;
    const id = Date.now();
    const current = { id, cancel: false };
    activeRun.current = current;
    setRunId(id);
    setCancelling(false);
    setNotice(null);
    try {
      const file = await fileRef(source);
      if (current.cancel) throw new AppError('CANCELLED', t('import.progress.cancelled'));
      const r = await vigil.call('incidents.importRun', {
        file,
        mapping,
        dryRun,
        skipInvalid,
        values: compactValues(values),
        strictTaxonomy: strict,
        ...(lang ? { lang } : {}),
        ...(sheet ? { sheet } : {}),
        ...(dateOrder ? { dateOrder } : {}),
      });
      setReport(r);
      setStep(dryRun ? 'report' : 'done');
      if (!dryRun && r.committed) notify.success(t('import.committed', { created: r.created, updated: r.updated }));
    } catch (error) {
      if (error instanceof AppError && error.code === 'CANCELLED') setNotice(t('import.progress.cancelled'));
      else notify.error(error);
    } finally {
      activeRun.current = null;
      setRunId(null);
      setCancelling(false);
    }
  };

  const chooseDesktop = async () => {
    const picked = await vigil.call('dialog.openFile', { filters: [{ name: t('import.fileTypes'), extensions: ['csv', 'xlsx', 'json', 'txt'] }] });
    if (picked.path) await loadPreview(pathSource(picked.path));
  };

  const fieldOptions = IMPORT_FIELDS.map((f) => ({ value: f, label: t(`fields.${f}`) }));
  const conflictFor = (column: string) => preview?.conflicts.find((c) => c.column === column);
  const locked = busy || running;

  return (
    <Dialog
      open={open}
      onClose={close}
      size="lg"
      title={t('import.title')}
      footer={
        running ? undefined : (
          <>
            <Button onClick={close}>{step === 'done' ? t('import.close') : t('import.cancel')}</Button>
            {step === 'map' && (
              <>
                {/* Straight to the dry run: every value is kept as written unless mapped before. */}
                <Button disabled={locked} onClick={() => void run(true)}>
                  {t('import.dryRun')}
                </Button>
                <Button variant="primary" disabled={locked} onClick={() => void toValues()}>
                  {t('import.values.next')}
                </Button>
              </>
            )}
            {step === 'values' && (
              <>
                <Button onClick={() => setStep('map')}>{t('import.back')}</Button>
                <Button variant="primary" disabled={locked} onClick={() => void run(true)}>
                  {t('import.dryRun')}
                </Button>
              </>
            )}
            {step === 'report' && report && (
              <>
                <Button onClick={() => setStep('values')}>{t('import.values.back')}</Button>
                <Button
                  variant="primary"
                  disabled={locked || (report.problems.length > 0 && !skipInvalid) || report.created + report.updated === 0}
                  onClick={() => void run(false)}
                >
                  {t('import.commit', { count: report.created + report.updated })}
                </Button>
              </>
            )}
          </>
        )
      }
    >
      {busy && <Spinner label={t('import.working')} />}
      {running && progress && <ImportProgress progress={progress} cancelling={cancelling} onCancel={cancelRun} />}
      {notice && (
        <p className="incidents-import__notice" role="status">
          {notice}
        </p>
      )}
      {step === 'choose' && (
        <div className="incidents-import__choose">
          <p>{t('import.intro')}</p>
          {isDesktop ? (
            <Button variant="primary" onClick={() => void chooseDesktop()}>
              {t('import.chooseFile')}
            </Button>
          ) : (
            <Field label={t('import.chooseFile')}>
              <input
                type="file"
                accept=".csv,.xlsx,.json,.txt"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  if (file) void loadPreview({ kind: 'file', file });
                }}
              />
            </Field>
          )}
        </div>
      )}
      {step === 'map' && preview && !running && (
        <div className="incidents-import__map">
          <p>
            {t('import.summary', { name: preview.fileName, rows: preview.dataRows, format: preview.format.toUpperCase() })}
            {preview.encoding ? ` · ${preview.encoding}` : ''}
            {preview.hasHxlRow ? ` · ${t('import.hxl')}` : ''}
          </p>
          <ImportPresetBar
            disabled={locked}
            onApply={(p) => void applyPreset(p)}
            current={() => ({ mapping, dateOrder: dateOrder || null, sheet: sheet || null, values: compactValues(values), strictTaxonomy: strict })}
          />
          {preview.sheets.length > 1 && source && (
            <Field label={t('import.sheet')}>
              <Select value={sheet} options={preview.sheets.map((s) => ({ value: s.name, label: `${s.name} (${s.rows})` }))} onChange={(e) => void loadPreview(source, e.target.value)} />
            </Field>
          )}
          <Field label={t('import.dateOrder')} hint={preview.dateOrderAmbiguous ? t('import.dateOrderAmbiguous') : undefined}>
            <Select
              value={dateOrder}
              placeholder={t('import.dateOrderAuto')}
              options={(['dmy', 'mdy', 'ymd'] as const).map((o) => ({ value: o, label: t(`import.order.${o}`) }))}
              onChange={(e) => setDateOrder(e.target.value as DateOrder | '')}
            />
          </Field>
          <table className="incidents-import__table">
            <thead>
              <tr>
                <th>{t('import.fileColumn')}</th>
                <th>{t('import.samples')}</th>
                <th>{t('import.vigilField')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.columns.map((c) => {
                const conflict = conflictFor(c.name);
                return (
                  <tr key={c.name}>
                    <td>
                      <div>{c.name}</div>
                      {c.hxl && <code>{c.hxl}</code>}
                      {conflict && (
                        <div className="incidents-import__conflict" role="note">
                          {t('import.conflict', { tag: conflict.tag, tagField: conflict.tagField ? t(`fields.${conflict.tagField}`) : '—' })}
                        </div>
                      )}
                    </td>
                    <td className="incidents-import__samples">{c.samples.filter(Boolean).slice(0, 3).join(' · ')}</td>
                    <td>
                      <Select
                        aria-label={t('import.fieldFor', { column: c.name })}
                        value={mapping[c.name] ?? ''}
                        placeholder={t('import.ignore')}
                        options={fieldOptions}
                        onChange={(e) => setMapping({ ...mapping, [c.name]: (e.target.value || null) as ImportMapping[string] })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {step === 'values' && preview && !running && (
        <div className="incidents-import__map">
          <p>{t('import.values.intro')}</p>
          <Checkbox label={t('import.values.strict')} checked={strict} onChange={(e) => setStrict(e.target.checked)} />
          <ImportValueMapping fieldValues={preview.fieldValues} taxonomy={preview.taxonomy} values={values} onChange={setValues} />
        </div>
      )}
      {(step === 'report' || step === 'done') && report && !running && (
        <div className="incidents-import__report">
          <p role="status">
            {step === 'done' && report.committed
              ? t('import.committed', { created: report.created, updated: report.updated })
              : t('import.dryRunResult', { created: report.created, updated: report.updated, skipped: report.skipped, problems: report.problems.length })}
          </p>
          {report.problems.length > 0 && (
            <>
              <table className="incidents-import__table" aria-label={t('import.problems')}>
                <thead>
                  <tr>
                    <th>{t('import.row')}</th>
                    <th>{t('import.column')}</th>
                    <th>{t('import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.problems.slice(0, 1000).map((p, i) => (
                    <tr key={i}>
                      <td>{p.row}</td>
                      <td>{p.column ?? ''}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {step === 'report' && <Checkbox label={t('import.skipInvalid')} checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />}
            </>
          )}
        </div>
      )}
    </Dialog>
  );
}
