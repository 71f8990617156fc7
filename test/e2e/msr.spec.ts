import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call, createVault, openPage } from './helpers';

const dialog = (page: Page) => page.getByRole('dialog').last();

test('msr: setting an item to compliant with evidence raises the compliance %', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  await expect(page.getByTestId('msr-tile')).toContainText('MSR compliance: 0%');
  await openPage(page, 'MSR compliance');

  await expect(page.getByTestId('msr-overall')).toHaveText('0%');
  await expect(page.getByTestId('msr-part-2-percent')).toHaveText('0%');
  const item = page.getByTestId('msr-item-MSR-2.1');
  await item.getByRole('button', { name: 'Details of MSR-2.1' }).click();

  await dialog(page).getByLabel('Status').selectOption('compliant');
  await dialog(page).getByLabel('Evidence note').fill('Security regulations v3 signed by the head of delegation');
  await dialog(page).getByLabel('Evidence date').fill('2025-03-01');
  // Browser mode: the file goes through the token-checked upload, then into the encrypted database.
  await dialog(page).getByTestId('msr-evidence-input').setInputFiles({ name: 'regulations-v3.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% signed\n') });
  await expect(dialog(page).getByTestId('msr-evidence-file')).toContainText('regulations-v3.pdf');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Part 2 has 8 items: one compliant is 12.5 %.
  await expect(page.getByTestId('msr-part-2-percent')).toHaveText('12.5%');
  await expect(page.getByTestId('msr-overall')).not.toHaveText('0%');
  await expect(item).toContainText('regulations-v3.pdf');
  await expect(item.getByRole('combobox', { name: 'Status of MSR-2.1' })).toHaveValue('compliant');

  // Partial straight from the checklist counts half.
  await page.getByRole('combobox', { name: 'Status of MSR-2.2' }).selectOption('partial');
  await expect(page.getByTestId('msr-part-2-percent')).toHaveText('18.8%');
});

test('msr: a preset item saved unchanged in French stays a preset item, read in each language', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  await call(page, 'settings.update', { language: 'fr' });
  await page.reload();
  await page.getByRole('link', { name: 'Conformité MSR' }).click();
  const item = page.getByTestId('msr-item-MSR-2.1');
  await expect(item).toContainText('Des règles de sécurité pays existent');
  await item.getByRole('button').last().click();
  // The editable wording is the one the officer reads, not the stored English.
  await expect(dialog(page).getByRole('textbox').first()).toHaveValue(/^Des règles de sécurité pays existent/);
  await dialog(page).getByRole('combobox').first().selectOption('partial');
  await dialog(page).getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const stored = await call(page, 'msr.list', {});
  const saved = stored.items.find((i) => i.code === 'MSR-2.1');
  expect(saved?.status).toBe('partial');
  expect(saved?.title).toMatch(/^Country security regulations/);
  await call(page, 'settings.update', { language: 'es' });
  await page.reload();
  await page.getByRole('link', { name: 'Cumplimiento MSR' }).click();
  await expect(page.getByTestId('msr-item-MSR-2.1')).toContainText('Existen normas de seguridad del país');
  await expect(page.getByTestId('msr-item-MSR-2.1')).not.toContainText('Des règles');
  await expect(page.getByTestId('msr-item-MSR-2.1')).not.toContainText('Country security regulations');
});
