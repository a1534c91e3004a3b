import type { RouteId } from '../../../engine/answers-schema';
import { formatValue, langs, type Lang } from '../../../engine/format';
import type { Outcome } from '../../../engine/outcome';
import type { Localized } from '../../../engine/ruleset-schema';
import { lowerFirst, type DecisionTreeModel, type RuleParameter } from '../decision-tree/decision-tree-model';

/** One decisive question on the wall, with the amounts it turns on. */
export type WallQuestion = {
  ruleId: string;
  /** The rule's title as a question, the amount woven in where the title names the limit: "Lågt värde (under direktupphandlingsgränsen 700 000 kr)". */
  question: Localized;
  /** The limits the title does not name, each as "Andelskravet för reserverad upphandling: 30 %". */
  figures: Localized[];
  legalBasis: string;
};

export type WallGroup = { kind: 'requirement' | 'ground'; questions: WallQuestion[] };

export type WallRoute = {
  route: RouteId;
  name: Localized;
  legalBasis: string;
  /** Its place in the rule set's order of preference (1 = tried first), or null. */
  order: number | null;
  /** The route the scenario's outcome recommends. */
  recommended: boolean;
  groups: WallGroup[];
};

/** "700 000 kr", "3 år" kept on one line: a figure split from its unit reads wrong across a room. */
const amount = (p: RuleParameter, lang: Lang) => formatValue(p.value, p.unit, lang).replace(/ /g, '\u00a0');

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where in `title` a limit called `name` is named: its full name, else its head word ("tröskelvärdet"); the index after it. */
function namedAt(title: string, name: string): number | null {
  const full = title.toLowerCase().indexOf(name.toLowerCase());
  if (full >= 0) return full + name.length;
  const head = name.split(/\s+/)[0] ?? '';
  // Only a long head word of a longer name: "gränsen" alone could be any limit.
  if (head === name || head.length < 8) return null;
  const match = new RegExp(`(^|[^\\p{L}])${escape(head)}(?![\\p{L}])`, 'iu').exec(title);
  return match ? match.index + match[1]!.length + head.length : null;
}

/**
 * A rule's title with the amounts it turns on: each limit's value goes in right after the title names the limit,
 * so the wall reads "under direktupphandlingsgränsen 700 000 kr"; a limit the title does not name becomes a line
 * of its own. The values are the ones in force on the decision date, formatted as the engine formats them.
 */
export function questionWithFigures(title: Localized, parameters: RuleParameter[]): Pick<WallQuestion, 'question' | 'figures'> {
  const question = { ...title };
  const figures: Localized[] = [];
  for (const p of parameters) {
    const at = Object.fromEntries(langs.map((lang) => [lang, namedAt(question[lang], lowerFirst(p.label[lang]))])) as Record<Lang, number | null>;
    // Woven in only where both languages name it, so neither prints the amount twice or not at all.
    if (langs.every((lang) => at[lang] !== null)) {
      for (const lang of langs) question[lang] = `${question[lang].slice(0, at[lang]!)} ${amount(p, lang)}${question[lang].slice(at[lang]!)}`;
    } else {
      figures.push(Object.fromEntries(langs.map((lang) => [lang, `${p.label[lang]}: ${amount(p, lang)}`])) as Localized);
    }
  }
  return { question, figures };
}

/**
 * The wall sheet's routes: each route's requirements and grounds as questions with their amounts, for the rules in
 * force on the model's date. With a scenario's outcome, the amounts are the engine's for that scenario and the
 * route it recommends comes first, the others after it in the rule set's order of preference.
 */
export function wallRoutes(model: DecisionTreeModel, outcome: Outcome | null = null): WallRoute[] {
  const used = new Map<string, RuleParameter[]>();
  for (const route of outcome?.routes ?? []) for (const reason of route.trace) used.set(reason.ruleId, reason.parameters);
  const recommended = outcome?.recommendation.route ?? null;
  const routes = model.routes.map(
    (route): WallRoute => ({
      route: route.route,
      name: route.name,
      legalBasis: route.legalBasis,
      order: route.order,
      recommended: route.route === recommended,
      groups: route.groups
        .filter((g): g is typeof g & { groupKind: WallGroup['kind'] } => g.groupKind !== 'follow-up')
        .map((group) => ({
          kind: group.groupKind,
          questions: group.rules.map((rule) => ({
            ruleId: rule.ruleId,
            legalBasis: rule.legalBasis,
            ...questionWithFigures(rule.title, used.get(rule.ruleId) ?? rule.parameters),
          })),
        })),
    }),
  );
  return [...routes.filter((r) => r.recommended), ...routes.filter((r) => !r.recommended)];
}

/**
 * How much a route has to say on the wall, roughly the area its text takes at print sizes (a question counts
 * full, a figure line and a legal basis less, as they print smaller): the printed columns share the width in
 * this proportion, so a route with three long grounds gets a wider column than one with a single requirement
 * and every column ends at about the same height.
 */
export function wallWeight(route: WallRoute, lang: Lang): number {
  const questions = route.groups.flatMap((g) => g.questions);
  // Every paragraph also leaves the end of its last line empty: about half a line, counted as characters.
  const paragraph = 12;
  const text =
    route.name[lang].length * 1.4 +
    route.legalBasis.length * 0.35 +
    route.groups.length * paragraph +
    questions.reduce(
      (n, q) => n + q.question[lang].length + paragraph + q.figures.reduce((m, f) => m + (f[lang].length + paragraph) * 0.6, 0) + (q.legalBasis.length + paragraph) * 0.35,
      0,
    );
  return Math.round(text);
}
