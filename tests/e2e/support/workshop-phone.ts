import type { Page } from 'playwright-core';

/** A participant answers on the phone's join page: a verdict per route, in the deck's order, and one sentence why. */
export async function answerOnPhone(page: Page, verdicts: string[], why: string) {
  const routes = ['Direktupphandling', 'Upphandling enligt LOU med sociala hänsyn', 'Reserverad upphandling', 'Idéburet offentligt partnerskap (IOP)'];
  for (const [i, route] of routes.entries()) await page.getByRole('group', { name: route }).getByLabel(verdicts[i]!, { exact: true }).check();
  await page.getByLabel('Varför? En mening').fill(why);
  await page.getByRole('button', { name: 'Skicka svaret' }).click();
  await page.getByRole('status').filter({ hasText: 'Ditt svar är skickat' }).waitFor();
}
