import { useState } from 'react';
import { notify } from '../../app/notify';
import { isDesktop, vigil } from '../../lib/vigil';
import { SaveLocationDialog } from './SaveLocationDialog';

/**
 * Asks where to write a file: the native dialog on desktop, the server-side save-location picker in
 * browser mode. `write(path)` is the core command that writes it.
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

  const saveTo = async (name: string, ext: string, write: (path: string) => Promise<void>) => {
    if (!isDesktop) {
      setPending({ name, ext, write });
      return;
    }
    try {
      const { path } = await vigil.call('dialog.saveFile', { defaultName: name, filters: [{ name: ext.toUpperCase(), extensions: [ext] }] });
      if (path) await run(write, path);
    } catch (error) {
      notify.error(error);
    }
  };

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
