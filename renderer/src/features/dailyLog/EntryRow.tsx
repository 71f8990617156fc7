import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SOURCE_TYPES, type SourceType } from '../../../../shared/contract/dailyLog';
import {
  CREDIBILITY_LABELS,
  INFORMATION_CREDIBILITY,
  RELIABILITY_LABELS,
  SOURCE_RELIABILITY,
  type InformationCredibility,
  type SourceReliability,
} from '../../../../shared/presets/admiralty';
import { zonedToUtc } from '../../../../shared/domain/zonedTime';
import type { Language } from '../../../../shared/contract/common';
import { Button, Field, Select, TextArea, TextInput } from '../../components';
import { useVigilMutation } from '../../lib/queries';

interface Draft {
  time: string;
  source: string;
  sourceType: SourceType;
  reliability: SourceReliability;
  credibility: InformationCredibility;
  summary: string;
  placeName: string;
  coordinates: string;
  tags: string;
  followUp: string;
}

const EMPTY: Draft = {
  time: '',
  source: '',
  sourceType: 'other',
  reliability: 'F',
  credibility: '6',
  summary: '',
  placeName: '',
  coordinates: '',
  tags: '',
  followUp: '',
};

/** "lat, lon" or "lat lon" in decimal degrees; anything else is not a coordinate pair. */
export function parseCoordinates(value: string): { latitude: number; longitude: number } | null | 'invalid' {
  if (!value.trim()) return null;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value);
  if (!m) return 'invalid';
  const latitude = Number(m[1]);
  const longitude = Number(m[2]);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return 'invalid';
  return { latitude, longitude };
}

/** "9:30", "09:30", "0930" or "9h30" as "HH:MM"; empty is null. */
export function parseTime(value: string): string | null | 'invalid' {
  if (!value.trim()) return null;
  const m = /^\s*([01]?\d|2[0-3])[:h.]?([0-5]\d)\s*$/.exec(value);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : 'invalid';
}

export interface EntryRowProps {
  /** The day shown, YYYY-MM-DD in the delegation time zone. */
  day: string;
  today: string;
  timeZone: string;
}

/**
 * The compact entry row at the top of the log: Enter in any field saves (Ctrl+Enter in the summary, where
 * Enter starts a new line) and focus returns to the source field for the next entry.
 */
export function EntryRow({ day, today, timeZone }: EntryRowProps) {
  const { t, i18n } = useTranslation('dailyLog');
  const lang = (['en', 'fr', 'es', 'ar'].includes(i18n.language) ? i18n.language : 'en') as Language;
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const sourceRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useVigilMutation('dailyLog.create', {
    onSuccess: () => {
      setDraft(EMPTY);
      setError(null);
      sourceRef.current?.focus();
    },
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (create.isPending) return;
    if (!draft.summary.trim()) {
      setError(t('entry.summaryRequired'));
      return;
    }
    const coordinates = parseCoordinates(draft.coordinates);
    if (coordinates === 'invalid') {
      setError(t('entry.coordinatesInvalid'));
      return;
    }
    const typed = parseTime(draft.time);
    if (typed === 'invalid') {
      setError(t('entry.timeInvalid'));
      return;
    }
    // No time on today's page means "now"; on another day the entry is placed at noon.
    const time = typed ?? (day === today ? '' : '12:00');
    create.mutate({
      occurredAt: time ? zonedToUtc(`${day}T${time}`, timeZone) : undefined,
      source: draft.source,
      sourceType: draft.sourceType,
      reliability: draft.reliability,
      credibility: draft.credibility,
      summary: draft.summary,
      placeName: draft.placeName,
      latitude: coordinates?.latitude ?? null,
      longitude: coordinates?.longitude ?? null,
      tags: draft.tags.split(',').map((s) => s.trim()).filter(Boolean),
      followUp: draft.followUp,
    });
  };

  const onSummaryKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form ref={formRef} className="daily-log-entry" aria-label={t('entry.title')} onSubmit={submit}>
      <Field label={t('fields.source')}>
        <TextInput ref={sourceRef} autoFocus value={draft.source} onChange={(e) => set('source', e.target.value)} maxLength={300} />
      </Field>
      <Field label={t('fields.sourceType')}>
        <Select
          value={draft.sourceType}
          onChange={(e) => set('sourceType', e.target.value as SourceType)}
          options={SOURCE_TYPES.map((s) => ({ value: s, label: t(`sourceTypes.${s}`) }))}
        />
      </Field>
      <Field label={t('fields.reliability')}>
        <Select
          value={draft.reliability}
          onChange={(e) => set('reliability', e.target.value as SourceReliability)}
          options={SOURCE_RELIABILITY.map((r) => ({ value: r, label: `${r} — ${RELIABILITY_LABELS[r][lang]}` }))}
        />
      </Field>
      <Field label={t('fields.credibility')}>
        <Select
          value={draft.credibility}
          onChange={(e) => set('credibility', e.target.value as InformationCredibility)}
          options={INFORMATION_CREDIBILITY.map((c) => ({ value: c, label: `${c} — ${CREDIBILITY_LABELS[c][lang]}` }))}
        />
      </Field>
      <Field className="daily-log-entry__summary" label={t('fields.summary')} required hint={t('entry.summaryHint')} error={error ?? undefined}>
        <TextArea rows={2} value={draft.summary} onChange={(e) => set('summary', e.target.value)} onKeyDown={onSummaryKey} maxLength={5000} />
      </Field>
      <Field label={t('fields.place')}>
        <TextInput value={draft.placeName} onChange={(e) => set('placeName', e.target.value)} maxLength={300} />
      </Field>
      <Field label={t('fields.coordinates')} hint={t('entry.coordinatesHint')}>
        <TextInput dir="ltr" value={draft.coordinates} onChange={(e) => set('coordinates', e.target.value)} />
      </Field>
      <Field label={t('fields.tags')} hint={t('entry.tagsHint')}>
        <TextInput value={draft.tags} onChange={(e) => set('tags', e.target.value)} />
      </Field>
      <Field label={t('fields.followUp')}>
        <TextInput value={draft.followUp} onChange={(e) => set('followUp', e.target.value)} maxLength={2000} />
      </Field>
      <Field label={t('fields.time')} hint={day === today ? t('entry.timeHintToday') : t('entry.timeHintOther')}>
        <TextInput dir="ltr" inputMode="numeric" placeholder="HH:MM" value={draft.time} onChange={(e) => set('time', e.target.value)} maxLength={5} />
      </Field>
      <div className="daily-log-entry__actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          {t('entry.save')}
        </Button>
        <span className="daily-log-entry__hint">{t('entry.keyboardHint')}</span>
      </div>
    </form>
  );
}
