import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateTimeFormat } from '../areas/hooks';
import type { MovementAlarm } from '../../../../shared/contract/movements';
import { vigil } from '../../lib/vigil';
import { ALARM_POLL_MS } from './useAlarmClock';

/**
 * While the window is hidden (minimised, another tab), an overdue movement raises an OS notification
 * with a short tone: the HTML Notification API, which Electron's renderer and the browser both offer.
 * Each alarm (movement + deadline) is announced once. Nothing happens without the user's permission.
 */
const announced = new Set<string>();
let timer: ReturnType<typeof setInterval> | undefined;

export const notificationsSupported = (): boolean => typeof window !== 'undefined' && 'Notification' in window;

function beep(): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.value = 0.2;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.6);
    tone.onended = () => void audio.close();
  } catch {
    // No audio device: the notification alone must do.
  }
}

async function check(title: (a: MovementAlarm) => string, body: (a: MovementAlarm) => string): Promise<void> {
  if (!document.hidden || !notificationsSupported() || Notification.permission !== 'granted') return;
  let alarms: MovementAlarm[];
  try {
    alarms = await vigil.call('movements.alarms', {});
  } catch {
    return; // Locked or disconnected: the alarm shows once the app is open again.
  }
  const fresh = alarms.filter((a) => !announced.has(`${a.movementId}@${a.dueAt}`));
  for (const a of fresh) {
    announced.add(`${a.movementId}@${a.dueAt}`);
    new Notification(title(a), { body: body(a), requireInteraction: true, tag: `${a.movementId}@${a.dueAt}` });
  }
  if (fresh.length > 0) beep();
}

export function startAlarmNotifier(title: (a: MovementAlarm) => string, body: (a: MovementAlarm) => string): void {
  if (timer !== undefined || !notificationsSupported()) return;
  timer = setInterval(() => void check(title, body), ALARM_POLL_MS);
}

/** Starts the notifier once permission was given (this session or an earlier one). */
export function useAlarmNotifier(): void {
  const { t } = useTranslation('movements');
  const formatDateTime = useDateTimeFormat();
  useEffect(() => {
    if (notificationsSupported() && Notification.permission === 'granted') {
      startAlarmNotifier(
        () => t('notify.title'),
        (a) => t('alarm.line', { route: `${a.from} → ${a.to}`, due: formatDateTime(a.dueAt), kind: t(`alarm.kinds.${a.kind}`) }),
      );
    }
  }, [t, formatDateTime]);
}
