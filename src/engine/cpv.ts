import type { Answers } from './answers-schema';
import type { RulesetData } from './ruleset';
import type { CpvList, EvidenceStatus, Localized } from './ruleset-schema';

/**
 * The CPV code as evidence: its format, its division and, from the lists in rules/cpv/, its kind and its list
 * memberships (LOU bilaga 2, 19 kap. 25 §). Pure, like the rest of the engine.
 *
 * The check digit is not computed: the rule in the CPV documentation (a weighted sum mod 10) does not give the
 * published digits of whole branches of the list, e.g. 09100000-0 (Fuels) or 03300000-2 (DG GROW, OP-TED ePO
 * discussion 589; 19 of 190 codes sampled departed; rules/sources/cpv-structure.yaml), so it would refuse real codes.
 * A code found on a list must carry the listed check digit; for any other code only the format and the division are
 * checked.
 */

/** `message` in English for the CLI and the server; `text` in both languages for the guide. */
export type CpvProblem = { field: 'purchase.cpvCode'; message: string; text: Localized };

export type CpvMembership = {
  list: string;
  /** The answer the list decides, e.g. `purchase.welfareReservationCode`. */
  fact: string;
  title: Localized;
  /** true: on the list; false: not on a complete list; null: not known (an incomplete list, or a code below a listed one). */
  value: boolean | null;
  /** The heading of the listed code or range the code falls under, quoted from the list. */
  heading: Localized | null;
  /** The listed code or range, e.g. "85000000-9 – 85323000-9". */
  listed: string | null;
  /** The listed code or range with its labels as the list gives them, for a reader (listedWords). */
  listedAs: Localized | null;
  status: EvidenceStatus;
  legalBasis: string;
};

export type CpvDerivation = {
  code: string;
  kind: 'goods' | 'services' | 'works' | null;
  memberships: CpvMembership[];
};

export type CpvConflict = { field: string; answered: unknown; derived: unknown; message: Localized };

const format = /^(\d{8})(?:-(\d))?$/;

const digits = (code: string) => code.slice(0, 8);
const shown = (entry: CpvList['entries'][number]) => (entry.to ? `${entry.code} – ${entry.to}` : entry.code);
/**
 * A listed code with its label, and a range with the labels of both its ends ('85000000-9 "Hälso- och sjukvård samt
 * socialvård" till och med 85323000-9 "Kommunal hälso- och sjukvård"'): a range has no label of its own.
 */
function listedWords(entry: CpvList['entries'][number]): Localized {
  if (!entry.to) return { sv: `${entry.code} "${entry.heading.sv}"`, en: `${entry.code} "${entry.heading.en}"` };
  const last = entry.toHeading;
  return {
    sv: `${entry.code} "${entry.heading.sv}" till och med ${entry.to}${last ? ` "${last.sv}"` : ''}`,
    en: `${entry.code} "${entry.heading.en}" to ${entry.to}${last ? ` "${last.en}"` : ''}`,
  };
}
/** The code without its trailing zeros: the part of the tree a listed code stands for (92500000 → 925). */
const stem = (code: string) => digits(code).replace(/0+$/, '');

/** The problems with a CPV code as written, or none. */
export function checkCpvCode(ruleset: Pick<RulesetData, 'cpvLists' | 'cpvDivisions'>, text: string): CpvProblem[] {
  const match = format.exec(text.trim());
  if (!match) {
    return [{
      field: 'purchase.cpvCode',
      message: `"${text}" is not a CPV code: write eight digits and the check digit, such as 85311000-2`,
      text: { sv: `"${text}" är ingen CPV-kod: skriv åtta siffror och kontrollsiffran, till exempel 85311000-2.`, en: `"${text}" is not a CPV code: write eight digits and the check digit, such as 85311000-2.` },
    }];
  }
  const [, eight, check] = match as unknown as [string, string, string | undefined];
  const divisions = ruleset.cpvDivisions?.divisions;
  if (divisions && !divisions.some((d) => d.division === eight.slice(0, 2))) {
    const division = eight.slice(0, 2);
    return [{
      field: 'purchase.cpvCode',
      message: `${division} is not a CPV division (the first two digits of ${text})`,
      text: { sv: `Det finns ingen huvudgrupp ${division} i CPV (de två första siffrorna i ${text}); kontrollera koden i annonsen.`, en: `CPV has no division ${division} (the first two digits of ${text}); check the code in the notice.` },
    }];
  }
  if (check !== undefined) {
    for (const list of Object.values(ruleset.cpvLists ?? {})) {
      for (const entry of list.entries) {
        for (const listed of [entry.code, entry.to]) {
          if (listed && digits(listed) === eight && listed.slice(9) !== check) {
            return [{
              field: 'purchase.cpvCode',
              message: `the check digit of ${eight} is ${listed.slice(9)} (${listed}), not ${check}`,
              text: { sv: `Kontrollsiffran för ${eight} är ${listed.slice(9)} (${listed}), inte ${check}.`, en: `The check digit of ${eight} is ${listed.slice(9)} (${listed}), not ${check}.` },
            }];
          }
        }
      }
    }
  }
  return [];
}

function membership(list: CpvList, code: string): Pick<CpvMembership, 'value' | 'heading' | 'listed' | 'listedAs' | 'status'> {
  const eight = digits(code);
  for (const entry of list.entries) {
    const inRange = entry.to ? digits(entry.code) <= eight && eight <= digits(entry.to) : digits(entry.code) === eight;
    if (inRange) return { value: true, heading: entry.heading, listed: shown(entry), listedAs: listedWords(entry), status: entry.status };
  }
  // A code further down the tree than a listed one may or may not be covered: the list names codes, not branches.
  for (const entry of list.entries) {
    if (!entry.to && eight.startsWith(stem(entry.code)) && eight !== digits(entry.code)) {
      return { value: null, heading: entry.heading, listed: shown(entry), listedAs: listedWords(entry), status: 'unverified' };
    }
  }
  return { value: list.complete ? false : null, heading: null, listed: null, listedAs: null, status: list.status };
}

/** What the rule set's CPV data says of a well-formed code on the decision date. */
export function deriveFromCpv(ruleset: Pick<RulesetData, 'cpvLists' | 'cpvDivisions'>, code: string, date: string): CpvDerivation {
  const division = code.slice(0, 2);
  const kind = ruleset.cpvDivisions?.divisions.find((d) => d.division === division)?.kind ?? null;
  const memberships: CpvMembership[] = [];
  for (const list of Object.values(ruleset.cpvLists ?? {})) {
    if (list.validFrom > date || (list.validTo !== null && date > list.validTo)) continue;
    // The lists hold services; a code for goods or works is on none of them.
    const found = kind !== null && kind !== 'services' ? { value: false, heading: null, listed: null, listedAs: null, status: list.status } : membership(list, code);
    memberships.push({ list: list.id, fact: list.fact, title: list.title, legalBasis: list.legalBasis, ...found });
  }
  return { code, kind, memberships };
}

function readPath(answers: Answers, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], answers);
}

function writePath(answers: Answers, path: string, value: unknown): Answers {
  const [head, leaf] = path.split('.') as [string, string | undefined];
  if (leaf === undefined) return { ...answers, [head]: value } as Answers;
  const section = ((answers as Record<string, unknown>)[head] ?? {}) as Record<string, unknown>;
  return { ...answers, [head]: { ...section, [leaf]: value } } as Answers;
}

/** The answers a derivation gives: the kind of purchase and each list membership that is known. */
export type DerivedAnswer = { path: string; value: string | boolean; heading: Localized | null; listed: string | null; listedAs: Localized | null };

export function derivedAnswers(derivation: CpvDerivation): DerivedAnswer[] {
  const out: DerivedAnswer[] = [];
  if (derivation.kind) out.push({ path: 'purchase.kind', value: derivation.kind, heading: null, listed: null, listedAs: null });
  for (const m of derivation.memberships) if (m.value !== null) out.push({ path: m.fact, value: m.value, heading: m.heading, listed: m.listed, listedAs: m.listedAs });
  return out;
}

/**
 * Fills in what the answers' CPV code decides and the answers leave open; an answer given stays (the procurer may
 * override the list), but where it contradicts the code the contradiction is returned, to be shown, not ignored.
 */
export function applyCpvCode(ruleset: Pick<RulesetData, 'cpvLists' | 'cpvDivisions'>, answers: Answers): { answers: Answers; derivation: CpvDerivation | null; conflicts: CpvConflict[] } {
  const code = answers.purchase?.cpvCode;
  if (code === undefined || checkCpvCode(ruleset, code).length > 0) return { answers, derivation: null, conflicts: [] };
  const derivation = deriveFromCpv(ruleset, code, answers.decisionDate);
  let filled = answers;
  const conflicts: CpvConflict[] = [];
  for (const d of derivedAnswers(derivation)) {
    const given = readPath(answers, d.path) ?? (d.path === 'purchase.welfareReservationCode' ? answers.purchase?.reservableServiceCode : undefined);
    if (given === undefined) filled = writePath(filled, d.path, d.value);
    else if (given !== d.value) {
      conflicts.push({
        field: d.path,
        answered: given,
        derived: d.value,
        message: {
          sv: `CPV-koden ${code} ger ${d.path} = ${String(d.value)}${d.listedAs ? ` (${d.listedAs.sv})` : ''}, men svaret är ${String(given)}. Svaret används; kontrollera det.`,
          en: `The CPV code ${code} gives ${d.path} = ${String(d.value)}${d.listedAs ? ` (${d.listedAs.en})` : ''}, but the answer is ${String(given)}. The answer is used; check it.`,
        },
      });
    }
  }
  return { answers: filled, derivation, conflicts };
}
