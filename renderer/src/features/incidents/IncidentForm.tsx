import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Dialog, Field, Select, TextArea, TextInput } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { serverIssues } from '../../lib/serverIssues';
import { CONFIDENTIALITIES, LOCATION_PRECISIONS, SEVERITIES, type IncidentInput } from '../../../../shared/contract/incidents';
import { FlashReportDialog } from './FlashReportDialog';
import { IncidentReporting } from './IncidentReporting';
import { IncidentAttachments } from './IncidentAttachments';
import { TAXONOMY_FIELDS, type TaxonomyField } from '../../../../shared/contract/incidentTaxonomy';
import { useIncidentTaxonomy } from './useIncidentTaxonomy';

type Draft = Record<string, string | boolean>;

const TEXT = ['date', 'category', 'subCategory', 'country', 'adminArea', 'placeName', 'organisationAffected', 'perpetratorType', 'perpetratorName', 'weapon'] as const;
const COUNTS = ['killedNational', 'killedInternational', 'injuredNational', 'injuredInternational', 'kidnappedNational', 'kidnappedInternational', 'arrestedNational', 'arrestedInternational'] as const;
const LONG = ['narrative', 'actionsTaken', 'followUp'] as const;

function toInput(d: Draft): IncidentInput {
  const num = (k: string) => (d[k] === '' || d[k] === undefined ? null : Number(String(d[k]).replace(',', '.')));
  const input: Record<string, unknown> = {};
  for (const k of [...TEXT, ...LONG]) input[k] = String(d[k] ?? '');
  for (const k of COUNTS) input[k] = num(k);
  for (const kind of ['killed', 'injured', 'kidnapped', 'arrested']) {
    const a = num(`${kind}National`);
    const b = num(`${kind}International`);
    input[kind] = a === null && b === null ? null : (a ?? 0) + (b ?? 0);
  }
  input.latitude = num('latitude');
  input.longitude = num('longitude');
  input.locationPrecision = d.locationPrecision || null;
  input.severity = d.severity || null;
  input.confidentiality = d.confidentiality || 'normal';
  input.nearMiss = Boolean(d.nearMiss);
  input.needsReview = Boolean(d.needsReview);
  return input as IncidentInput;
}

/** Incident form: partial dates typed as YYYY, YYYY-MM or YYYY-MM-DD; the delegation's taxonomy offered, free text kept. */
export function IncidentForm({ id, onClose }: { id: string | null | undefined; onClose(): void }) {
  const existing = useVigilQuery('incidents.get', { id: id ?? '' }, { enabled: Boolean(id) });
  if (id === undefined || (id && !existing.data)) return null;
  const initial: Draft = {};
  if (existing.data && id) {
    for (const [k, v] of Object.entries(existing.data)) initial[k] = typeof v === 'boolean' ? v : v == null ? '' : String(v);
  } else {
    initial.date = new Date().toISOString().slice(0, 10);
  }
  return <IncidentFormDialog key={id ?? 'new'} id={id} initial={initial} onClose={onClose} />;
}

function IncidentFormDialog({ id, initial, onClose }: { id: string | null; initial: Draft; onClose(): void }) {
  const { t } = useTranslation('incidents');
  const open = true;
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [flash, setFlash] = useState(false);
  const taxonomy = useIncidentTaxonomy();

  const onError = (err: unknown) => {
    const issues = serverIssues(err);
    if (!issues.length) return false;
    setErrors(Object.fromEntries(issues.map((i) => [i.path, t(`errors.${i.message}`, { defaultValue: i.message })])));
    return true;
  };
  const create = useVigilMutation('incidents.create', { onSuccess: onClose, onError, successMessageKey: 'incidents:saved' });
  const update = useVigilMutation('incidents.update', { onSuccess: onClose, onError, successMessageKey: 'incidents:saved' });
  const remove = useVigilMutation('incidents.delete', { onSuccess: onClose });

  const set = (k: string) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  /** A text field; a taxonomy field offers its terms and shows the chosen term's label in the current language. */
  const text = (k: string, field?: TaxonomyField) => {
    const value = String(draft[k] ?? '');
    const label = field && value ? taxonomy.label(field, value) : value;
    return (
      <Field key={k} label={t(`fields.${k}`)} error={errors[k]} required={k === 'date'} hint={label !== value ? label : undefined}>
        <TextInput value={value} onChange={set(k)} list={field ? `incident-${k}-list` : undefined} placeholder={k === 'date' ? 'YYYY-MM-DD' : undefined} />
      </Field>
    );
  };
  const save = () => {
    const input = toInput(draft);
    if (id) update.mutate({ ...input, id });
    else create.mutate(input);
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title={id ? t('form.editTitle') : t('form.newTitle')}
      footer={
        <>
          {id && (
            <Button variant="danger" onClick={() => remove.mutate({ id })}>
              {t('form.delete')}
            </Button>
          )}
          {id && <Button onClick={() => setFlash(true)}>{t('flash.button')}</Button>}
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button variant="primary" onClick={save} disabled={create.isPending || update.isPending}>
            {t('form.save')}
          </Button>
        </>
      }
    >
      <form
        className="incidents-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {TAXONOMY_FIELDS.map((field) => (
          <datalist key={field} id={`incident-${field}-list`}>
            {taxonomy.options(field).map((o) => (
              <option key={o.value} value={o.value} label={o.label} />
            ))}
          </datalist>
        ))}
        <div className="incidents-form__grid">
          {text('date')}
          {text('category', 'category')}
          {text('subCategory', 'subCategory')}
          <Field label={t('fields.severity')} error={errors.severity}>
            <Select value={String(draft.severity ?? '')} placeholder="—" options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))} onChange={set('severity')} />
          </Field>
          {text('country')}
          {text('adminArea')}
          {text('placeName')}
          <Field label={t('fields.locationPrecision')}>
            <Select value={String(draft.locationPrecision ?? '')} placeholder="—" options={LOCATION_PRECISIONS.map((p) => ({ value: p, label: t(`precision.${p}`) }))} onChange={set('locationPrecision')} />
          </Field>
          {(['latitude', 'longitude'] as const).map((k) => (
            <Field key={k} label={t(`fields.${k}`)} error={errors[k]}>
              <TextInput inputMode="decimal" dir="ltr" value={String(draft[k] ?? '')} onChange={set(k)} />
            </Field>
          ))}
          {text('organisationAffected', 'organisationAffected')}
          {text('perpetratorType', 'perpetratorType')}
          {text('perpetratorName')}
          {text('weapon', 'weapon')}
          {COUNTS.map((k) => (
            <Field key={k} label={t(`fields.${k}`)} error={errors[k]}>
              <TextInput inputMode="numeric" value={String(draft[k] ?? '')} onChange={set(k)} />
            </Field>
          ))}
          <Field label={t('fields.confidentiality')}>
            <Select value={String(draft.confidentiality || 'normal')} options={CONFIDENTIALITIES.map((c) => ({ value: c, label: t(`confidentiality.${c}`) }))} onChange={set('confidentiality')} />
          </Field>
        </div>
        <Checkbox label={t('fields.nearMiss')} checked={Boolean(draft.nearMiss)} onChange={(e) => setDraft({ ...draft, nearMiss: e.target.checked })} />
        <Checkbox label={t('fields.needsReview')} checked={Boolean(draft.needsReview)} onChange={(e) => setDraft({ ...draft, needsReview: e.target.checked })} />
        {LONG.map((k) => (
          <Field key={k} label={t(`fields.${k}`)} error={errors[k]}>
            <TextArea rows={k === 'narrative' ? 5 : 2} value={String(draft[k] ?? '')} onChange={set(k)} />
          </Field>
        ))}
      </form>
      {id && <IncidentReporting id={id} />}
      {id && <IncidentAttachments id={id} />}
      {flash && id && <FlashReportDialog id={id} onClose={() => setFlash(false)} />}
    </Dialog>
  );
}
