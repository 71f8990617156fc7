import { expect, test } from './fixtures';
import { call, createVault, openPage } from './helpers';

const MONTH = '2027-03';

test('generate a month, move a shift into a conflict with the keyboard and see it flagged', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  const premises = await call(page, 'premises.create', { name: 'Nairobi office', type: 'office' });
  const post = await call(page, 'rosters.posts.create', {
    premisesId: premises.id,
    name: 'Office gate',
    code: 'OG',
    role: 'guard',
    shifts: [
      { label: 'Day', start: '07:00', end: '19:00', needed: 1 },
      { label: 'Night', start: '19:00', end: '07:00', needed: 1 },
    ],
  });
  for (const name of ['Achieng Otieno', 'Baraka Mwangi', 'Chebet Kiprop', 'Daudi Njoroge']) await call(page, 'rosters.staff.create', { name, role: 'guard' });

  await openPage(page, 'Guards & drivers');
  await page.getByLabel('Month', { exact: true }).fill(MONTH);
  await page.getByRole('button', { name: 'Generate month…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/Keep the 0 cell\(s\) placed by hand/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(page.getByText('62 shifts placed; every rule is met.')).toBeVisible();
  const list = page.getByTestId('conflict-list');
  await expect(list.getByRole('heading', { name: 'Conflicts: 0' })).toBeVisible();

  // Someone on nights on the 10th gets that day's day shift too: no rest between 19:00 and 19:00.
  const month = await call(page, 'rosters.month', { month: MONTH });
  const night = month.assignments.find((a) => a.day === `${MONTH}-10` && a.shiftId === post.shifts[1]!.id)!;
  const day = month.assignments.find((a) => a.day === `${MONTH}-10` && a.shiftId === post.shifts[0]!.id)!;
  const from = page.getByTestId(`cell-${day.staffId}-${MONTH}-10`);
  const to = page.getByTestId(`cell-${night.staffId}-${MONTH}-10`);
  await expect(from).toContainText('OG D');
  await from.click();
  await page.keyboard.press('Control+x');
  await to.click();
  await page.keyboard.press('Control+v');

  await expect(to).toContainText('OG D');
  await expect(to).toContainText('OG N');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(from).not.toContainText('OG');
  await expect(list.getByRole('heading', { name: /Conflicts: [1-9]/ })).toBeVisible();
  await expect(list.locator('[data-rule="rest"]')).toContainText(`${MONTH}-10`);

  // Delete clears the cell (both shifts): the rest conflict goes, and both shifts of the 10th are uncovered.
  await to.focus();
  await page.keyboard.press('Delete');
  await expect(to).not.toHaveAttribute('aria-invalid', 'true');
  await expect(list.locator('[data-rule="rest"]')).toHaveCount(0);
  await expect(list.locator('[data-rule="understaffed"]')).toHaveCount(2);
  await expect(list.locator('[data-rule="understaffed"]').first()).toContainText(`${MONTH}-10: Office gate (Nairobi office)`);

  // The summary says in words how evenly the month spreads the work; counted here from the cells themselves.
  const after = await call(page, 'rosters.month', { month: MONTH });
  const perGuard = after.staff.map((s) => after.assignments.filter((a) => a.staffId === s.id).length);
  const [fewest, most] = [Math.min(...perGuard), Math.max(...perGuard)];
  expect(most).toBeGreaterThan(fewest);
  await expect(list.getByTestId('fairness')).toContainText(`All shifts: between ${fewest} and ${most} per guard`);
  await page.getByRole('tab', { name: 'Summary & feedback' }).click();
  const fairness = page.getByRole('region', { name: 'How evenly the work is spread — March 2027' });
  await expect(fairness.getByRole('heading', { name: /Guards · 4 people/ })).toBeVisible();
  await expect(fairness.locator('[data-figure="total"]')).toHaveText(`All shifts: between ${fewest} and ${most} per guard`);
  await expect(fairness.locator('[data-figure="nights"]')).toContainText(/Nights: (between \d+ and \d+ per guard|\d+ per guard, the same for everyone)/);

  // The premises still holds the post: deleting it says so and what to do, and deletes nothing.
  await openPage(page, 'Premises');
  await page.getByRole('row').filter({ hasText: 'Nairobi office' }).locator('[col-id="name"]').dblclick();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete premises' }).click();
  const confirm = page.getByRole('dialog', { name: /Delete .*Nairobi office/ });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  // Said in the confirm dialog itself, where the officer is looking.
  const refusal = confirm.getByRole('alert');
  await expect(refusal).toContainText(/“Nairobi office” cannot be deleted: it is still used by 1 roster post \(holding \d+ shifts on the roster\)\./);
  await expect(refusal).toContainText(/Delete or move its roster post first \(Guards & drivers > Posts & shifts\)/);
  expect((await call(page, 'premises.list', {})).total).toBe(1);
});
