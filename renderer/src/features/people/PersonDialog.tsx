import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Field, Select, Spinner, TextInput } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import {
  BLOOD_GROUPS,
  BRIEFING_KINDS,
  COURSES,
  PERSON_CATEGORIES,
  PERSON_STATUSES,
  type BriefingKind,
  type Course,
  type PersonDetail,
  type PersonInput,
} from '../../../../shared/contract/people';
import { utcToZoned, zonedToUtc } from '../../../../shared/domain/zonedTime';
import { useDateTimeFormat, useSettings } from '../areas/hooks';

type Form = Required<Pick<PersonInput, 'name' | 'category' | 'organisation' | 'position' | 'radioCallSign' | 'nationality' | 'emergencyContact' | 'residenceAddress' | 'status'>> & {
  phones: string;
  bloodGroup: string;
  passportExpiry: string;
  residencePremisesId: string;
  dependantOfId: string;
  arrival: string;
  departure: string;
};

function toForm(p: PersonDetail | undefined, tz: string): Form {
  return {
    name: p?.name ?? '',
    category: p?.category ?? 'staff_international',
    organisation: p?.organisation ?? '',
    position: p?.position ?? '',
    radioCallSign: p?.radioCallSign ?? '',
    nationality: p?.nationality ?? '',
    emergencyContact: p?.emergencyContact ?? '',
    residenceAddress: p?.residenceAddress ?? '',
    status: p?.status ?? 'expected',
    phones: p?.phones.join(', ') ?? '',
    bloodGroup: p?.bloodGroup ?? '',
    passportExpiry: p?.passportExpiry ?? '',
    residencePremisesId: p?.residencePremisesId ?? '',
    dependantOfId: p?.dependantOfId ?? '',
    arrival: p?.arrivalAt ? utcToZoned(p.arrivalAt, tz) : '',
    departure: p?.departureAt ? utcToZoned(p.departureAt, tz) : '',
  };
}

export function PersonDialog({ id, onClose }: { id: string | null; onClose(): void }) {
  const { t } = useTranslation('people');
  const tz = useSettings().data?.timeZone ?? 'UTC';
  const detail = useVigilQuery('people.get', { id: id ?? '' }, { enabled: Boolean(id) }).data;
  if (id && !detail) {
    return (
      <Dialog open title={t('form.edit')} onClose={onClose}>
        <Spinner label={t('loading')} />
      </Dialog>
    );
  }
  return <PersonForm key={detail?.updatedAt ?? 'new'} detail={detail} tz={tz} onClose={onClose} />;
}

function PersonForm({ detail, tz, onClose }: { detail: PersonDetail | undefined; tz: string; onClose(): void }) {
  const { t } = useTranslation('people');
  const [form, setForm] = useState<Form>(() => toForm(detail, tz));
  const premises = useVigilQuery('premises.list', { startRow: 0, endRow: 500 }).data?.rows ?? [];
  const everyone = useVigilQuery('people.list', { startRow: 0, endRow: 1000 }, { enabled: form.category === 'dependant' }).data?.rows ?? [];
  const set = <K extends keyof Form>(key: K) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const create = useVigilMutation('people.create', { successMessageKey: 'people:form.saved', onSuccess: onClose });
  const update = useVigilMutation('people.update', { successMessageKey: 'people:form.saved', onSuccess: onClose });
  const save = () => {
    const input: PersonInput = {
      name: form.name,
      category: form.category,
      organisation: form.organisation,
      position: form.position,
      radioCallSign: form.radioCallSign,
      nationality: form.nationality,
      emergencyContact: form.emergencyContact,
      residenceAddress: form.residenceAddress,
      status: form.status,
      phones: form.phones.split(',').map((p) => p.trim()).filter(Boolean),
      bloodGroup: (form.bloodGroup || null) as PersonInput['bloodGroup'],
      passportExpiry: form.passportExpiry || null,
      residencePremisesId: form.residencePremisesId || null,
      dependantOfId: form.dependantOfId || null,
      arrivalAt: form.arrival ? zonedToUtc(form.arrival, tz) : null,
      departureAt: form.departure ? zonedToUtc(form.departure, tz) : null,
    };
    if (detail) update.mutate({ ...input, id: detail.id });
    else create.mutate(input);
  };
  const opts = (values: readonly string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  return (
    <Dialog
      open
      size="lg"
      title={detail ? t('form.edit') : t('form.add')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button variant="primary" busy={create.isPending || update.isPending} onClick={save}>
            {t('form.save')}
          </Button>
        </>
      }
    >
      <div className="ppl-form">
        <Field label={t('columns.name')} required>
          <TextInput value={form.name} onChange={set('name')} />
        </Field>
        <Field label={t('columns.category')}>
          <Select value={form.category} onChange={set('category')} options={opts(PERSON_CATEGORIES, 'categories')} />
        </Field>
        <Field label={t('columns.status')}>
          <Select value={form.status} onChange={set('status')} options={opts(PERSON_STATUSES, 'statuses')} />
        </Field>
        {form.category === 'dependant' && (
          <Field label={t('columns.dependantOf')}>
            <Select
              value={form.dependantOfId}
              onChange={set('dependantOfId')}
              options={[{ value: '', label: '—' }, ...everyone.filter((p) => p.id !== detail?.id && p.category !== 'dependant').map((p) => ({ value: p.id, label: p.name }))]}
            />
          </Field>
        )}
        <Field label={t('columns.organisation')}>
          <TextInput value={form.organisation} onChange={set('organisation')} />
        </Field>
        <Field label={t('columns.position')}>
          <TextInput value={form.position} onChange={set('position')} />
        </Field>
        <Field label={t('columns.phones')} hint={t('form.phonesHint')}>
          <TextInput dir="ltr" value={form.phones} onChange={set('phones')} />
        </Field>
        <Field label={t('columns.radioCallSign')}>
          <TextInput value={form.radioCallSign} onChange={set('radioCallSign')} />
        </Field>
        <Field label={t('columns.nationality')}>
          <TextInput value={form.nationality} onChange={set('nationality')} />
        </Field>
        <Field label={t('columns.passportExpiry')} hint={t('form.restricted')}>
          <TextInput type="date" value={form.passportExpiry} onChange={set('passportExpiry')} />
        </Field>
        <Field label={t('columns.bloodGroup')} hint={t('form.restricted')}>
          <Select value={form.bloodGroup} onChange={set('bloodGroup')} options={[{ value: '', label: '—' }, ...BLOOD_GROUPS.map((b) => ({ value: b, label: b }))]} />
        </Field>
        <Field label={t('columns.emergencyContact')} hint={t('form.restricted')}>
          <TextInput value={form.emergencyContact} onChange={set('emergencyContact')} />
        </Field>
        <Field label={t('columns.residence')}>
          <Select value={form.residencePremisesId} onChange={set('residencePremisesId')} options={[{ value: '', label: '—' }, ...premises.map((p) => ({ value: p.id, label: p.name }))]} />
        </Field>
        <Field label={t('columns.residenceAddress')}>
          <TextInput value={form.residenceAddress} onChange={set('residenceAddress')} />
        </Field>
        <Field label={t('columns.arrivalAt')} hint={t('form.localTime', { tz })}>
          <TextInput type="datetime-local" value={form.arrival} onChange={set('arrival')} />
        </Field>
        <Field label={t('columns.departureAt')} hint={t('form.localTime', { tz })}>
          <TextInput type="datetime-local" value={form.departure} onChange={set('departure')} />
        </Field>
      </div>
      {detail && <BriefingsAndTrainings detail={detail} tz={tz} />}
    </Dialog>
  );
}

function BriefingsAndTrainings({ detail, tz }: { detail: PersonDetail; tz: string }) {
  const { t } = useTranslation('people');
  const formatDateTime = useDateTimeFormat();
  const officer = useSettings().data?.officerName ?? '';
  const [briefing, setBriefing] = useState({ at: utcToZoned(new Date().toISOString(), tz), by: officer, kind: 'welcome' as BriefingKind });
  const [training, setTraining] = useState({ course: 'stay_safe_basic' as Course, completedOn: '', expiresOn: '' });
  const addBriefing = useVigilMutation('people.addBriefing', { successMessageKey: 'people:briefings.added' });
  const saveTraining = useVigilMutation('people.saveTraining', { successMessageKey: 'people:trainings.added' });
  const delBriefing = useVigilMutation('people.deleteBriefing');
  const delTraining = useVigilMutation('people.deleteTraining');
  return (
    <>
      <section className="ppl-section">
        <h3>{t('briefings.title')}</h3>
        <ul className="ppl-list">
          {detail.briefings.length === 0 && <li>{t('briefings.none')}</li>}
          {detail.briefings.map((b) => (
            <li key={b.id}>
              <span>{formatDateTime(b.at)}</span>
              <span>{t(`briefingKinds.${b.kind}`)}</span>
              <span>{b.by}</span>
              <Button size="sm" variant="ghost" onClick={() => delBriefing.mutate({ id: b.id })}>
                {t('actions.delete')}
              </Button>
            </li>
          ))}
        </ul>
        <div className="ppl-inline">
          <Field label={t('briefings.at')}>
            <TextInput type="datetime-local" value={briefing.at} onChange={(e) => setBriefing({ ...briefing, at: e.target.value })} />
          </Field>
          <Field label={t('briefings.kind')}>
            <Select value={briefing.kind} onChange={(e) => setBriefing({ ...briefing, kind: e.target.value as BriefingKind })} options={BRIEFING_KINDS.map((k) => ({ value: k, label: t(`briefingKinds.${k}`) }))} />
          </Field>
          <Field label={t('briefings.by')}>
            <TextInput value={briefing.by} onChange={(e) => setBriefing({ ...briefing, by: e.target.value })} />
          </Field>
          <Button onClick={() => addBriefing.mutate({ personId: detail.id, at: zonedToUtc(briefing.at, tz), by: briefing.by, kind: briefing.kind })}>{t('briefings.add')}</Button>
        </div>
      </section>
      <section className="ppl-section">
        <h3>{t('trainings.title')}</h3>
        <ul className="ppl-list">
          {detail.trainings.map((tr) => (
            <li key={tr.id}>
              <span>{tr.course === 'other' ? tr.courseOther : t(`courses.${tr.course}`)}</span>
              <span>{t('trainings.completed', { date: tr.completedOn })}</span>
              {tr.expiresOn && <span>{t('trainings.expires', { date: tr.expiresOn })}</span>}
              <Button size="sm" variant="ghost" onClick={() => delTraining.mutate({ id: tr.id })}>
                {t('actions.delete')}
              </Button>
            </li>
          ))}
        </ul>
        <div className="ppl-inline">
          <Field label={t('trainings.course')}>
            <Select value={training.course} onChange={(e) => setTraining({ ...training, course: e.target.value as Course })} options={COURSES.filter((c) => c !== 'other').map((c) => ({ value: c, label: t(`courses.${c}`) }))} />
          </Field>
          <Field label={t('trainings.completedOn')}>
            <TextInput type="date" value={training.completedOn} onChange={(e) => setTraining({ ...training, completedOn: e.target.value })} />
          </Field>
          <Field label={t('trainings.expiresOn')}>
            <TextInput type="date" value={training.expiresOn} onChange={(e) => setTraining({ ...training, expiresOn: e.target.value })} />
          </Field>
          <Button onClick={() => saveTraining.mutate({ personId: detail.id, course: training.course, completedOn: training.completedOn, expiresOn: training.expiresOn || null })}>{t('trainings.add')}</Button>
        </div>
      </section>
    </>
  );
}
