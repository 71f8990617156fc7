import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createVault, OFFICER, openPage } from './helpers';

const planRow = (page: Page, title: string) => page.getByTestId('plan-row').filter({ hasText: title });

test('plans: create a plan, upload a version, approve it and the overdue review clears', async ({ page, vigil }) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-plans-'));
  try {
    const document = path.join(folder, 'relocation-plan.txt');
    fs.writeFileSync(document, 'Relocation plan, Nairobi delegation.\nAssembly point: the warehouse.\n');

    await createVault(page, vigil.url);
    await openPage(page, 'Security plans');
    await page.getByRole('button', { name: 'New plan' }).click();
    const form = page.getByRole('dialog', { name: 'New security plan' });
    await form.getByLabel('Kind of plan').selectOption('relocation');
    await form.getByLabel('Title').fill('Relocation plan Nairobi');
    await form.getByLabel('Owner').fill('Head of delegation');
    // A review date long past: the plan is overdue from the start.
    await form.getByLabel('Review due').fill('2024-01-31');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toHaveCount(0);

    const row = planRow(page, 'Relocation plan Nairobi');
    await expect(row).toContainText('Relocation / evacuation plan');
    await expect(row).toContainText('No document yet');
    await expect(row).toContainText('Not approved');
    await expect(row).toContainText('Not tested yet');
    await expect(row.getByTestId('plan-review')).toContainText('Overdue');
    await expect(page.getByRole('status').filter({ hasText: 'Plans overdue for review: 1' })).toBeVisible();
    // Approval needs a document first.
    await expect(row.getByRole('button', { name: 'Approve' })).toBeDisabled();

    // Browser mode: the file goes up as an upload, the core keeps it encrypted in the vault.
    await row.getByRole('button', { name: 'Upload a version' }).click();
    const upload = page.getByRole('dialog', { name: /Upload a version of/ });
    await upload.getByLabel('Choose the document').setInputFiles(document);
    await upload.getByLabel('What changed in this version').fill('First issue');
    await upload.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(upload).toHaveCount(0);
    await expect(page.getByText('Version 1 added.')).toBeVisible();
    await expect(row).toContainText('v1 · \u2068relocation-plan.txt\u2069');
    await expect(row).toContainText('First issue');

    // The stored version comes back out byte for byte through the save-location picker.
    await row.getByRole('button', { name: /relocation-plan\.txt/ }).click();
    const picker = page.getByRole('dialog', { name: 'Save this version of the plan' });
    const out = path.join(folder, 'out');
    fs.mkdirSync(out);
    await picker.getByLabel('Folder', { exact: true }).fill(out);
    await picker.getByRole('button', { name: 'Open' }).click();
    await expect(picker.getByText('This folder is empty.').or(picker.getByRole('list', { name: 'Folder contents' }))).toBeVisible();
    await picker.getByLabel('File name').fill('copy.txt');
    await picker.getByRole('button', { name: 'Save here' }).click();
    await expect(picker).toHaveCount(0);
    expect(fs.readFileSync(path.join(out, 'copy.txt'), 'utf8')).toBe(fs.readFileSync(document, 'utf8'));

    await openPage(page, 'Home');
    await expect(page.getByTestId('plans-tile')).toContainText(/Plans overdue for review\s*1/);

    await openPage(page, 'Security plans');
    await row.getByRole('button', { name: 'Approve' }).click();
    const approve = page.getByRole('dialog', { name: /Approve/ });
    await approve.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect(approve).toHaveCount(0);
    await expect(page.getByText('Plan approved.')).toBeVisible();

    // Approval starts a new six-month cycle: the overdue marking disappears.
    await expect(row).toContainText(OFFICER);
    await expect(row).not.toContainText('Not approved');
    await expect(row.getByTestId('plan-review')).not.toContainText('Overdue');
    await expect(row.locator('.plans-overdue')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Plans overdue for review' })).toHaveCount(0);

    await openPage(page, 'Home');
    await expect(page.getByTestId('plans-tile')).toContainText(/Plans overdue for review\s*0/);
    await expect(page.getByTestId('plans-tile')).toContainText('Every plan is within its review date.');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
