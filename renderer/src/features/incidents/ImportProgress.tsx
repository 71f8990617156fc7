import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Progress } from '../../components';
import { vigil } from '../../lib/vigil';
import type { ImportPhase } from '../../../../shared/contract/incidents';

export interface ImportProgressState {
  phase: ImportPhase;
  done: number;
  total: number;
}

/** The running import's phase and counts from core's incidents.importProgress events; reset on each run. */
export function useImportProgress(runId: number | null): ImportProgressState | null {
  const [state, setState] = useState<{ runId: number; progress: ImportProgressState } | null>(null);
  useEffect(() => {
    if (runId === null) return;
    return vigil.on('incidents.importProgress', (event) => {
      const p = event.payload.progress;
      const phase = event.payload.phase as ImportPhase | undefined;
      if (p && phase) setState({ runId, progress: { phase, done: p.done, total: p.total } });
    });
  }, [runId]);
  if (runId === null) return null;
  return state?.runId === runId ? state.progress : { phase: 'reading', done: 0, total: 0 };
}

/** Progress bar with the phase and counts, and Cancel while the rows are still being read or checked. */
export function ImportProgress({ progress, cancelling, onCancel }: { progress: ImportProgressState; cancelling: boolean; onCancel(): void }) {
  const { t, i18n } = useTranslation('incidents');
  const n = (v: number) => v.toLocaleString(i18n.language);
  const writing = progress.phase === 'writing';
  const label =
    progress.total > 0
      ? t(`import.progress.${progress.phase}`, { done: n(progress.done), total: n(progress.total) })
      : t('import.progress.readingFile');
  return (
    <div className="incidents-import__progress" data-testid="import-progress">
      <Progress label={label} {...(progress.total > 0 && !writing ? { value: progress.done, max: progress.total } : {})} />
      <p className="incidents-import__hint" role="status">
        {cancelling ? t('import.progress.cancelling') : writing ? t('import.progress.noCancel') : t('import.progress.canCancel')}
      </p>
      {/* Focus lands here when the footer's buttons give way to the progress, so Escape or Enter can stop the run. */}
      <Button onClick={onCancel} disabled={cancelling || writing} autoFocus>
        {t('import.progress.cancel')}
      </Button>
    </div>
  );
}
