import { useState } from 'react';
import { SaveLocationDialog } from '../files/SaveLocationDialog';

interface Pending {
  name: string;
  ext: string;
  resolve(path: string | null): void;
}

/**
 * Asks for a path to write to: the native dialog on the desktop (warnings shown after it only when there
 * are some), the server-side picker in browser mode.
 * Without the picker's "protect with a password" option: a backup and a handover pack are already
 * encrypted, and a folder choice writes nothing.
 */
export function useSavePath(title: string) {
  const [pending, setPending] = useState<Pending | null>(null);
  const pick = (name: string, ext: string): Promise<string | null> => new Promise((resolve) => setPending({ name, ext, resolve }));
  const dialog = pending ? (
    <SaveLocationDialog
      open
      title={title}
      defaultName={pending.name}
      extension={`.${pending.ext}`}
      allowPassword={false}
      onCancel={() => {
        pending.resolve(null);
        setPending(null);
      }}
      onSave={(path) => {
        pending.resolve(path);
        setPending(null);
      }}
    />
  ) : null;
  return { pick, dialog };
}
