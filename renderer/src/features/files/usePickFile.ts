import { useRef, useState } from 'react';
import { notify } from '../../app/notify';
import { uploadFile } from '../../lib/transports';
import { isDesktop, vigil } from '../../lib/vigil';

interface PickFileOptions {
  /** Desktop open-dialog filters; none lists every file. */
  filters?: { name: string; extensions: string[] }[];
  /** Browser mode refuses a larger file before sending it (the core checks again). */
  maxBytes: number;
  /** The message for a file over maxBytes. */
  tooLarge(name: string): string;
  /** Hands the chosen file to the core: a path on the desktop, `upload:<id>` in browser mode. */
  send(file: string): Promise<void>;
}

/**
 * Choosing one file for the core to read: the system open dialog on the desktop, a hidden file input
 * and the upload endpoint in browser mode. Render `<input ref={fileInput} type="file" hidden
 * onChange={onInputChange} />` once; call `choose()` from the button.
 */
export function usePickFile({ filters = [], maxBytes, tooLarge, send }: PickFileOptions) {
  const [uploading, setUploading] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const sendFile = async (file: string) => {
    setUploading(true);
    try {
      await send(file);
    } catch (error) {
      notify.error(error);
    } finally {
      setUploading(false);
    }
  };

  const choose = async () => {
    if (!isDesktop) {
      fileInput.current?.click();
      return;
    }
    try {
      const picked = await vigil.call('dialog.openFile', { filters });
      if (picked.path) await sendFile(picked.path);
    } catch (error) {
      notify.error(error);
    }
  };

  const fromBrowser = async (file: File | undefined) => {
    if (!file) return;
    // Checked here too so a large file is not sent over just to be refused.
    if (file.size > maxBytes) {
      notify.error(new Error(tooLarge(file.name)));
      return;
    }
    setUploading(true);
    try {
      await send(`upload:${await uploadFile(file)}`);
    } catch (error) {
      notify.error(error);
    } finally {
      setUploading(false);
    }
  };

  const onInputChange = (event: React.ChangeEvent<HTMLInputElement>) => {
    void fromBrowser(event.target.files?.[0]);
    // The same file chosen again (after a refusal) must fire again.
    event.target.value = '';
  };

  return { choose, fileInput, onInputChange, uploading };
}
