// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { browserRuleset } from '../../rules-data/browser-ruleset';
import { loadDraft } from '../../guide/draft-storage';
import { createVisibleFields } from '../../guide/relevance';
import { ScenarioView } from './scenario-view';
import { scenarioById, scenarios } from './scenarios/scenario-library';
import type { ScenarioPart } from './workshop-route';

const visibleFields = createVisibleFields(browserRuleset);
const fruit = scenarioById('fruktkorgar-reserverad')!;

const confirm = window.confirm;
afterEach(() => {
  cleanup();
  window.confirm = confirm;
});
beforeEach(() => {
  localStorage.clear();
  window.location.hash = '#/workshop/scenario/fruktkorgar-reserverad';
});

function renderScenario(id: string, part: ScenarioPart = 'group', lang: 'sv' | 'en' = 'sv') {
  return render(
    <I18nProvider lang={lang}>
      <ScenarioView ruleset={browserRuleset} visibleFields={visibleFields} scenario={scenarioById(id)!} part={part} />
    </I18nProvider>,
  );
}

describe('the group exercise', () => {
  it('hides each answer until "Visa svar" and the verdicts until "Visa bedömning"', async () => {
    const user = userEvent.setup();
    const { container } = renderScenario(fruit.id);
    expect(screen.getByRole('heading', { level: 2, name: fruit.title.sv })).toBeInTheDocument();
    const answer = container.querySelector<HTMLElement>('.question[data-path="organisation"] .question__answer')!;
    expect(answer).not.toBeVisible();
    expect(answer).toHaveTextContent('Ljungby kommun');
    await user.click(within(container.querySelector<HTMLElement>('.question[data-path="organisation"]')!).getByRole('button', { name: 'Visa svar' }));
    expect(answer).toBeVisible();
    expect(container.querySelector('.route-card')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Nästa steg' }));
    expect(screen.getByRole('heading', { name: 'Steg 2 av 4: Vad som köps' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Visa bedömning' }));
    expect(screen.getByRole('heading', { name: 'Bedömningen' })).toHaveFocus();
    expect(screen.getByTestId('recommended-route')).toHaveAttribute('data-route', 'reserved-contract');
  });

  it("shows, for every scenario and every route, the answer key's verdict with each condition tested and its source quote", async () => {
    const user = userEvent.setup();
    for (const scenario of scenarios) {
      const { container, unmount } = renderScenario(scenario.id);
      await user.click(screen.getByRole('button', { name: 'Visa bedömning' }));
      for (const [route, verdict] of Object.entries(scenario.answerKey)) {
        const card = container.querySelector<HTMLElement>(`.route-card[data-route="${route}"]`)!;
        expect(card, `${scenario.id} ${route}`).toHaveAttribute('data-verdict', verdict);
        const reasons = card.querySelectorAll('.route-card__group:not(.route-card__group--caution) .reason');
        expect(reasons.length, `${scenario.id} ${route}`).toBeGreaterThan(0);
        for (const reason of reasons) {
          expect(reason.querySelector('.source-quote figcaption'), `${scenario.id} ${reason.getAttribute('data-rule')}`).not.toBeNull();
          expect(reason.querySelector('.conditions .condition'), `${scenario.id} ${reason.getAttribute('data-rule')}`).not.toBeNull();
        }
        if (verdict === 'not-allowed') expect(within(card).getByRole('heading', { name: 'Varför inte: det här håller inte' })).toBeInTheDocument();
        if (verdict === 'allowed' || verdict === 'recommended') expect(within(card).getByRole('heading', { name: 'Varför: det här håller' })).toBeInTheDocument();
      }
      expect(container.querySelector('.teaching-point')).toHaveTextContent(scenario.teachingPoint.sv.slice(0, 40));
      unmount();
    }
  }, 30_000);

  it('speaks English when asked', () => {
    renderScenario(fruit.id, 'group', 'en');
    expect(screen.getByRole('heading', { level: 2, name: fruit.title.en })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Step 1 of 4: Organisation and date' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show the assessment' })).toBeInTheDocument();
  });
});

describe('the hand-out', () => {
  it('asks the questions without their answers on page 1 and gives the answer key with sources after it', () => {
    const { container } = renderScenario(fruit.id, 'handout');
    const questions = container.querySelector<HTMLElement>('.handout__questions')!;
    expect(questions).toHaveTextContent(fruit.story.sv.slice(0, 40));
    expect(questions).toHaveTextContent('Uppskattat värde över hela löptiden');
    expect(questions.textContent).not.toMatch(/900\s000/);
    const key = screen.getByTestId('handout-key');
    expect(key.textContent).toMatch(/900\s000 kr/);
    for (const route of Object.keys(fruit.answerKey)) expect(key.querySelector(`.handout__route[data-route="${route}"]`)).toHaveAttribute('data-verdict', fruit.answerKey[route as keyof typeof fruit.answerKey]);
    expect(key.querySelectorAll('.source-quote').length).toBeGreaterThanOrEqual(fruit.sources.length);
  });
});

describe('Öppna i guiden', () => {
  it("makes the scenario the guide's saved draft, on the review, and goes to the guide", async () => {
    const user = userEvent.setup();
    renderScenario(fruit.id);
    await user.click(screen.getByRole('button', { name: 'Öppna i guiden' }));
    const draft = loadDraft();
    expect(draft?.answers).toEqual(fruit.answers);
    expect(draft?.step).toBe('review');
    expect(window.location.hash).toBe('#/');
  });

  it('asks before replacing a draft in progress, and leaves it if the trainer says no', async () => {
    const user = userEvent.setup();
    localStorage.setItem('vagval.wizard.draft.v1', JSON.stringify({ answers: { organisation: 'motala' }, wizard: {}, decision: {}, step: 'purchase', visited: ['organisation', 'purchase'], confirmed: {} }));
    const asked: string[] = [];
    window.confirm = (message?: string) => {
      asked.push(message ?? '');
      return false;
    };
    renderScenario(fruit.id);
    await user.click(screen.getByRole('button', { name: 'Öppna i guiden' }));
    expect(asked).toHaveLength(1);
    expect(loadDraft()?.answers).toEqual({ organisation: 'motala' });
    expect(window.location.hash).toBe('#/workshop/scenario/fruktkorgar-reserverad');
  });
});
