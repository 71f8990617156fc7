import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { call, createVault } from './helpers';

/** A 1x1 PNG (a real one: signature, IHDR, IDAT, IEND). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC', 'base64');

test('choose a report logo in Settings, see it previewed and on the report cover, refuse a text file, remove it', async ({ page, vigil }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-logo-'));
  try {
    fs.writeFileSync(path.join(dir, 'logo.png'), PNG);
    fs.writeFileSync(path.join(dir, 'fake.png'), 'not an image\n');
    await createVault(page, vigil.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    const panel = page.getByRole('region', { name: 'Report logo' });
    await expect(panel.getByText('No logo')).toBeVisible();

    await page.getByTestId('report-logo-input').setInputFiles(path.join(dir, 'fake.png'));
    await expect(page.getByText('fake.png is not a PNG or JPEG image (whatever its name says). The logo was not changed.')).toBeVisible();
    await expect(panel.getByText('No logo')).toBeVisible();

    await page.getByTestId('report-logo-input').setInputFiles(path.join(dir, 'logo.png'));
    await expect(page.getByText('Report logo saved')).toBeVisible();
    await expect(page.getByTestId('report-logo-preview').locator('img')).toHaveAttribute('src', `data:image/png;base64,${PNG.toString('base64')}`);
    const preview = await call(page, 'reports.preview', { kind: 'weekly' });
    expect(preview.html).toContain(`data:image/png;base64,${PNG.toString('base64')}`);

    await panel.getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByText('Report logo removed')).toBeVisible();
    await expect(panel.getByText('No logo')).toBeVisible();
    expect((await call(page, 'reports.getLogo', {})).logo).toBeNull();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
