// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import type { Receipt } from '../../shared/receipt';
import { ReceiptLine } from './receipt-view';
import { includedReceipt } from '../../../tests/fixtures/receipt';

const receipt: Receipt = includedReceipt;

afterEach(cleanup);

const show = () =>
  render(
    <I18nProvider lang="sv">
      <dl>
        <ReceiptLine receipt={receipt} />
      </dl>
    </I18nProvider>,
  );

describe('the receipt on a decision’s page', () => {
  it('says in one sentence what it proves and where to keep it, with the technical line behind "Tekniska detaljer"', () => {
    show();
    expect(screen.getByText(/^Kvittot visar att beslut nr 287 finns oförändrat i beslutsregistret/, { selector: '.receipt__summary' })).toBeVisible();
    const technical = screen.getByText(/^nr 287 · löv b7545b4d/, { selector: 'code' });
    expect(technical.closest('details')).not.toHaveAttribute('open');
    expect(screen.getByText('Tekniska detaljer').tagName).toBe('SUMMARY');
  });

  it('offers the receipt as a file for Kontroll and as a page to print, printing only the receipt', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    show();
    expect(screen.getByRole('button', { name: 'Spara kvittot som fil (JSON, för Kontroll)' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Skriv ut kvittot eller spara som PDF' }));
    expect(print).toHaveBeenCalledOnce();
    expect(document.documentElement).toHaveClass('printing-receipt');
    window.dispatchEvent(new Event('afterprint'));
    expect(document.documentElement).not.toHaveClass('printing-receipt');
  });
});
