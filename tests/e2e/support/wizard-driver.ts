import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Drives the wizard the way a person does: by the visible labels, in Swedish. */
export function wizard(page: Page) {
  const group = (legend: string) => page.getByRole('group', { name: legend, exact: true });
  return {
    heading: () => page.locator('#step-heading').innerText(),
    async expectStep(title: string) {
      await page.locator('#step-heading', { hasText: title }).waitFor();
    },
    async choose(legend: string, option: string) {
      await group(legend).getByLabel(option, { exact: true }).check();
    },
    async fill(label: string, value: string) {
      await page.getByLabel(label, { exact: true }).fill(value);
    },
    async next() {
      await page.getByRole('button', { name: 'Nästa' }).click();
    },
    async back() {
      await page.getByRole('button', { name: 'Tillbaka', exact: true }).click();
    },
    /** Types the organisation's name into the combobox and picks the option with exactly that name. */
    async organisation(name: string) {
      const box = page.getByRole('combobox', { name: 'Organisation', exact: true });
      await box.fill('');
      await box.fill(name);
      await page.getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) }).first().click();
    },
    async organisationAndDate(organisation: string, date: string) {
      await this.organisation(organisation);
      await page.getByLabel('Beslutsdatum', { exact: true }).fill(date);
    },
    async value(annual: string, years: string, similar = 'Nej') {
      await page.getByLabel('Värde per år exklusive moms (vid engångsköp: hela värdet)').fill(annual);
      await page.getByLabel('Avtalstid med förlängningar').fill(years);
      await this.choose('Har ni köpt, eller ska ni köpa, liknande varor eller tjänster under de föregående eller kommande tolv månaderna?', similar);
    },
    /** The verdict the live panel shows for a route. */
    async panelVerdict(route: string) {
      return page.locator(`[data-testid="verdict-panel"] li[data-route="${route}"]`).getAttribute('data-verdict');
    },
    async expectPanelVerdict(route: string, verdict: string) {
      await page.locator(`[data-testid="verdict-panel"] li[data-route="${route}"][data-verdict="${verdict}"]`).waitFor();
    },
    async toRecommendation() {
      await this.expectStep('Granska svaren');
      await page.getByRole('button', { name: 'Visa rekommendationen' }).click();
      await this.expectStep('Rekommendation och beslut');
    },
    async recommendedRoute() {
      return page.getByTestId('recommended-route').getAttribute('data-route');
    },
    async documentVerdict(route: string) {
      return page.locator(`.decision-document .route-verdict[data-route="${route}"]`).getAttribute('data-verdict');
    },
  };
}

export async function expectFieldError(page: Page, label: string, message: RegExp) {
  const field = page.getByLabel(label, { exact: true });
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  expect(errorId, `an error tied to "${label}"`).toBeTruthy();
  expect(await page.locator(`[id="${errorId}"]`).innerText()).toMatch(message);
}
