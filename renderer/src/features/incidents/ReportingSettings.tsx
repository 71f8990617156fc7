import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field, TextInput } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { REPORT_KINDS, type DeadlineHours } from '../../../../shared/domain/incidentDeadlines';

/** Settings: how many hours after an incident is recorded each report is due. */
export function ReportingSettings() {
  const { t } = useTranslation('incidents');
  const current = useVigilQuery('incidents.reportingSettings', {}).data;
  const [edit, setEdit] = useState<Partial<Record<keyof DeadlineHours, string>>>({});
  const save = useVigilMutation('incidents.updateReportingSettings', { successMessageKey: 'incidents:reporting.settingsSaved', onSuccess: () => setEdit({}) });
  if (!current) return null;
  const value = (k: keyof DeadlineHours) => edit[k] ?? String(current[k]);
  const parsed = Object.fromEntries(REPORT_KINDS.map((k) => [k, Number(value(k).replace(',', '.'))])) as unknown as DeadlineHours;
  const bad = REPORT_KINDS.filter((k) => !Number.isFinite(parsed[k]) || parsed[k] < 0 || parsed[k] > 720 || value(k).trim() === '');
  return (
    <div className="incidents-settings">
      {REPORT_KINDS.map((k) => (
        <Field key={k} label={t(`reporting.settingsHours.${k}`)} error={bad.includes(k) ? t('reporting.badHours') : undefined}>
          <TextInput inputMode="decimal" dir="ltr" value={value(k)} onChange={(e) => setEdit({ ...edit, [k]: e.target.value })} />
        </Field>
      ))}
      <Button variant="primary" disabled={bad.length > 0 || Object.keys(edit).length === 0} busy={save.isPending} onClick={() => save.mutate(parsed)}>
        {t('reporting.settingsSave')}
      </Button>
    </div>
  );
}
