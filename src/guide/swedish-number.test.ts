import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../engine/format';
import { parseNumber, readAmount, readPercent, readYears } from './swedish-number';

const ok = (value: number) => ({ status: 'ok', value });

describe('sums in kronor as Swedish procurers write them', () => {
  it('reads spaces of every kind, "kr", ":-" and the multipliers mkr, miljoner, msek and tkr', () => {
    for (const text of ['225 000', '225000', '225 000 kr', '225\u00a0000', '225\u202f000 kr', '225 000:-', '225 tkr', '225 tusen kronor', 'SEK 225 000', '225 000 SEK', '225k']) {
      expect(readAmount(text), text).toEqual(ok(225_000));
    }
    expect(readAmount('1,5 mkr')).toEqual(ok(1_500_000));
    expect(readAmount('1,5 miljoner')).toEqual(ok(1_500_000));
    expect(readAmount('1,5 miljoner kronor')).toEqual(ok(1_500_000));
    expect(readAmount('1.5 MSEK')).toEqual(ok(1_500_000));
    expect(readAmount('2 msek')).toEqual(ok(2_000_000));
    expect(readAmount('1,23 mkr')).toEqual(ok(1_230_000));
    expect(readAmount('1,500 mkr')).toEqual(ok(1_500_000));
    expect(readAmount('2 milj. kr')).toEqual(ok(2_000_000));
    expect(readAmount('1 234,50')).toEqual(ok(1234.5));
    expect(readAmount('1.234,50')).toEqual(ok(1234.5));
    expect(readAmount('1,234.50')).toEqual(ok(1234.5));
    expect(readAmount('1.500.000')).toEqual(ok(1_500_000));
    expect(readAmount('0')).toEqual(ok(0));
  });

  it('never reads "225.000" in silence: 225 000 kr is asked first, 225 kr second', () => {
    expect(readAmount('225.000')).toEqual({ status: 'unsure', value: 225_000, literal: 225 });
    expect(readAmount('225,000 kr')).toEqual({ status: 'unsure', value: 225_000, literal: 225 });
    expect(readAmount('0.500')).toEqual(ok(0.5));
  });

  it('says what is no sum: words, stray separators, mixed groupings, empty text', () => {
    for (const text of ['hundra', '225.', '1.2.3', '12.34.567', '1,234,56', '1.234.5678', 'kr', '5 sek sek']) expect(readAmount(text).status, text).toBe('invalid');
    expect(readAmount('  ')).toEqual({ status: 'empty' });
    expect(readAmount('-5')).toEqual(ok(-5));
    expect(parseNumber('225.000')).toBeNull();
    expect(parseNumber('150 000 kr')).toBe(150_000);
  });

  const locales = ['sv-SE', 'fi-FI', 'nb-NO', 'fr-FR', 'de-DE', 'de-CH', 'en-US', 'en-GB'];

  it('reads whole kronor formatted in any of eight locales as the same number, asking only where a dot or comma groups', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), fc.constantFrom(...locales), (n, locale) => {
        const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
        const r = readAmount(text);
        expect(r.status === 'ok' || r.status === 'unsure', text).toBe(true);
        if (r.status === 'ok' || r.status === 'unsure') expect(r.value).toBe(n);
        if (r.status === 'unsure') expect(text.replace(/\d/g, '')).toMatch(/^[.,]$/);
      }),
    );
  });

  it('reads kronor and öre formatted in any locale exactly, since two decimals are never a grouping', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.constantFrom(...locales), (cents, locale) => {
        const text = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
        expect(readAmount(text)).toEqual(ok(cents / 100));
      }),
    );
  });

  it('reads back what Vägval itself prints, in Swedish with "kr" and any kind of space', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.constantFrom(' ', '\u00a0', '\u202f', ''), fc.constantFrom('', ' kr', 'kr', ':-'), (n, space, unit) => {
        const text = formatNumber(n, 'sv').replace(/\u00a0/g, space) + unit;
        expect(readAmount(text)).toEqual(ok(n));
      }),
    );
  });

  it('multiplies exactly by the suffix: x mkr is x million, x tkr x thousand, for up to three decimals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.constantFrom(
          { suffix: ' mkr', scale: 1_000_000 },
          { suffix: ' miljoner', scale: 1_000_000 },
          { suffix: ' MSEK', scale: 1_000_000 },
          { suffix: 'tkr', scale: 1000 },
          { suffix: ' tusen kr', scale: 1000 },
        ),
        fc.constantFrom(',', '.'),
        (thousandths, { suffix, scale }, decimal) => {
          const text = `${Math.trunc(thousandths / 1000)}${decimal}${String(thousandths % 1000).padStart(3, '0')}${suffix}`;
          expect(readAmount(text)).toEqual(ok((thousandths * scale) / 1000));
        },
      ),
    );
  });

  it('asks about every single dot or comma followed by exactly three digits, offering both readings', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }), fc.constantFrom('.', ','), (head, tail, separator) => {
        const text = `${head}${separator}${String(tail).padStart(3, '0')}`;
        expect(readAmount(text)).toEqual({ status: 'unsure', value: head * 1000 + tail, literal: Number(`${head}.${String(tail).padStart(3, '0')}`) });
      }),
    );
  });
});

describe('shares in per cent', () => {
  it('reads "40", "40 %", "37,5 procent" and asks about "0,4": 40 % first, 0,4 % second', () => {
    expect(readPercent('40')).toEqual(ok(40));
    expect(readPercent('40 %')).toEqual(ok(40));
    expect(readPercent('37,5 procent')).toEqual(ok(37.5));
    expect(readPercent('0,4')).toEqual({ status: 'unsure', value: 40, literal: 0.4 });
    expect(readPercent('1')).toEqual({ status: 'unsure', value: 100, literal: 1 });
    expect(readPercent('0,4 %')).toEqual(ok(0.4));
    expect(readPercent('0')).toEqual(ok(0));
    expect(readPercent('fyrtio').status).toBe('invalid');
  });

  it('asks about every share from 0 to 1 typed without a sign, and reads every larger one as typed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(',', '.'), (tenThousandths, decimal) => {
        const share = tenThousandths / 1000;
        const text = share.toFixed(3).replace('.', decimal);
        const r = readPercent(text);
        if (share <= 1) expect(r).toEqual({ status: 'unsure', value: tenThousandths / 10, literal: share });
        else expect(r).toEqual(ok(share));
        expect(readPercent(`${text} %`)).toEqual(ok(share));
      }),
    );
  });
});

describe('terms in years', () => {
  it('reads years and months, with a decimal comma or dot', () => {
    expect(readYears('2')).toEqual(ok(2));
    expect(readYears('2,5 år')).toEqual(ok(2.5));
    expect(readYears('1.5')).toEqual(ok(1.5));
    expect(readYears('18 månader')).toEqual(ok(1.5));
    expect(readYears('6 mån')).toEqual(ok(0.5));
    expect(readYears('två').status).toBe('invalid');
  });
});
