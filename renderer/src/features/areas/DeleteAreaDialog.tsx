import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components';
import { useVigilMutation } from '../../lib/queries';
import { AppError } from '../../../../shared/envelope';
import type { Area } from '../../../../shared/contract/areas';
import { isolate } from '../files/bidi';

interface DeleteAreaDialogProps {
  area: Area;
  onClose(): void;
  onDeleted(): void;
}

/** What the core's CONFLICT carries in `details` when an area still has something in it. */
interface Dependents {
  children: number;
  premises: number;
}

const dependentsOf = (details: unknown): Dependents | null => {
  const d = details as Partial<Dependents> | undefined;
  return typeof d?.children === 'number' && typeof d.premises === 'number' ? { children: d.children, premises: d.premises } : null;
};

/**
 * Deleting is refused by the core (CONFLICT) while the area still has sub-areas or premises; the
 * refusal is shown in the dialog itself, where the officer is looking, instead of a toast behind it.
 */
export function DeleteAreaDialog({ area, onClose, onDeleted }: DeleteAreaDialogProps) {
  const { t } = useTranslation('areas');
  const [refusal, setRefusal] = useState<{ message: string; dependents: Dependents | null } | null>(null);
  const remove = useVigilMutation('areas.delete', {
    successMessageKey: 'areas:delete.done',
    onSuccess: onDeleted,
    onError: (error) => {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) return false;
      setRefusal({ message: error.message, dependents: dependentsOf(error.details) });
      return true;
    },
  });

  const explanation = refusal && (
    <div role="alert" className="areas-refusal">
      <p>{t('delete.refused')}</p>
      {refusal.dependents ? (
        <>
          {refusal.dependents.children > 0 && <p>{t('delete.children', { count: refusal.dependents.children })}</p>}
          {refusal.dependents.premises > 0 && <p>{t('delete.premises', { count: refusal.dependents.premises })}</p>}
        </>
      ) : (
        // An older core without the counts: its own sentence is still better than nothing.
        <p className="areas-refusal__detail">{refusal.message}</p>
      )}
    </div>
  );

  return (
    <ConfirmDialog
      open
      danger
      title={t('delete.title', { name: isolate(area.name) })}
      message={explanation ?? t('delete.message', { path: isolate(area.path) })}
      confirmLabel={t('delete.confirm')}
      busy={remove.isPending}
      onConfirm={() => remove.mutate({ id: area.id })}
      onCancel={onClose}
    />
  );
}
