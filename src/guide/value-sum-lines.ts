import { formatValue, localize } from '../engine/format';
import type { Localized } from '../engine/ruleset-schema';
import type { ValueSum } from './value-sum';

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
  const typed = sum.similarPurchasesSek - sum.registerSimilarSek;
  if (sum.registerSimilarSek > 0) lines.push({ sv: `+ liknande köp i beslutsregistret: ${sek(sum.registerSimilarSek).sv}`, en: `+ similar purchases in the decision register: ${sek(sum.registerSimilarSek).en}` });
  if (withSimilar) {
    const other = sum.registerSimilarSek > 0 ? { sv: 'andra liknande köp', en: 'other similar purchases' } : { sv: 'liknande köp', en: 'similar purchases' };
    lines.push({ sv: `+ ${other.sv} inom 12 månader: ${sek(typed).sv}`, en: `+ ${other.en} within 12 months: ${sek(typed).en}` });
  }
  lines.push({ sv: `= ${sek(sum.totalSek).sv} exklusive moms`, en: `= ${sek(sum.totalSek).en} excluding VAT` });
  return lines;
}
