import type { RouteId } from '../engine/answers-schema';
import { formatValue, type Lang } from '../engine/format';
import { incompleteWords, matchWords, notAddedReasonWords, uncheckedWords } from '../guide/similar-purchase-words';
import type { DraftAnswers } from '../guide/draft';
import { swedishTime } from '../shared/swedish-time';
import { addedSek } from '../guide/similar-purchases';
import type { SimilarCheck } from '../shared/similar-check';
import type { SheetSource } from './decision-sheet';

/**
 * The similar-purchase check as the decision document records it (LOU 5 kap.): one line for
 * page 1 beside the value, and for the appendix each purchase the register found with what was done with it, or
 * "kunde inte kontrolleras" with the reason.
 */
export type SheetSimilar = {
  /** "Liknande köp (LOU 5 kap.)": the term on page 1 and the appendix heading. */
  heading: string;
  status: 'checked' | 'unchecked' | 'pending';
  /** The line on page 1. */
  summary: string;
  window: string | null;
  checkedAt: string | null;
  items: Array<{ id: number; date: string; description: string; supplier: string; value: string; route: string; match: string; added: boolean; choice: string; link: string }>;
  /** What the register (or the network) said, when it could not be asked. */
  detail: string | null;
  sources: SheetSource[];
};

const words = {
  sv: {
    heading: 'Liknande köp (LOU 5 kap.)',
    none: (w: string) => `Inga liknande direktupphandlingar i beslutsregistret ${w}.`,
    found: (n: number) => `${n === 1 ? 'En liknande direktupphandling' : `${n} liknande direktupphandlingar`} i beslutsregistret`,
    added: (list: string, sum: string) => `tillagt i värdet: ${list} (${sum})`,
    nothingAdded: 'inget tillagt i värdet',
    notAdded: 'inte tillagt',
    addedChoice: 'tillagt i det uppskattade värdet',
    undecided: 'ingen ställning tagen',
    unchecked: 'Kunde inte kontrolleras',
    pending: 'Sökningen i beslutsregistret är inte klar.',
    notGiven: 'ej angivet',
    no: 'nr',
  },
  en: {
    heading: 'Similar purchases (LOU 5 kap.)',
    none: (w: string) => `No similar direct awards in the decision register ${w}.`,
    found: (n: number) => `${n === 1 ? 'One similar direct award' : `${n} similar direct awards`} in the decision register`,
    added: (list: string, sum: string) => `added to the value: ${list} (${sum})`,
    nothingAdded: 'nothing added to the value',
    notAdded: 'not added',
    addedChoice: 'added to the estimated value',
    undecided: 'not decided',
    unchecked: 'Could not be checked',
    pending: 'The search of the decision register is not finished.',
    notGiven: 'not given',
    no: 'no.',
  },
} as const;

export function sheetSimilar(check: SimilarCheck | null, lang: Lang, routeName: (route: RouteId) => string, sources: SheetSource[], answers?: DraftAnswers): SheetSimilar {
  const w = words[lang];
  const heading = w.heading;
  if (check === null) return { heading, status: 'pending', summary: w.pending, window: null, checkedAt: null, items: [], detail: null, sources };
  // Swedish time, like every other moment in the document.
  const checkedAt = check.checkedAt ? swedishTime(check.checkedAt, lang) : null;
  if (check.status === 'unchecked') {
    const why = check.reason === 'incomplete' && answers ? incompleteWords(answers) : uncheckedWords[check.reason];
    return { heading, status: 'unchecked', summary: `${w.unchecked}: ${why[lang]}.`, window: null, checkedAt, items: [], detail: check.detail || null, sources };
  }
  const window = `${check.window.from} – ${check.window.to}`;
  const sek = (n: number) => formatValue(n, 'sek', lang);
  const items = check.found.map((f) => {
    const c = f.choice;
    const choice = !c ? w.undecided : c.add ? w.addedChoice : `${w.notAdded}: ${notAddedReasonWords[c.reason][lang]}${c.note?.trim() ? ` – ${c.note.trim()}` : ''}`;
    return {
      id: f.id,
      date: f.decisionDate,
      description: f.description ?? w.notGiven,
      supplier: f.supplier ?? w.notGiven,
      value: f.valueSek === null ? w.notGiven : sek(f.valueSek),
      route: routeName(f.route),
      match: f.match.map((m) => matchWords[m][lang]).join(', '),
      added: c?.add === true,
      choice,
      link: `#/register/beslut/${f.id}`,
    };
  });
  if (items.length === 0) return { heading, status: 'checked', summary: w.none(window), window, checkedAt, items, detail: null, sources };
  const added = items.filter((i) => i.added);
  const parts = [added.length > 0 ? w.added(added.map((i) => `${w.no} ${i.id}`).join(', '), sek(addedSek(check))) : w.nothingAdded];
  for (const i of items.filter((x) => !x.added)) parts.push(`${w.no} ${i.id} ${i.choice}`);
  return { heading, status: 'checked', summary: `${w.found(items.length)} ${window}: ${parts.join('; ')}.`, window, checkedAt, items, detail: null, sources };
}
