import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field, TextInput } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';
import { isClockTime } from '../../../../shared/domain/rollCall';
import { useSettings } from '../areas/hooks';

/** Settings: the set times of the daily radio roll-call, in the delegation time zone. */
export function RollCallSettings() {
  const { t } = useTranslation('movements');
  const tz = useSettings().data?.timeZone ?? 'UTC';
  const current = useVigilQuery('rollCall.settings', {}).data;
  const [text, setText] = useState<string | null>(null);
  const value = text ?? current?.times.join(', ') ?? '';
  const times = value
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = times.find((x) => !isClockTime(x));
  const save = useVigilMutation('rollCall.updateSettings', { successMessageKey: 'movements:rollCall.settingsSaved', onSuccess: () => setText(null) });
  return (
    <div className="rc-settings">
      <Field
        label={t('rollCall.settingsTimes')}
        hint={t('rollCall.settingsHint', { tz })}
        error={bad ? t('rollCall.badTime', { value: bad }) : times.length === 0 ? t('rollCall.noTimes') : undefined}
      >
        <TextInput dir="ltr" value={value} onChange={(e) => setText(e.target.value)} placeholder="08:00, 20:00" />
      </Field>
      <Button variant="primary" disabled={Boolean(bad) || times.length === 0 || text === null} busy={save.isPending} onClick={() => save.mutate({ times })}>
        {t('rollCall.settingsSave')}
      </Button>
    </div>
  );
}
