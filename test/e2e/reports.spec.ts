import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { call, createVault, openPage } from './helpers';

test('write the situation summary, see it in the preview, save the weekly report as PDF and read it', async ({ page, vigil }) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-reports-'));
  try {
    await createVault(page, vigil.url);
    const options = await call(page, 'reports.options', { kind: 'weekly' });
    await openPage(page, 'Reports');
    await expect(page.getByRole('heading', { level: 1, name: 'Security reports' })).toBeVisible();
    await expect(page.getByLabel('Period')).toHaveValue(options.defaultPeriod);

    const summary = 'Quiet week in Nairobi; one checkpoint closure on the Thika road.';
    await page.getByRole('textbox', { name: 'Situation summary' }).fill(summary);
    await page.getByRole('button', { name: 'Save summary' }).click();
    await expect(page.getByText('Situation summary saved')).toBeVisible();

    // The preview is the very HTML that is printed, in a sandboxed frame.
    const preview = page.frameLocator('iframe[title="Report preview"]');
    await expect(preview.getByText(summary)).toBeVisible({ timeout: 30_000 });
    await expect(preview.getByRole('heading', { name: 'Incident map' })).toBeVisible();
    await expect(page.locator('iframe[title="Report preview"]')).toHaveAttribute('sandbox', '');

    // Switching a section off takes it out of the preview (and the choice is kept).
    await page.getByRole('checkbox', { name: 'Incident map' }).uncheck();
    await expect(preview.getByRole('heading', { name: 'Incident map' })).toHaveCount(0, { timeout: 30_000 });

    await page.getByRole('button', { name: 'Save as…' }).click();
    await page.getByRole('menuitem', { name: 'PDF (print)' }).click();
    const picker = page.getByRole('dialog', { name: 'Save the report' });
    await picker.getByLabel('Folder', { exact: true }).fill(folder);
    await picker.getByRole('button', { name: 'Open' }).click();
    await picker.getByLabel('File name').fill('weekly.pdf');
    await expect(picker.getByText(/Will be saved as .*weekly\.pdf/)).toBeVisible();
    await picker.getByRole('button', { name: 'Save here' }).click();
    await expect(page.getByText(/Exported and verified: .*weekly\.pdf/)).toBeVisible({ timeout: 60_000 });

    const pdf = path.join(folder, 'weekly.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    for (const expected of ['Weekly security report', options.defaultPeriod, summary, 'Incidents', 'Kenya Country Delegation']) expect(text).toContain(expected);
    expect(text).not.toContain('Incident map');
    expect(fs.readFileSync(path.join(folder, 'SHA256SUMS'), 'utf8')).toContain('weekly.pdf');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
