import { formatValue, localize } from '../engine/format';
import type { Localized } from '../engine/ruleset-schema';
import type { ValueBasis } from './guide-questions';

/** The value step's inputs as numbers (missing where not given), and how the contract states its price. */
export type ValueInputs = {
  basis: ValueBasis;
  annualSek?: number | undefined;
  contractSek?: number | undefined;
  years?: number | undefined;
  optionsSek?: number | undefined;
  similarPurchasesSek?: number | undefined;
};

/** The estimated value (LOU 5 kap.) and the parts it is made of. */
export type ValueSum = {
  basis: ValueBasis;
  annualSek: number;
  years: number;
  contractSek: number;
  optionsSek: number;
  similarPurchasesSek: number;
  totalSek: number;
};

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * The contract's value over the whole term — per year × years, or the one sum the contract states — plus every
 * option as if used and similar purchases in the surrounding twelve months (LOU 5 kap.). Undefined until the
 * price is known. With a sum for the whole term, the value per year is the sum divided by the years, kept in the
 * answers so that the record adds up the same way: per year × years + options + similar purchases.
 */
export function valueSum(inputs: ValueInputs): ValueSum | undefined {
  const years = inputs.years ?? 1;
  const optionsSek = inputs.optionsSek ?? 0;
  const similarPurchasesSek = inputs.similarPurchasesSek ?? 0;
  let annualSek: number;
  let contractSek: number;
  if (inputs.basis === 'total') {
    if (inputs.contractSek === undefined) return undefined;
    contractSek = inputs.contractSek;
    annualSek = cents(contractSek / years);
  } else {
    if (inputs.annualSek === undefined) return undefined;
    annualSek = inputs.annualSek;
    contractSek = annualSek * years;
  }
  return { basis: inputs.basis, annualSek, years, contractSek, optionsSek, similarPurchasesSek, totalSek: Math.round(contractSek + optionsSek + similarPurchasesSek) };
}

/** The sum written out line by line, the way the value step shows it under the total. */
export function valueSumLines(sum: ValueSum, withSimilar: boolean): Localized[] {
  const sek = (n: number) => localize((lang) => formatValue(n, 'sek', lang));
  const years = localize((lang) => formatValue(sum.years, 'years', lang));
  const lines: Localized[] = [
    sum.basis === 'total'
      ? { sv: `Avtalets värde för hela avtalstiden (${years.sv}): ${sek(sum.contractSek).sv}`, en: `The contract's value over the whole term (${years.en}): ${sek(sum.contractSek).en}` }
      : { sv: `${sek(sum.annualSek).sv} per år × ${years.sv} = ${sek(sum.contractSek).sv}`, en: `${sek(sum.annualSek).en} a year × ${years.en} = ${sek(sum.contractSek).en}` },
    { sv: `+ optioner: ${sek(sum.optionsSek).sv}`, en: `+ options: ${sek(sum.optionsSek).en}` },
  ];
  if (withSimilar) lines.push({ sv: `+ liknande köp inom 12 månader: ${sek(sum.similarPurchasesSek).sv}`, en: `+ similar purchases within 12 months: ${sek(sum.similarPurchasesSek).en}` });
  lines.push({ sv: `= ${sek(sum.totalSek).sv} exklusive moms`, en: `= ${sek(sum.totalSek).en} excluding VAT` });
  return lines;
}
