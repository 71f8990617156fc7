import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useVigilQuery } from '../../lib/queries';
import type { PhaseScaleId } from '../../../../shared/presets/phaseScales';

/** All areas, flat, each with its path and effective phase. Refetched when 'areas.changed' arrives. */
export function useAreas() {
  return useVigilQuery('areas.list', {});
}

export function useSettings() {
  return useVigilQuery('settings.get', {});
}

/** The scale new declarations use; old declarations keep the scale they were made in. */
export function usePhaseScale(): PhaseScaleId {
  return useSettings().data?.phaseScale ?? 'ifrc';
}

/**
 * Formats a stored UTC time in the delegation's time zone, not the laptop's: a delegate flying in keeps
 * the laptop on home time, but the record must read in local delegation time. The formatters are built
 * once per language and zone because a grid calls this for every visible cell.
 */
export function useDateTimeFormat(): (iso: string, style?: 'dateTime' | 'date') => string {
  const { i18n } = useTranslation();
  const timeZone = useSettings().data?.timeZone;
  const language = i18n.language;
  const formatters = useMemo(() => {
    const zone = timeZone ? { timeZone } : {};
    return {
      dateTime: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', ...zone }),
      date: new Intl.DateTimeFormat(language, { dateStyle: 'medium', ...zone }),
    };
  }, [language, timeZone]);
  return useCallback(
    (iso: string, style: 'dateTime' | 'date' = 'dateTime') => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? '' : formatters[style].format(date);
    },
    [formatters],
  );
}
