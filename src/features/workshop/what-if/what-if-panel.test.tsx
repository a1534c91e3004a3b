// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Answers } from '../../../engine/answers-schema';
import { I18nProvider } from '../../../i18n/i18n';
import { WhatIfPanel } from './index';
import { ljungbyAnswers } from '../../../../tests/fixtures/answers';

const base: Answers = ljungbyAnswers;

afterEach(cleanup);

function renderPanel(answers: Answers = base, lang: 'sv' | 'en' = 'sv') {
  return render(
    <I18nProvider lang={lang}>
      <WhatIfPanel baseAnswers={answers} organisationLabel="Ljungby kommun (övning)" />
    </I18nProvider>,
  );
}
const resultRow = (route: string) => document.querySelector(`.what-if__table tr[data-route="${route}"]`) as HTMLElement;

describe('WhatIfPanel', () => {
  it('by keyboard alone: type a new value, press Enter, and see the verdicts before and after with the reasons', async () => {
    const user = userEvent.setup();
    renderPanel();
    expect(screen.getByText('Ljungby kommun (övning)')).toBeInTheDocument();
    const input = screen.getByRole('textbox', { name: /Nytt värde: Uppskattat värde/ });
    expect(input).toHaveValue('450000');
    expect(input).toHaveAccessibleDescription(/Nu: 450\u00a0000\u00a0kr/);
    await user.click(input);
    await user.clear(input);
    await user.type(input, '1 200 000{Enter}');

    const table = screen.getByRole('table', { name: /Före och efter: Uppskattat värde över hela löptiden: 450\u00a0000\u00a0kr → 1\u00a0200\u00a0000\u00a0kr/ });
    const direct = within(table).getByRole('row', { name: /^Direktupphandling Rekommenderas/ });
    expect(within(direct).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Rekommenderas', 'Inte tillåten', 'Ändrad']);
    expect(resultRow('iop').textContent).toContain('Samma');
    expect(screen.getByRole('status')).toHaveTextContent(/vägar? ändrade bedömning/);

    const why = screen.getByRole('region', { name: /Direktupphandling: Rekommenderas → Inte tillåten/ });
    const after = within(why).getByRole('heading', { name: 'Efter: skäl som tillkom' }).parentElement!;
    const lowValue = after.querySelector('[data-rule="direct-award.low-value"]') as HTMLElement;
    expect(lowValue).not.toHaveTextContent('direct-award.low-value'); // never an internal rule id on screen
    expect(lowValue).toHaveTextContent(/understiger inte direktupphandlingsgränsen 700\s000\skr/);
    expect(lowValue).toHaveTextContent(/Direktupphandlingsgränsen 700\s000\skr \(från 2022-02-01\)/);
    expect(lowValue.querySelector('figure.source-quote')).not.toBeNull();
    const before = within(why).getByRole('heading', { name: 'Före: skäl som föll bort' }).parentElement!;
    expect(before.querySelector('[data-rule="direct-award.low-value"]')).not.toBeNull();
    expect(within(why).getByRole('table', { name: /Värden som reglerna/ })).toHaveTextContent('Direktupphandlingsgränsen');
    // Allowed before and after, recommended only after: the note says the recommendation moved, not the rules.
    const reserved = screen.getByRole('region', { name: /Reserverad upphandling: Tillåten → Rekommenderas/ });
    expect(reserved).toHaveTextContent(/det som ändrades är rekommendationen/);
  });

  it('says what is wrong with bad input in Swedish, at the field, and keeps focus there', async () => {
    const user = userEvent.setup();
    renderPanel();
    const input = screen.getByRole('textbox', { name: /Nytt värde/ });
    await user.clear(input);
    await user.type(input, 'tolv');
    await user.click(screen.getByRole('button', { name: 'Jämför med utgångsläget' }));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/Ange ett belopp i kronor med siffror, till exempel 150\s000\./);
    expect(input).toHaveFocus();
    expect(screen.queryByRole('table')).toBeNull();

    // A date before what the rule set covers is named at the date field.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Vilket svar vill du ändra?' }), 'decisionDate');
    const date = screen.getByLabelText(/Nytt värde: Beslutsdatum/);
    expect(date).not.toHaveAttribute('aria-invalid');
    fireEvent.change(date, { target: { value: '2012-05-01' } });
    fireEvent.submit(date.closest('form')!);
    expect(date).toHaveAccessibleDescription(/Regelverket kan bara bedöma beslut från och med 2018-01-01\./);
  });

  it('varies the supplier kind from a list, keeps a history, and goes back to an earlier what-if', async () => {
    const user = userEvent.setup();
    renderPanel({ ...base, value: { totalSek: 1_500_000 } });
    const which = screen.getByRole('combobox', { name: 'Vilket svar vill du ändra?' });

    await user.selectOptions(which, 'supplier.disadvantagedShare');
    const share = screen.getByRole('textbox', { name: /Nytt värde/ });
    expect(share).toHaveValue('40');
    await user.clear(share);
    await user.type(share, '20{Enter}');
    expect(resultRow('reserved-contract')).toHaveTextContent(/RekommenderasInte tillåtenÄndrad/);

    await user.selectOptions(which, 'supplier.kind');
    await user.selectOptions(screen.getByRole('combobox', { name: /Nytt värde/ }), 'any');
    await user.click(screen.getByRole('button', { name: 'Jämför med utgångsläget' }));

    const history = screen.getByRole('navigation', { name: 'Prövade vad om' });
    const entries = within(history).getAllByRole('button', { name: /→/ });
    expect(entries.map((b) => b.textContent)).toEqual([
      expect.stringMatching(/^Andel .* långt från arbetsmarknaden: 40\s% → 20\s%$/),
      expect.stringMatching(/: ett socialt företag → ingen särskild leverantör$/),
    ]);
    expect(entries[1]).toHaveAttribute('aria-current', 'true');

    entries[0]!.focus();
    await user.keyboard('{Enter}');
    expect(within(history).getAllByRole('button', { name: /→/ })[0]).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('table', { name: /40\u00a0% → 20\u00a0%/ })).toBeInTheDocument();
  });

  it('builds on a what-if: the next change starts from its answers, and goes back to the original ones', async () => {
    const user = userEvent.setup();
    renderPanel();
    const input = screen.getByRole('textbox', { name: /Nytt värde/ });
    await user.clear(input);
    await user.type(input, '1500000{Enter}');
    await user.click(screen.getByRole('button', { name: 'Bygg vidare på detta vad om' }));
    expect(screen.getByRole('heading', { name: /Utgångsläget \(byggt vidare på ett vad om\)/ })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Nytt värde/ })).toHaveValue('1500000');
    await user.click(screen.getByRole('button', { name: 'Tillbaka till de ursprungliga svaren' }));
    expect(screen.getByRole('heading', { name: 'Utgångsläget' })).toBeInTheDocument();
  });

  it('the value slider shows the limits in force as text, marks unverified ones, and judges live as it moves', async () => {
    const user = userEvent.setup();
    renderPanel();
    const slider = screen.getByRole('slider', { name: /Uppskattat värde över hela löptiden/ });
    expect(slider).toHaveAttribute('aria-valuetext', '450\u00a0000\u00a0kr');
    const list = document.querySelector('.value-scale__limits') as HTMLElement;
    expect(list).toHaveTextContent(/Direktupphandlingsgränsen: 700\s000\skr \(gäller från 2022-02-01\)/);
    expect(list.querySelector('[data-limit="eu-threshold-goods-services"]')).toHaveTextContent(/ej verifierad/);
    expect(list.querySelector('[data-limit="direct-award-limit"]')).not.toHaveTextContent(/ej verifierad/);
    expect(slider).toHaveAccessibleDescription(/Direktupphandlingsgränsen: 700\u00a0000\u00a0kr/);

    const verdicts = screen.getByTestId('value-scale-verdicts');
    expect(verdicts.querySelector('[data-route="direct-award"]')).toHaveAttribute('data-verdict', 'recommended');

    // Set exactly at the limit: "understiger" fails at 700 000 kr.
    await user.click(within(list.querySelector('[data-limit="direct-award-limit"]') as HTMLElement).getByRole('button'));
    expect(slider).toHaveAttribute('aria-valuetext', '700\u00a0000\u00a0kr');
    expect(verdicts.querySelector('[data-route="direct-award"]')).toHaveAttribute('data-verdict', 'not-allowed');
    expect(list.querySelector('[data-limit="direct-award-limit"]')).toHaveTextContent('värdet ligger exakt på gränsen');

    fireEvent.change(slider, { target: { value: '0' } });
    expect(slider).toHaveAttribute('aria-valuetext', '0\u00a0kr');
    expect(verdicts.querySelector('[data-route="direct-award"]')).toHaveAttribute('data-verdict', 'recommended');

    fireEvent.change(slider, { target: { value: '1000' } });
    await user.click(screen.getByRole('button', { name: /^Jämför .* med utgångsläget$/ }));
    expect(resultRow('direct-award')).toHaveTextContent('Inte tillåten');
  });

  it('starts afresh when given other base answers', async () => {
    const user = userEvent.setup();
    const view = renderPanel();
    const input = screen.getByRole('textbox', { name: /Nytt värde/ });
    await user.clear(input);
    await user.type(input, '900000{Enter}');
    expect(screen.getByRole('navigation', { name: 'Prövade vad om' })).toBeInTheDocument();
    view.rerender(
      <I18nProvider lang="sv">
        <WhatIfPanel baseAnswers={{ ...base, value: { totalSek: 100000 } }} />
      </I18nProvider>,
    );
    expect(screen.queryByRole('navigation', { name: 'Prövade vad om' })).toBeNull();
    expect(screen.getByRole('textbox', { name: /Nytt värde/ })).toHaveValue('100000');
  });

  it('speaks English when asked', () => {
    renderPanel(base, 'en');
    expect(screen.getByRole('heading', { name: 'What if …?' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Compare with the starting point' })).toBeInTheDocument();
  });
});
