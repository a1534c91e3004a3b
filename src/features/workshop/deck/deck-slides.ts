import type { RouteId } from '../../../engine/answers-schema';
import type { Localized } from '../../../engine/ruleset-schema';
import type { JudgedScenario } from '../scenario-outcome';

/** One slide of a scenario's deck. Steps and what-ifs come twice: first the question, then its answer. */
export type Slide =
  | { kind: 'story' }
  | { kind: 'step'; step: number; answers: boolean }
  | { kind: 'answers' }
  | { kind: 'reveal' }
  | { kind: 'route'; route: RouteId }
  | { kind: 'what-if'; index: number; shown: boolean }
  | { kind: 'tree' }
  | { kind: 'take-away' };

/** The 30-minute plan (docs/workshop.md): which minutes each kind of slide belongs to. */
export type PlanPhase = { id: 'story' | 'questions' | 'reveal' | 'what-if' | 'tree' | 'take-away'; from: number; to: number; text: Localized };

export const sessionPlan: PlanPhase[] = [
  { id: 'story', from: 0, to: 3, text: { sv: 'Läs berättelsen högt och dela ut sidan 1.', en: 'Read the story aloud and hand out page 1.' } },
  { id: 'questions', from: 3, to: 13, text: { sv: 'Guidens frågor steg för steg: låt gruppen svara, visa sedan svaret.', en: "The guide's questions step by step: let the group answer, then show the answer." } },
  {
    id: 'reveal',
    from: 13,
    to: 20,
    text: { sv: 'Vilka vägar är tillåtna, och varför? Låt mobilerna svara, visa sedan facit och gå igenom varför / varför inte.', en: 'Which routes are allowed, and why? Let the phones answer, then reveal and go through why / why not.' },
  },
  { id: 'what-if', from: 20, to: 26, text: { sv: 'Två "tänk om": låt gruppen gissa, visa sedan vad som ändras.', en: 'Two what-ifs: let the group guess, then show what changes.' } },
  { id: 'tree', from: 26, to: 29, text: { sv: 'Beslutsträdet: var svaren leder i reglerna.', en: 'The decision tree: where the answers lead in the rules.' } },
  { id: 'take-away', from: 29, to: 30, text: { sv: 'Sammanfatta med lärdomen.', en: 'Sum up with the teaching point.' } },
];

export function phaseOf(slide: Slide): PlanPhase {
  const id: PlanPhase['id'] =
    slide.kind === 'story'
      ? 'story'
      : slide.kind === 'step'
        ? 'questions'
        : slide.kind === 'answers' || slide.kind === 'reveal' || slide.kind === 'route'
          ? 'reveal'
          : slide.kind === 'what-if'
            ? 'what-if'
            : slide.kind === 'tree'
              ? 'tree'
              : 'take-away';
  return sessionPlan.find((p) => p.id === id)!;
}

/** The deck: the story, each step's questions then answers, the groups' answers, the reveal, why per route, what-ifs, the tree and the take-away. */
export function deckSlides(judged: JudgedScenario): Slide[] {
  const slides: Slide[] = [{ kind: 'story' }];
  judged.steps.forEach((_, step) => slides.push({ kind: 'step', step, answers: false }, { kind: 'step', step, answers: true }));
  slides.push({ kind: 'answers' }, { kind: 'reveal' });
  for (const route of judged.outcome.routes) slides.push({ kind: 'route', route: route.route });
  (judged.scenario.whatIfs ?? []).forEach((_, index) => slides.push({ kind: 'what-if', index, shown: false }, { kind: 'what-if', index, shown: true }));
  slides.push({ kind: 'tree' }, { kind: 'take-away' });
  return slides;
}

/** A slide's title for the trainer's list and the screen reader's announcement. */
export function slideTitle(slide: Slide, judged: JudgedScenario, stepTitle: (index: number) => Localized): Localized {
  switch (slide.kind) {
    case 'story':
      return { sv: 'Berättelsen', en: 'The story' };
    case 'step': {
      const title = stepTitle(slide.step);
      return slide.answers ? { sv: `${title.sv}: svaren`, en: `${title.en}: the answers` } : title;
    }
    case 'answers':
      return { sv: 'Gruppernas svar', en: "The groups' answers" };
    case 'reveal':
      return { sv: 'Facit: de fyra vägarna', en: 'The answer key: the four routes' };
    case 'route': {
      const name = judged.outcome.routes.find((r) => r.route === slide.route)!.name;
      return { sv: `Varför / varför inte: ${name.sv}`, en: `Why / why not: ${name.en}` };
    }
    case 'what-if': {
      const label = judged.scenario.whatIfs![slide.index]!.label;
      return slide.shown ? { sv: `Tänk om: ${label.sv} – svaret`, en: `What if: ${label.en} – the answer` } : { sv: `Tänk om: ${label.sv}`, en: `What if: ${label.en}` };
    }
    case 'tree':
      return { sv: 'Beslutsträdet', en: 'The decision tree' };
    case 'take-away':
      return { sv: 'Att ta med sig', en: 'To take home' };
  }
}
