import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import type { Logger } from '../../../electron/core/types';
import { call, callRaw, makeCore, makeUnlockedCore, tempDir } from '../helpers/testCore';

describe('dispatch', () => {
  it('turns an unexpected failure into a plain message with a log reference, never a stack', async () => {
    const logged: Array<Record<string, unknown> | undefined> = [];
    const logger: Logger = { info: () => {}, warn: () => {}, error: (_m, f) => logged.push(f) };
    const core = createCore({
      dataDir: tempDir(),
      adapter: 'desktop',
      logger,
      hostHandlers: {
        'dialog.saveFile': () => {
          throw new TypeError('secret internals at /home/officer/private');
        },
      },
    });
    const result = await callRaw(core, 'dialog.saveFile', { defaultName: 'x.csv' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.message).toMatch(/^Something went wrong; nothing was changed\. Reference: [0-9a-f]{8}$/);
    expect(JSON.stringify(result)).not.toContain('internals');
    expect(logged[0]).toMatchObject({ command: 'dialog.saveFile', ref: result.error.ref });
  });

  it('says a host-only command is not available where no adapter answers it', async () => {
    const core = makeCore();
    expect(await callRaw(core, 'dialog.saveFile', { defaultName: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('emits events only for changes that were committed', async () => {
    const core = await makeUnlockedCore();
    const events: string[] = [];
    core.subscribe((e) => events.push(e.name));
    await callRaw(core, 'premises.update', { id: '01900000-0000-7000-8000-000000000000', name: 'x', type: 'office' });
    expect(events).toEqual([]);
    await call(core, 'premises.create', { name: 'x', type: 'office' });
    expect(events).toEqual(['premises.changed']);
    core.close();
  });

  it('answers a missing input object with defaults, and a non-object with VALIDATION', async () => {
    const core = await makeUnlockedCore();
    expect(await callRaw(core, 'premises.list', undefined)).toMatchObject({ ok: true });
    expect(await callRaw(core, 'premises.list', 'rows please')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await callRaw(core, 'premises.list', { startRow: 10, endRow: 5 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    core.close();
  });
});

describe('the command audit row', () => {
  it('names every file a command read with its SHA-256', async () => {
    const { createHash } = await import('node:crypto');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const core = await makeUnlockedCore();
    const file = path.join(tempDir(), 'relocation-plan.txt');
    fs.writeFileSync(file, 'Relocation plan, version 1');
    const plan = await call(core, 'plans.create', { kind: 'relocation', title: 'Relocation plan' });
    await call(core, 'plans.addVersion', { planId: plan.id, file });
    const [commandRow] = (await call(core, 'audit.list', { endRow: 1 })).rows;
    expect(commandRow).toMatchObject({
      action: 'command',
      command: 'plans.addVersion',
      after: { files: [{ name: 'relocation-plan.txt', sha256: createHash('sha256').update('Relocation plan, version 1').digest('hex'), bytes: 26 }] },
    });
    expect((await call(core, 'audit.verify', {})).ok).toBe(true);
    core.close();
  });
});
