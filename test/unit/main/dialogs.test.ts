import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDialogHandlers, type DialogApi } from '../../../electron/main/dialogs';

const documents = path.join(path.sep, 'home', 'officer', 'Documents');
const filters = [{ name: 'Spreadsheet', extensions: ['xlsx'] }];

function setup(answers: { save?: string | null; open?: string | null }) {
  const dialog = {
    showSaveDialog: vi.fn<DialogApi['showSaveDialog']>(async () =>
      answers.save ? { canceled: false, filePath: answers.save } : { canceled: true, filePath: '' },
    ),
    showOpenDialog: vi.fn<DialogApi['showOpenDialog']>(async () =>
      answers.open ? { canceled: false, filePaths: [answers.open] } : { canceled: true, filePaths: [] },
    ),
  };
  const handlers = createDialogHandlers({ dialog, documentsDir: () => documents });
  return { dialog, handlers };
}

describe('dialog host handlers', () => {
  it('opens the first save dialog in Documents with the proposed name and filters', async () => {
    const chosen = path.join(path.sep, 'media', 'usb', 'incidents.xlsx');
    const { dialog, handlers } = setup({ save: chosen });
    expect(await handlers['dialog.saveFile']({ defaultName: 'incidents.xlsx', filters })).toEqual({ path: chosen });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: path.join(documents, 'incidents.xlsx'), filters }),
    );
  });

  it('opens the next dialog in the folder used last', async () => {
    const chosen = path.join(path.sep, 'media', 'usb', 'incidents.xlsx');
    const { dialog, handlers } = setup({ save: chosen, open: path.join(path.sep, 'media', 'usb', 'staff.xlsx') });
    await handlers['dialog.saveFile']({ defaultName: 'incidents.xlsx', filters });
    await handlers['dialog.saveFile']({ defaultName: 'weekly.pdf', filters: [] });
    expect(dialog.showSaveDialog).toHaveBeenLastCalledWith(
      expect.objectContaining({ defaultPath: path.join(path.sep, 'media', 'usb', 'weekly.pdf') }),
    );
    await handlers['dialog.openFile']({ filters });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: path.join(path.sep, 'media', 'usb'), properties: ['openFile'] }),
    );
  });

  it('answers null when the user cancels, and keeps the last folder', async () => {
    const { dialog, handlers } = setup({});
    expect(await handlers['dialog.saveFile']({ defaultName: 'a.xlsx', filters: [] })).toEqual({ path: null });
    expect(await handlers['dialog.openFile']({ filters: [] })).toEqual({ path: null });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: documents }));
  });

  it('keeps only the file name the renderer proposes', async () => {
    const { dialog, handlers } = setup({});
    for (const defaultName of ['../../.ssh/authorized_keys', '..\\..\\evil.xlsx', '/etc/passwd', '..']) {
      await handlers['dialog.saveFile']({ defaultName, filters: [] });
      const { defaultPath } = dialog.showSaveDialog.mock.lastCall?.[0] ?? { defaultPath: '' };
      expect(path.dirname(defaultPath)).toBe(documents);
    }
  });
});
