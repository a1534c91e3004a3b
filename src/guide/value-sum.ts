import type { ValueBasis } from './guide-questions';

/** The value step's inputs as numbers (missing where not given), and how the contract states its price. */
export type ValueInputs = {
  basis: ValueBasis;
  annualSek?: number | undefined;
  contractSek?: number | undefined;
  years?: number | undefined;
  optionsSek?: number | undefined;
  /** Similar purchases the procurer typed (those the register does not know). */
  similarPurchasesSek?: number | undefined;
  /** Similar purchases found in the register and added (similar-purchases.ts). */
  registerSimilarSek?: number | undefined;
};

/** The estimated value (LOU 5 kap.) and the parts it is made of. */
export type ValueSum = {
  basis: ValueBasis;
  annualSek: number;
  years: number;
  contractSek: number;
  optionsSek: number;
  /** Every similar purchase counted: those typed and those added from the register. */
  similarPurchasesSek: number;
  registerSimilarSek: number;
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
  const registerSimilarSek = inputs.registerSimilarSek ?? 0;
  const similarPurchasesSek = (inputs.similarPurchasesSek ?? 0) + registerSimilarSek;
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
  return { basis: inputs.basis, annualSek, years, contractSek, optionsSek, similarPurchasesSek, registerSimilarSek, totalSek: Math.round(contractSek + optionsSek + similarPurchasesSek) };
}
