import { useState } from 'react';
import { notify } from '../../app/notify';
import { SaveLocationDialog } from './SaveLocationDialog';

/**
 * Asks where to write a file (SaveLocationDialog: the system dialog then warnings and the password option
 * on the desktop, the server-side save-location picker in browser mode). `write(path)` is the core command
 * that writes it.
 */
export function useSaveTo(title: string) {
  const [pending, setPending] = useState<{ name: string; ext: string; write: (path: string) => Promise<void> } | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (write: (path: string) => Promise<void>, path: string) => {
    setBusy(true);
    try {
      await write(path);
      setPending(null);
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  const saveTo = (name: string, ext: string, write: (path: string) => Promise<void>) => setPending({ name, ext, write });

  const dialog = pending ? (
    <SaveLocationDialog
      open
      title={title}
      defaultName={pending.name}
      extension={`.${pending.ext}`}
      busy={busy}
      onCancel={() => setPending(null)}
      onSave={(path) => void run(pending.write, path)}
    />
  ) : null;
  return { saveTo, dialog };
}
