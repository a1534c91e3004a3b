import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { answerOnPhone } from './support/workshop-phone';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import { appUrl, artifactsDir, launchBrowser, openPageIn, screenshot } from './support/browser';

// The fruit-basket scenario (rules/scenarios/fruktkorgar-reserverad.yaml).
const scenarioId = 'fruktkorgar-reserverad';
const scenarioTitle = 'Fruktkorgar från ett arbetsintegrerande kooperativ';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const phone = () => browser.newContext({ locale: 'sv-SE', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
const slideKind = (page: Page) => page.locator('.deck').getAttribute('data-slide-kind');
/** The smallest computed font size of any text inside the elements matched. */
const smallestText = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    let smallest = Infinity;
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement!;
        if (!node.textContent?.trim() || parent.closest('.visually-hidden') || parent.getClientRects().length === 0) continue;
        smallest = Math.min(smallest, parseFloat(getComputedStyle(parent).fontSize));
      }
    }
    return smallest;
  }, selector);

/** Text with its no-break spaces (amounts, "30 %") as plain spaces, for matching. */
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** The bounding box of the ink (any pixel darker than near-white) in a binary greyscale PGM (P5) image. */
function inkBox(pgm: Buffer): { width: number; height: number; pageWidth: number; pageHeight: number } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 64));
  if (!header) throw new Error('not a binary PGM image');
  const [pageWidth, pageHeight] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  let [left, top, right, bottom] = [pageWidth, pageHeight, -1, -1];
  for (let y = 0; y < pageHeight; y++) {
    for (let x = 0; x < pageWidth; x++) {
      if (pixels[y * pageWidth + x]! >= 240) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return { width: right - left + 1, height: bottom - top + 1, pageWidth, pageHeight };
}

describe('a workshop in a room: the deck on the projector, the trainer’s window and two phones', () => {
  it('joins, answers, reveals and shows the distribution, with every slide and the phone page passing axe', async () => {
    const trainer = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1920, height: 1080 } });
    const deck = await openPageIn(trainer, `#/workshop/scenario/${scenarioId}`);

    // Presenter mode from the scenario: the deck, with a compact header and a visible way out.
    await deck.getByRole('link', { name: 'Presentationsläge' }).click();
    await deck.locator('.deck').waitFor();
    expect(await deck.locator('.app-header').isVisible()).toBe(false);
    expect(await deck.getByRole('link', { name: 'Avsluta presentationsläge' }).isVisible()).toBe(true);
    expect(await deck.locator('.deck-bar').evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(60);
    expect(await slideKind(deck)).toBe('story');
    // Type that scales with the screen: the body at least 32 px at 1920×1080.
    expect(await deck.locator('.slide__story').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(32);
    expect(await deck.locator('.slide__story').innerText()).toContain('fruktkorgar');

    // The trainer's own window follows the deck and drives it.
    const [trainerWindow] = await Promise.all([trainer.waitForEvent('page'), deck.getByRole('link', { name: 'Kursledarens fönster' }).click()]);
    await trainerWindow.getByRole('heading', { name: `Kursledarens fönster: ${scenarioTitle}` }).waitFor();
    await trainerWindow.getByTestId('trainer-slide').filter({ hasText: 'Bild 1 av' }).waitFor();
    expect(await trainerWindow.locator('.trainer-key li[data-route="reserved-contract"]').innerText()).toContain('Rekommenderas');
    expect(await trainerWindow.locator('.trainer-card').filter({ hasText: 'Att diskutera' }).innerText()).toContain('Söderhamn');
    await trainerWindow.getByRole('button', { name: 'Starta tiden' }).click();
    await trainerWindow.getByTestId('trainer-clock').filter({ hasText: /^0:0[1-9]/ }).waitFor();
    await expectNoAxeViolations(trainerWindow, "trainer's window");

    // Paging: arrows, space and a clicker's PageDown/PageUp on the projector; Next in the trainer's window.
    await deck.keyboard.press('ArrowRight');
    await deck.locator('.deck[data-slide="1"]').waitFor();
    await trainerWindow.getByTestId('trainer-slide').filter({ hasText: 'Bild 2 av' }).waitFor();
    await deck.keyboard.press('PageDown');
    await deck.locator('.deck[data-slide="2"]').waitFor();
    await deck.keyboard.press('PageUp');
    await deck.locator('.deck[data-slide="1"]').waitFor();
    await trainerWindow.getByRole('button', { name: 'Nästa →' }).click();
    await deck.locator('.deck[data-slide="2"]').waitFor();
    expect(await deck.locator('.slide__answer').count()).toBeGreaterThan(0);

    // Every slide up to the groups' answers passes axe.
    await deck.keyboard.press('Home');
    await deck.locator('.deck[data-slide="0"]').waitFor();
    while ((await slideKind(deck)) !== 'answers') {
      const index = Number(await deck.locator('.deck').getAttribute('data-slide'));
      await expectNoAxeViolations(deck, `slide ${index + 1} (${await slideKind(deck)})`);
      expect(await smallestText(deck, '.slide'), `the smallest text on slide ${index + 1}`).toBeGreaterThanOrEqual(24);
      await deck.locator('body').press(' ');
      await deck.locator(`.deck[data-slide="${index + 1}"]`).waitFor();
    }

    // The groups' answers: the trainer opens a session; the projector shows the code.
    await deck.getByRole('button', { name: 'Öppna svar från mobiler' }).click();
    const code = await deck.getByTestId('session-code').innerText();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await deck.locator('.join-panel__count').filter({ hasText: '0 av 0 har svarat' }).waitFor();
    await expectNoAxeViolations(deck, 'slide: the groups’ answers with the session open');
    expect(await smallestText(deck, '.slide'), 'the smallest text on the groups’ answers').toBeGreaterThanOrEqual(24);

    // Two phones: one types the code, one comes by the QR code's address.
    const phoneA = await openPageIn(await phone(), '#/join');
    await phoneA.getByRole('heading', { name: 'Gå med i övningen' }).waitFor();
    await expectNoAxeViolations(phoneA, 'phone: join');
    await phoneA.getByLabel('Kod').fill('abc');
    await phoneA.getByRole('button', { name: 'Gå med' }).click();
    await phoneA.locator('.field__error', { hasText: 'åtta tecken' }).waitFor();
    await phoneA.getByLabel('Kod').fill(code.toLowerCase());
    await phoneA.getByRole('button', { name: 'Gå med' }).click();
    await phoneA.getByRole('heading', { name: scenarioTitle }).waitFor();
    const phoneB = await openPageIn(await phone(), `#/join/${code}`);
    await phoneB.getByRole('heading', { name: scenarioTitle }).waitFor();
    await deck.locator('.join-panel__count').filter({ hasText: '0 av 2 har svarat' }).waitFor();

    // An incomplete answer is refused at the fields, in Swedish.
    await phoneA.getByRole('button', { name: 'Skicka svaret' }).click();
    expect(await phoneA.locator('.field__error').count()).toBe(5);
    expect(await phoneA.locator('.field__error').first().innerText()).toContain('Välj ett svar för den här vägen');
    await expectNoAxeViolations(phoneA, 'phone: answer with errors');
    await screenshot(phoneA, 'workshop-phone-errors');

    await answerOnPhone(phoneA, ['Inte tillåten', 'Tillåten', 'Tillåten', 'Inte tillåten'], 'Värdet över tre år är 900 000 kr, över gränsen.');
    await answerOnPhone(phoneB, ['Tillåten', 'Tillåten', 'Tillåten', 'Behöver mer information'], 'Kooperativet är ett socialt företag.');
    await deck.locator('.join-panel__count').filter({ hasText: '2 av 2 har svarat' }).waitFor();
    // Three more in the room, by the API, with whys long enough that the trainer's list of them has to scroll.
    for (const n of [1, 2, 3]) {
      const joined = (await (await deck.request.post(appUrl(`api/workshop/sessions/${code}/join`), { data: {} })).json()) as { participantToken: string };
      const answered = await deck.request.post(appUrl(`api/workshop/sessions/${code}/answer`), {
        data: {
          participantToken: joined.participantToken,
          verdicts: { 'direct-award': 'not-allowed', 'social-considerations': 'allowed', 'reserved-contract': 'allowed', iop: 'not-allowed' },
          why: `Deltagare ${n}: Kooperativet har en hög andel anställda med funktionsnedsättning, så kontraktet kan reserveras för det. Värdet över tre år är 900 000 kr, långt över gränsen för direktupphandling, och ett idéburet partnerskap passar inte när kommunen köper fruktkorgar.`,
        },
      });
      expect(answered.status()).toBe(200);
    }
    await deck.locator('.join-panel__count').filter({ hasText: '5 av 5 har svarat' }).waitFor();
    // Before the reveal a phone sees counts only, never another's answer.
    expect(await phoneA.locator('main').innerText()).not.toContain('Kooperativet är ett socialt företag');
    expect(await phoneA.locator('.room-answers').count()).toBe(0);
    await expectNoAxeViolations(phoneA, 'phone: answer sent');
    await screenshot(phoneA, 'workshop-phone-sent');

    // The reveal: the four routes in a 2×2 grid, each with the room's distribution against the key.
    await deck.keyboard.press('ArrowRight');
    await deck.getByTestId('reveal-grid').waitFor();
    await deck.locator('.room-answers[data-route="reserved-contract"][data-total="5"]').waitFor();
    expect(await deck.locator('.room-answers[data-route="direct-award"]').getAttribute('data-right')).toBe('4');
    expect(await deck.locator('.room-answers[data-route="reserved-contract"]').getAttribute('data-right')).toBe('5');
    expect(await deck.locator('.room-answers[data-route="iop"]').getAttribute('data-right')).toBe('4');
    const cards = await deck.locator('.reveal-card').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: Math.round(r.x), y: Math.round(r.y), bottom: r.bottom })));
    expect(new Set(cards.map((c) => c.x)).size, 'two columns').toBe(2);
    expect(new Set(cards.map((c) => c.y)).size, 'two rows').toBe(2);
    expect(Math.max(...cards.map((c) => c.bottom)), 'the grid fits the screen').toBeLessThanOrEqual(1080);
    expect(await smallestText(deck, '.reveal-card__name, .reveal-card__reason')).toBeGreaterThanOrEqual(28);
    expect(await smallestText(deck, '.slide'), 'the smallest text on the reveal').toBeGreaterThanOrEqual(24);
    await expectNoAxeViolations(deck, 'slide: the reveal with the distribution');
    await screenshot(deck, 'workshop-deck-reveal-1920');
    await phoneB.getByText('Facit visas nu på skärmen.').waitFor();
    expect(await phoneB.locator('.join-page__key').innerText()).toContain('Rekommenderas');
    // Each phone marks its own answer right or not, in words, as the projector counted it.
    const mark = (page: Page, route: string) => page.locator(`.join-page__key li[data-route="${route}"] .join-page__mark`).innerText();
    expect(await mark(phoneB, 'reserved-contract')).toBe('✓ Rätt enligt facit');
    expect(await mark(phoneB, 'direct-award')).toBe('✗ Inte enligt facit');
    expect(await mark(phoneB, 'iop')).toBe('✗ Inte enligt facit');
    expect(await mark(phoneA, 'direct-award')).toBe('✓ Rätt enligt facit');
    expect(await mark(phoneA, 'iop')).toBe('✓ Rätt enligt facit');
    await expectNoAxeViolations(phoneB, 'phone: after the reveal');
    await screenshot(phoneB, 'workshop-phone-revealed');
    // The whys scroll in their box, which the keyboard reaches and scrolls; axe sees the box while it scrolls.
    await trainerWindow.locator('.trainer-whys li', { hasText: 'Kooperativet är ett socialt företag.' }).waitFor();
    const whys = trainerWindow.getByRole('region', { name: 'Deltagarnas varför' });
    expect(await whys.evaluate((el) => el.scrollHeight > el.clientHeight), 'the list of whys scrolls').toBe(true);
    await expectNoAxeViolations(trainerWindow, "trainer's window after the reveal");
    await whys.focus();
    await trainerWindow.keyboard.press('End');
    await trainerWindow.waitForFunction(() => document.querySelector('.trainer-whys')!.scrollTop > 0);

    // Why / why not per route on demand: a card opens its slide.
    await deck.getByRole('button', { name: 'Direktupphandling' }).click();
    await deck.locator('.deck[data-slide-kind="route"]').waitFor();
    expect(await deck.locator('.slide').innerText()).toMatch(/900\s000\skr/);

    // Every slide from here to the end passes axe; the tree is readable from the back of the room.
    while (true) {
      const index = Number(await deck.locator('.deck').getAttribute('data-slide'));
      const kind = await slideKind(deck);
      await expectNoAxeViolations(deck, `slide ${index + 1} (${kind})`);
      // No text on a slide under 24 px at 1920×1080: the legal bases and the tree's conditions included.
      expect(await smallestText(deck, '.slide'), `the smallest text on slide ${index + 1} (${kind})`).toBeGreaterThanOrEqual(24);
      if (kind === 'route') expect(await smallestText(deck, '.slide__law')).toBeGreaterThanOrEqual(24);
      if (kind === 'tree') {
        expect(await deck.locator('.room-column.is-recommended').getAttribute('data-route')).toBe('reserved-contract');
        expect(await smallestText(deck, '.room-tree .room-node__detail, .room-tree .room-node__question, .room-tree .room-column__group')).toBeGreaterThanOrEqual(24);
        await screenshot(deck, 'workshop-deck-tree-1920');
      }
      if (await deck.getByRole('button', { name: 'Nästa →' }).isDisabled()) break;
      await deck.keyboard.press('ArrowRight');
      await deck.locator(`.deck[data-slide="${index + 1}"]`).waitFor();
    }
    expect(await slideKind(deck)).toBe('take-away');

    // The trainer closes the session, and is asked first: the phones are told, and the answers are gone.
    const close = trainerWindow.getByRole('button', { name: 'Avsluta sessionen och radera svaren' });
    await close.click();
    expect(await trainerWindow.getByTestId('close-session-question').innerText()).toContain('5 svar raderas');
    const confirmClose = trainerWindow.getByRole('button', { name: 'Ja, avsluta och radera svaren' });
    expect(await confirmClose.evaluate((el) => el === document.activeElement), 'the focus is on the confirm button').toBe(true);
    await expectNoAxeViolations(trainerWindow, "trainer's window asking before it closes the session");
    await screenshot(trainerWindow, 'workshop-trainer-close-confirm');
    await trainerWindow.keyboard.press('Escape');
    await confirmClose.waitFor({ state: 'detached' });
    expect(await close.evaluate((el) => el === document.activeElement), 'Escape returns the focus').toBe(true);
    expect((await deck.request.get(appUrl(`api/workshop/sessions/${code}/state`))).status(), 'still open').toBe(200);
    await close.click();
    await confirmClose.click();
    await phoneA.getByRole('heading', { name: 'Sessionen är avslutad' }).waitFor();
    await phoneB.getByRole('heading', { name: 'Sessionen är avslutad' }).waitFor();
    await expectNoAxeViolations(phoneA, 'phone: session closed');
    expect((await deck.request.get(appUrl(`api/workshop/sessions/${code}/state`))).status()).toBe(410);

    await deck.getByRole('link', { name: 'Avsluta presentationsläge' }).click();
    await deck.getByRole('heading', { level: 2, name: scenarioTitle }).waitFor();
    expect(await deck.locator('.app-header').isVisible()).toBe(true);
    await trainer.close();
  });

  it('draws the tree for the room in large type in full screen, and prints the decisive questions on one A3 page', async () => {
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1920, height: 1080 } });
    const page = await openPageIn(context, `#/workshop/scenario/${scenarioId}/tree`);
    await page.getByTestId('room-tree').waitFor();
    await page.getByTestId('room-tree').getByRole('button', { name: 'Helskärm' }).click();
    await page.waitForFunction(() => document.fullscreenElement?.classList.contains('room-tree'));
    expect(await smallestText(page, '.room-tree')).toBeGreaterThanOrEqual(24);
    await screenshot(page, 'workshop-room-tree-fullscreen');
    await page.evaluate(() => document.exitFullscreen());

    await page.getByRole('link', { name: 'De avgörande frågorna på ett A3-ark för väggen' }).click();
    await page.getByTestId('wall-sheet').waitFor();
    await expectNoAxeViolations(page, 'the A3 sheet on screen');
    // The scenario's recommended route first, then the others in the rule set's order.
    expect(await page.locator('.wall-route').evaluateAll((els) => els.map((el) => el.getAttribute('data-route')))).toEqual(['reserved-contract', 'iop', 'direct-award', 'social-considerations']);
    expect(await page.locator('.wall-route').first().getAttribute('class')).toContain('is-recommended');
    // Each question with the amount it turns on, on the scenario's decision date.
    const questions = (await page.locator('.wall-question__text').allInnerTexts()).map(spaced);
    expect(questions).toContain('Lågt värde (under direktupphandlingsgränsen 700 000 kr)?');
    expect(await page.locator('.wall-route[data-route="reserved-contract"]').innerText().then(spaced)).toContain('Andelskravet för reserverad upphandling: 30 %');

    // Printed as the page is laid out on A3 landscape (less its 10 mm margins, at 96 px to the inch): poster type,
    // and nothing running out of its column.
    await page.setViewportSize({ width: Math.round((400 / 25.4) * 96), height: Math.round((277 / 25.4) * 96) });
    await page.emulateMedia({ media: 'print' });
    expect(await smallestText(page, '.wall-question__text'), 'questions at 24 pt or more').toBeGreaterThanOrEqual(32);
    const overflowing = await page.locator('.wall-sheet, .wall-route').evaluateAll((els) =>
      els.filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1).map((el) => el.getAttribute('data-route') ?? 'sheet'),
    );
    expect(overflowing, 'no text runs out of its box').toEqual([]);

    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const raw = pdf.toString('latin1');
    expect(raw.match(/\/Type\s*\/Page[^s]/g)?.length, 'one page').toBe(1);
    // A3 landscape is 420 × 297 mm: 1190.55 × 841.89 pt.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(raw);
    expect(Math.round(Number(box?.[1]))).toBe(1191);
    expect(Math.round(Number(box?.[2]))).toBe(842);
    mkdirSync(artifactsDir, { recursive: true });
    const pdfPath = resolve(artifactsDir, 'workshop-wall-a3.pdf');
    writeFileSync(pdfPath, pdf);

    // The amounts are in the printed text, and every question is there whole (compared without the line breaks).
    const printed = spaced(execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }));
    expect(printed).toContain('700 000 kr');
    expect(printed).toContain('8 109 450 kr');
    const unbroken = printed.replace(/\s+/g, '');
    for (const question of questions) expect(unbroken, question).toContain(question.replace(/\s+/g, ''));

    // A poster: the ink covers at least 80 % of the page's width and height (a greyscale render at 30 dpi).
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdfPath, resolve(artifactsDir, 'workshop-wall-a3')]);
    const ink = inkBox(execFileSync('pdftoppm', ['-gray', '-r', '30', '-singlefile', pdfPath]));
    expect(ink.height / ink.pageHeight, 'share of the page height').toBeGreaterThanOrEqual(0.8);
    expect(ink.width / ink.pageWidth, 'share of the page width').toBeGreaterThanOrEqual(0.8);
    await context.close();
  });

  it('builds a scenario from a copy: the numbers change, the key is the engine’s, and a file goes out and comes back checked', async () => {
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await openPageIn(context, `#/workshop/scenario/${scenarioId}`);
    await page.getByRole('link', { name: 'Gör en egen version' }).click();
    await page.getByRole('heading', { name: 'Bygg ett eget scenario' }).waitFor();
    const key = (route: string) => page.locator(`[data-testid="builder-key"] li[data-route="${route}"]`).getAttribute('data-verdict');
    expect(await key('reserved-contract')).toBe('recommended');
    expect(await key('direct-award')).toBe('not-allowed');
    // Amounts the Swedish way, grouped by a no-break space.
    expect(await page.getByTestId('builder-total').textContent()).toMatch(/Värde över hela löptiden: 900\u00a0000\u00a0kr\./);
    await expectNoAxeViolations(page, 'builder');

    // A cheaper contract: the engine now opens a direct award.
    await page.getByLabel('Värde per år exklusive moms (kr)').fill('100 000');
    await page.locator('[data-testid="builder-key"] li[data-route="direct-award"][data-verdict="recommended"]').waitFor();
    expect(await page.getByTestId('builder-total').textContent()).toMatch(/Värde över hela löptiden: 300\u00a0000\u00a0kr\./);
    await page.getByLabel('Värde per år exklusive moms (kr)').fill('hundra');
    await page.locator('.field__error', { hasText: 'Ange ett belopp i kronor med siffror' }).waitFor();
    expect(await page.getByRole('button', { name: 'Spara i den här webbläsaren' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page, 'builder with an error');
    await page.getByLabel('Värde per år exklusive moms (kr)').fill('100 000');
    await page.getByLabel('Titel (svenska)').fill('Fruktkorgar för 300 000 kronor');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera som fil' }).click()]);
    expect(download.suggestedFilename()).toBe(`${scenarioId}-egen.yaml`);
    const file = await download.path();
    await page.getByRole('button', { name: 'Spara i den här webbläsaren' }).click();
    await page.getByRole('link', { name: 'Öppna scenariot' }).click();
    await page.getByRole('heading', { level: 2, name: 'Fruktkorgar för 300 000 kronor' }).waitFor();

    // The library lists it; a broken file is refused with the reason, a good one is loaded.
    await page.goto(appUrl('#/workshop'));
    await page.locator(`.scenario-card[data-scenario="${scenarioId}-egen"]`).waitFor();
    const input = page.getByLabel('Läs in ett scenario från en fil (.yaml)');
    await input.setInputFiles({ name: 'trasig.yaml', mimeType: 'application/yaml', buffer: Buffer.from(`id: ${scenarioId}\ntitle: 3\n`) });
    await page.getByRole('alert').filter({ hasText: 'trasig.yaml kunde inte läsas in – inget sparades' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('title: har fel typ');
    await expectNoAxeViolations(page, 'library: a refused import');
    await page.getByRole('button', { name: 'Ta bort Fruktkorgar för 300 000 kronor' }).click();
    await input.setInputFiles(file);
    await page.getByRole('link', { name: 'Öppna scenariot' }).waitFor();
    expect(await page.locator(`.scenario-card[data-scenario="${scenarioId}-egen"]`).count()).toBe(1);
    await context.close();
  });
});
