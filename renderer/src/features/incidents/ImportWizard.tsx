import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Dialog, Field, Select, Spinner } from '../../components';
import { notify } from '../../app/notify';
import { vigil, isDesktop } from '../../lib/vigil';
import { uploadFile } from '../../lib/transports';
import { IMPORT_FIELDS, type DateOrder, type ImportMapping, type ImportPreview, type ImportReport } from '../../../../shared/contract/incidents';

type Step = 'choose' | 'map' | 'report' | 'done';

/** Where the file comes from: a path (desktop dialog) or a browser File uploaded again for each step. */
type Source = { kind: 'path'; path: string; name: string } | { kind: 'file'; file: File };

async function fileRef(source: Source): Promise<string> {
  // An upload is taken once by the command that reads it, so each step uploads the file again.
  return source.kind === 'path' ? source.path : `upload:${await uploadFile(source.file)}`;
}

/** Choose a file, check the suggested mapping, dry run listing every problem, then commit or skip bad rows. */
export function ImportWizard({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation('incidents');
  const [step, setStep] = useState<Step>('choose');
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [dateOrder, setDateOrder] = useState<DateOrder | ''>('');
  const [sheet, setSheet] = useState<string>('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setStep('choose');
    setSource(null);
    setPreview(null);
    setReport(null);
    setSkipInvalid(false);
    setDateOrder('');
    setSheet('');
  };
  const close = () => {
    reset();
    onClose();
  };

  const loadPreview = async (from: Source, sheetName?: string) => {
    setBusy(true);
    try {
      const p = await vigil.call('incidents.importPreview', { file: await fileRef(from), ...(sheetName ? { sheet: sheetName } : {}) });
      setSource(from);
      setPreview(p);
      setMapping(p.mapping);
      setSheet(p.sheet ?? '');
      setDateOrder(p.dateOrder ?? '');
      setStep('map');
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  const run = async (dryRun: boolean) => {
    if (!source) return;
    setBusy(true);
    try {
      const r = await vigil.call('incidents.importRun', {
        file: await fileRef(source),
        mapping,
        dryRun,
        skipInvalid,
        ...(sheet ? { sheet } : {}),
        ...(dateOrder ? { dateOrder } : {}),
      });
      setReport(r);
      setStep(dryRun ? 'report' : 'done');
      if (!dryRun && r.committed) notify.success(t('import.committed', { created: r.created, updated: r.updated }));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  const chooseDesktop = async () => {
    const picked = await vigil.call('dialog.openFile', { filters: [{ name: t('import.fileTypes'), extensions: ['csv', 'xlsx', 'json', 'txt'] }] });
    if (picked.path) await loadPreview({ kind: 'path', path: picked.path, name: picked.path.split(/[\\/]/).pop() ?? picked.path });
  };

  const fieldOptions = IMPORT_FIELDS.map((f) => ({ value: f, label: t(`fields.${f}`) }));
  const conflictFor = (column: string) => preview?.conflicts.find((c) => c.column === column);

  return (
    <Dialog
      open={open}
      onClose={close}
      size="lg"
      title={t('import.title')}
      footer={
        <>
          <Button onClick={close}>{step === 'done' ? t('import.close') : t('import.cancel')}</Button>
          {step === 'map' && (
            <Button variant="primary" disabled={busy} onClick={() => void run(true)}>
              {t('import.dryRun')}
            </Button>
          )}
          {step === 'report' && report && (
            <>
              <Button onClick={() => setStep('map')}>{t('import.back')}</Button>
              <Button variant="primary" disabled={busy || (report.problems.length > 0 && !skipInvalid) || report.created + report.updated === 0} onClick={() => void run(false)}>
                {t('import.commit', { count: report.created + report.updated })}
              </Button>
            </>
          )}
        </>
      }
    >
      {busy && <Spinner label={t('import.working')} />}
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
      {step === 'map' && preview && (
        <div className="incidents-import__map">
          <p>
            {t('import.summary', { name: preview.fileName, rows: preview.dataRows, format: preview.format.toUpperCase() })}
            {preview.encoding ? ` · ${preview.encoding}` : ''}
            {preview.hasHxlRow ? ` · ${t('import.hxl')}` : ''}
          </p>
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
      {(step === 'report' || step === 'done') && report && (
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
