// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Answers } from '../../../engine/answers-schema';
import { I18nProvider } from '../../../i18n/i18n';
import { browserRuleset } from '../../../rules-data/browser-ruleset';
import { stepTitles } from '../../../guide/step-titles';
import { DecisionTree } from './index';
import { ljungbyAnswers } from '../../../../tests/fixtures/answers';

const answers: Answers = ljungbyAnswers;

afterEach(cleanup);

/** A node's text lines joined as they read (textContent would run wrapped lines together). */
const nodeText = (svg: Element, id: string) => [...(svg.querySelector(`[data-node="${id}"]`)?.querySelectorAll('text') ?? [])].map((t) => t.textContent).join(' ');

function renderTree(props: { answers?: Answers } = {}, lang: 'sv' | 'en' = 'sv') {
  return render(
    <I18nProvider lang={lang}>
      <DecisionTree {...props} />
    </I18nProvider>,
  );
}

describe('DecisionTree', () => {
  it('is an SVG image with a title and a description', () => {
    renderTree();
    const svg = screen.getByTestId('decision-tree-svg');
    expect(svg).toHaveAttribute('role', 'img');
    // jsdom does not name an SVG by its <title>; browsers do (the e2e axe check covers that). Check the wiring.
    const [title, desc] = svg.getAttribute('aria-labelledby')!.split(' ').map((id) => document.getElementById(id)!);
    expect(title!.tagName.toLowerCase()).toBe('title');
    expect(title).toHaveTextContent('Beslutsträd: guidens flöde och reglerna för varje väg');
    expect(desc!.tagName.toLowerCase()).toBe('desc');
    expect(desc).toHaveTextContent(/Guidens 8 tillstånd och \d+ regler för 4 vägar/);
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
    expect(svg.querySelector('[data-node="state:wizard.value"]')).toHaveTextContent('Värde');
    expect(svg.querySelector('[data-node="rule:direct-award.low-value"]')).toHaveTextContent(/direktupphandlingsgränsen/);
  });

  it('zooms with buttons and with + and − on the picture', async () => {
    const user = userEvent.setup();
    renderTree();
    const svg = screen.getByTestId('decision-tree-svg');
    expect(svg.style.width).toBe('100%');
    expect(screen.getByRole('button', { name: 'Hela bredden' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Zooma in' }));
    expect(svg.style.width).toBe('125%');
    expect(screen.getByText(/Förstoring: 125 %/)).toBeInTheDocument();

    const viewport = screen.getByRole('region', { name: /Beslutsträdet som bild/ });
    viewport.focus();
    await user.keyboard('+');
    expect(svg.style.width).toBe('150%');
    await user.keyboard('-');
    await user.keyboard('-');
    await user.keyboard('-');
    expect(svg.style.width).toBe('75%');
    await user.keyboard('0');
    expect(svg.style.width).toBe('100%');
  });

  it('shows the same tree as text behind a toggle, by keyboard', async () => {
    const user = userEvent.setup();
    renderTree();
    const toggle = screen.getByRole('button', { name: 'Visa trädet som text' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const text = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(text).not.toBeVisible();
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAccessibleName('Dölj trädet som text');
    expect(text).toBeVisible();
    for (const title of Object.values(stepTitles)) expect(within(text).getAllByText(title.sv, { exact: false }).length).toBeGreaterThan(0);
    const drawn = [...document.querySelectorAll('[data-node^="rule:"]')].map((n) => n.getAttribute('data-node')!.slice('rule:'.length));
    const listed = [...text.querySelectorAll('[data-rule]')].map((n) => n.getAttribute('data-rule'));
    expect(listed.sort()).toEqual(drawn.sort());
    expect(within(text).getByRole('heading', { name: /Guidens flöde/ })).toBeInTheDocument();
    expect(text).toHaveTextContent(/Nästa: Värde, annars Leverantör/);
  });

  it('without answers, shows the rules in force on a chosen date, and those not in force on request', async () => {
    const user = userEvent.setup();
    renderTree();
    const svg = screen.getByTestId('decision-tree-svg');
    fireEvent.change(screen.getByLabelText('Visa reglerna som gäller'), { target: { value: '2021-06-01' } });
    expect(svg.querySelector('[data-node="rule:direct-award.low-value-until-2022"]')).toHaveTextContent(/615\s312 kr/);
    expect(svg.querySelector('[data-node="rule:direct-award.low-value"]')).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: /Visa även regler som inte gäller 2021-06-01/ }));
    const future = svg.querySelector('[data-node="rule:direct-award.low-value"]')!;
    expect(future).toHaveAttribute('class', expect.stringContaining('dt-tag--inactive'));
    expect(nodeText(svg, 'rule:direct-award.low-value')).toMatch(/inte på datumet/);

    expect(svg.querySelector('[data-node="rule:direct-award.guidelines"]')).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Visa även skyldigheter och varningar' }));
    expect(svg.querySelector('[data-node="rule:direct-award.guidelines"]')).not.toBeNull();
  });

  it('with answers, marks their path and each rule’s result in words', async () => {
    const user = userEvent.setup();
    renderTree({ answers });
    const svg = screen.getByTestId('decision-tree-svg');
    expect(svg.querySelector('desc')).toHaveTextContent(/Svarens väg genom guiden: .*Leverantör → Granska svaren → Rekommendation och beslut\. .*Direktupphandling: Rekommenderas/);
    expect(svg.querySelector('[data-node="state:wizard.partnership"]')).toHaveClass('is-off-path');
    expect(svg.querySelector('[data-node="state:wizard.supplier"]')).toHaveClass('is-on-path');
    expect(svg.querySelector('[data-node="rule:iop.ideaburen-partner"]')).toHaveAttribute('data-mark', 'failed');
    expect(nodeText(svg, 'rule:iop.ideaburen-partner')).toContain('✗ För svaren: gäller inte');
    expect(svg.querySelector('[data-node="verdict:direct-award:allowed"]')).toHaveTextContent('Här hamnar svaren');
    expect(screen.queryByLabelText('Visa reglerna som gäller')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Visa trädet som text' }));
    const item = document.querySelector('.decision-tree__text [data-rule="iop.ideaburen-partner"]')!;
    expect(item).toHaveTextContent('för svaren: gäller inte');
    expect(document.querySelector('.decision-tree__text [data-route="direct-award"]')).toHaveTextContent('bedömning för svaren: Rekommenderas');
  });

  it('is derived from the rule set it is given', () => {
    const copy = {
      ...browserRuleset,
      routes: { ...browserRuleset.routes, iop: { ...browserRuleset.routes.iop, name: { sv: 'Partnerskap (övning)', en: 'Partnership (exercise)' } } },
    };
    render(
      <I18nProvider lang="sv">
        <DecisionTree ruleset={copy} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('decision-tree-svg').querySelector('[data-node="route:iop"]')).toHaveTextContent('1. Partnerskap (övning)');
  });

  it('speaks English when asked', () => {
    renderTree({}, 'en');
    expect(screen.getByRole('heading', { name: 'The decision tree' })).toBeInTheDocument();
    expect(screen.getByTestId('decision-tree-svg').querySelector('[data-node="state:wizard.value"]')).toHaveTextContent('Value');
  });
});
