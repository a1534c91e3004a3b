// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../i18n/i18n';
import { CloseSessionButton } from './close-session-button';

afterEach(cleanup);

function renderButton(answered: number | null, lang: 'sv' | 'en' = 'sv') {
  const onClose = vi.fn();
  render(
    <I18nProvider lang={lang}>
      <CloseSessionButton answered={answered} onClose={onClose} />
    </I18nProvider>,
  );
  return onClose;
}

describe('closing the phones’ session', () => {
  it('asks first, saying how many answers go, with the focus on the confirm button', async () => {
    const user = userEvent.setup();
    const onClose = renderButton(7);
    await user.click(screen.getByRole('button', { name: 'Avsluta sessionen och radera svaren' }));
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('group', { name: /7 svar raderas/ })).toHaveTextContent('7 svar raderas och mobilerna kopplas bort. Det går inte att ångra.');
    const confirm = screen.getByRole('button', { name: 'Ja, avsluta och radera svaren' });
    expect(confirm).toHaveFocus();
    await user.click(confirm);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('takes the trainer back with Escape or Avbryt, the focus on the button pressed first, nothing closed', async () => {
    const user = userEvent.setup();
    const onClose = renderButton(2);
    const opener = screen.getByRole('button', { name: 'Avsluta sessionen och radera svaren' });
    await user.click(opener);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('button', { name: 'Ja, avsluta och radera svaren' })).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Avbryt' }));
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('does not take the focus when the window opens', () => {
    renderButton(0);
    expect(document.body).toHaveFocus();
  });

  it('says it in English too, and when no answer has come in', async () => {
    const user = userEvent.setup();
    renderButton(1, 'en');
    await user.click(screen.getByRole('button', { name: 'Close the session and delete the answers' }));
    expect(screen.getByRole('group')).toHaveTextContent('1 answer will be deleted and the phones are disconnected.');
    expect(screen.getByRole('button', { name: 'Yes, close and delete the answers' })).toHaveFocus();
    cleanup();
    renderButton(0);
    await user.click(screen.getByRole('button', { name: 'Avsluta sessionen och radera svaren' }));
    expect(screen.getByRole('group')).toHaveTextContent('Inga svar har kommit in än och mobilerna kopplas bort.');
  });
});
