import type { Localized } from './ruleset-schema';

/**
 * A Swedish organisation number (organisationsnummer): ten digits written NNNNNN-NNNN, the last a
 * check digit by the Luhn algorithm over the first nine (Skatteverket, SKV 709). A sole trader uses
 * the personnummer, which has the same form. "16" before the ten digits, as some registers write
 * it, is accepted.
 */
export function orgNumberDigits(value: string): string | null {
  const m = /^\s*(?:16)?(\d{6})-?(\d{4})\s*$/.exec(value);
  return m ? `${m[1]}${m[2]}` : null;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The two things that can be wrong with an organisation number, in both languages (also the guide's field errors). */
export const orgNumberFormatProblem: Localized = { sv: 'Skriv organisationsnumret som tio siffror, till exempel 556012-5790.', en: 'Write the organisation number as ten digits, for example 556012-5790.' };
export const orgNumberCheckProblem: Localized = { sv: 'Organisationsnumret stämmer inte: kontrollsiffran (den sista) passar inte de övriga. Kontrollera att alla siffror är rätt.', en: 'The organisation number does not add up: the check digit (the last) does not fit the others. Check every digit.' };

/** What is wrong with an organisation number, in both languages, or null if it is well formed. */
export function orgNumberProblem(value: string): Localized | null {
  const digits = orgNumberDigits(value);
  if (!digits) return orgNumberFormatProblem;
  if (!luhnValid(digits)) return orgNumberCheckProblem;
  return null;
}

export const isOrgNumber = (value: string) => orgNumberProblem(value) === null;
