import { verdictWords } from '../../../components/verdict-badge';
import type { Lang } from '../../../engine/format';
import type { Localized } from '../../../engine/ruleset-schema';
import type {
  ConditionLine,
  DecisionTreeModel,
  GroupNodeModel,
  Mark,
  RouteNodeModel,
  RuleNodeModel,
  StateNodeModel,
  TransitionModel,
  TreeHighlight,
  VerdictNodeModel,
} from './decision-tree-model';

/**
 * Places the decision tree for an SVG: the wizard's states in a layered row (ranked by the longest path along the
 * machine's forward transitions, so a new state finds its own place), and under them one column per route, a tree
 * of its rule groups, rules and verdicts. Text is wrapped by an estimate of its width; no DOM is measured, so the
 * layout is pure and the same in tests, on screen and on a projector.
 */

export const FONT = 15;
export const SMALL = 13;
const LINE = 20;
const SMALL_LINE = 17;
const PAD = 10;
const MARGIN = 20;
const STATE_W = 170;
const STATE_GAP = 36;
const COL_MIN_W = 320;
const COL_GAP = 28;
const SPINE = 10;
const INDENT = 22;

export type LineClass = 'title' | 'meta' | 'cond' | 'result' | 'head';
export type TextLine = { text: string; x: number; y: number; cls: LineClass; mark?: Mark | undefined; small?: boolean };
export type PlacedKind = 'state' | 'route' | 'group' | 'rule' | 'verdict';
export type PlacedNode = {
  id: string;
  kind: PlacedKind;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: TextLine[];
  /** For rules: held/failed/unknown/inactive; for states, verdicts and routes: on the answers' path or not. */
  mark?: Mark | undefined;
  onPath?: boolean | undefined;
  /** Extra class words: the rule kind, the verdict, skippable … */
  tags: string[];
};
export type PlacedEdge = {
  id: string;
  kind: 'start' | 'forward' | 'skip' | 'back' | 'bus' | 'tree';
  d: string;
  label?: { text: string; x: number; y: number; anchor?: 'start' | 'middle' } | undefined;
  onPath?: boolean | undefined;
  arrow: boolean;
};
export type TreeLayout = { width: number; height: number; nodes: PlacedNode[]; edges: PlacedEdge[] };

/** Characters that fit in a width at a font size (an average glyph is a little over half the size). */
const charsFor = (width: number, size: number, bold = false) => Math.max(8, Math.floor(width / (size * (bold ? 0.66 : 0.58))));

/** Breaks text at ordinary spaces (never inside "700 000 kr", which is joined by no-break spaces). */
export function wrap(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  // An amount stays with its unit: "615 312 kr", "30 %", "3 år".
  const glued = text.replace(/(\d) (?=(?:kr|år|%|euro|years?|SEK)(?!\p{L}))/gu, '$1\u00a0');
  for (const word of glued.split(/[ \t\n]+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > maxChars) {
      if (line) lines.push(line);
      lines.push(rest.slice(0, maxChars - 1) + '-');
      line = '';
      rest = rest.slice(maxChars - 1);
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= maxChars) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

const markSymbol: Record<Mark, string> = { held: '✓', failed: '✗', unknown: '?', inactive: '–' };

export const markWords: Record<Mark, Localized> = {
  held: { sv: 'gäller', en: 'holds' },
  failed: { sv: 'gäller inte', en: 'does not hold' },
  unknown: { sv: 'svar saknas', en: 'answer missing' },
  inactive: { sv: 'inte i kraft', en: 'not in force' },
};
export const followUpWords: Record<Mark, Localized> = {
  held: { sv: 'visas', en: 'shown' },
  failed: { sv: 'visas inte', en: 'not shown' },
  unknown: { sv: 'kan bli aktuell', en: 'may apply' },
  inactive: { sv: 'inte i kraft', en: 'not in force' },
};
export const ruleKindWords: Record<RuleNodeModel['ruleKind'], Localized> = {
  ground: { sv: 'Grund', en: 'Ground' },
  requirement: { sv: 'Krav', en: 'Requirement' },
  obligation: { sv: 'Skyldighet', en: 'Obligation' },
  caution: { sv: 'Varning', en: 'Caution' },
};
const statusFlags: Record<string, Localized> = {
  secondary: { sv: 'andrahandskälla', en: 'secondary source' },
  unverified: { sv: 'ej verifierad', en: 'unverified' },
  constructed: { sv: 'egen sammanställning', en: 'our own synthesis' },
};

/** Stacks text blocks into a node's lines, from the top padding down; returns the height used. */
class LineStack {
  readonly lines: TextLine[] = [];
  private y = PAD;
  constructor(
    private readonly width: number,
    private readonly lang: Lang,
  ) {}
  add(text: string, cls: LineClass, opts: { indent?: number; mark?: Mark | undefined; small?: boolean; bold?: boolean } = {}) {
    const indent = opts.indent ?? 0;
    const size = opts.small ? SMALL : FONT;
    const step = opts.small ? SMALL_LINE : LINE;
    const wrapped = wrap(text, charsFor(this.width - 2 * PAD - indent, size, opts.bold ?? cls === 'title'));
    wrapped.forEach((part, i) => {
      this.y += step;
      this.lines.push({ text: part, x: PAD + indent + (i > 0 && cls === 'cond' ? 14 : 0), y: this.y - 5, cls, mark: i === 0 ? opts.mark : undefined, small: opts.small });
    });
  }
  gap(px: number) {
    this.y += px;
  }
  get height() {
    return this.y + PAD;
  }
  t(text: Localized) {
    return text[this.lang];
  }
}

function conditionBlock(stack: LineStack, lines: ConditionLine[], marks: Map<string, Mark> | undefined, lang: Lang): void {
  for (const line of lines) {
    const mark = marks?.get(line.path);
    const prefix = marks ? `${mark ? markSymbol[mark] : '·'} ` : '';
    stack.add(prefix + line.text[lang], line.kind === 'applies' || line.kind === 'condition' ? 'head' : 'cond', { indent: line.depth * 14, mark, small: true });
  }
}

// ——— The flow: a layered layout of the machine's states ———

/** Ranks by the longest path along the transitions that go onwards (start, forward, skip); others do not rank. */
export function rankStates(states: StateNodeModel[], transitions: TransitionModel[]): Map<string, number> {
  const onwards = transitions.filter((t) => t.direction === 'start' || t.direction === 'forward' || t.direction === 'skip');
  const rank = new Map(states.map((s) => [s.id, 0]));
  // Bellman–Ford style relaxation: at most |states| rounds on a graph without cycles.
  for (let round = 0; round < states.length; round++) {
    let changed = false;
    for (const t of onwards) {
      const next = (rank.get(t.from) ?? 0) + 1;
      if (rank.has(t.to) && next > rank.get(t.to)! && next < states.length) {
        rank.set(t.to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return rank;
}

function layoutFlow(model: DecisionTreeModel, lang: Lang, highlight: TreeHighlight | undefined) {
  const rank = rankStates(model.states, model.transitions);
  const ranks = [...new Set(rank.values())].sort((a, b) => a - b);
  const stepNo = new Map((highlight?.path ?? []).map((id, i) => [id, i]));
  const pathStart = highlight?.path[0];

  const stacks = new Map<string, LineStack>();
  for (const state of model.states) {
    const stack = new LineStack(STATE_W, lang);
    stack.add(state.label[lang], 'title');
    if (state.questions.length > 0) {
      stack.add(lang === 'sv' ? `${state.questions.length} frågor` : `${state.questions.length} questions`, 'meta', { small: true });
    }
    if (state.skippable) stack.add(lang === 'sv' ? 'hoppas över när ingen fråga behövs' : 'skipped when no question is needed', 'meta', { small: true });
    if (highlight) {
      const n = stepNo.get(state.id);
      const text =
        n === undefined
          ? lang === 'sv'
            ? 'inte på svarens väg'
            : 'not on the answers’ path'
          : state.id === pathStart
            ? lang === 'sv'
              ? 'svaren börjar här'
              : 'the answers start here'
            : lang === 'sv'
              ? `svarens steg ${n}`
              : `the answers’ step ${n}`;
      stack.add(text, 'result', { small: true, mark: n === undefined ? 'inactive' : 'held' });
    }
    stacks.set(state.id, stack);
  }
  const height = Math.max(...[...stacks.values()].map((s) => s.height));

  // Order within a rank by the mean position of the states leading to it (barycentre), then by the machine's order.
  const order = new Map(model.states.map((s, i) => [s.id, i]));
  const y0 = MARGIN + 40;
  const nodes: PlacedNode[] = [];
  const pos = new Map<string, PlacedNode>();
  for (const r of ranks) {
    const inRank = model.states.filter((s) => rank.get(s.id) === r);
    const bary = (s: StateNodeModel) => {
      const preds = model.transitions.filter((t) => t.to === s.id && t.direction !== 'back' && t.direction !== 'self' && pos.has(t.from));
      return preds.length === 0 ? order.get(s.id)! : preds.reduce((sum, t) => sum + pos.get(t.from)!.y, 0) / preds.length;
    };
    inRank.sort((a, b) => bary(a) - bary(b) || order.get(a.id)! - order.get(b.id)!);
    inRank.forEach((state, i) => {
      const stack = stacks.get(state.id)!;
      const node: PlacedNode = {
        id: state.id,
        kind: 'state',
        x: MARGIN + ranks.indexOf(r) * (STATE_W + STATE_GAP),
        y: y0 + i * (height + 70),
        w: STATE_W,
        h: height,
        lines: stack.lines,
        onPath: highlight ? stepNo.has(state.id) : undefined,
        tags: [state.initial ? 'initial' : '', state.skippable ? 'skippable' : '', state.terminal ? 'terminal' : ''].filter(Boolean),
      };
      nodes.push(node);
      pos.set(state.id, node);
    });
  }

  const onPath = new Set(highlight?.pathTransitions ?? []);
  const skippable = new Set(model.states.filter((s) => s.skippable).map((s) => s.id));
  const label = (id: string) => model.states.find((s) => s.id === id)?.label[lang] ?? id;
  const edges: PlacedEdge[] = [];
  for (const t of model.transitions) {
    const a = pos.get(t.from);
    const b = pos.get(t.to);
    if (!a || !b || t.direction === 'self') continue;
    const taken = onPath.has(t.id);
    if (t.direction === 'start' || t.direction === 'forward') {
      // The first transition the machine tries, and any the answers take.
      if (!t.primary && !taken) continue;
      const ya = a.y + Math.min(a.h, b.h) / 2;
      const yb = b.y + Math.min(a.h, b.h) / 2;
      edges.push({ id: t.id, kind: t.direction, d: `M${a.x + a.w},${ya} C${a.x + a.w + 18},${ya} ${b.x - 18},${yb} ${b.x - 2},${yb}`, onPath: taken, arrow: true });
    } else if (t.direction === 'skip') {
      // A skip is drawn where every state it passes over can be skipped, or where the answers take it.
      if (!taken && !t.skips.every((s) => skippable.has(s))) continue;
      const top = Math.min(a.y, b.y) - 22;
      const text = lang === 'sv' ? `om ${t.skips.map(label).join(', ')} inte behövs` : `if ${t.skips.map(label).join(', ')} is not needed`;
      edges.push({
        id: t.id,
        kind: 'skip',
        d: `M${a.x + a.w / 2},${a.y} L${a.x + a.w / 2},${top} L${b.x + b.w / 2},${top} L${b.x + b.w / 2},${b.y - 2}`,
        label: { text, x: (a.x + a.w / 2 + b.x + b.w / 2) / 2, y: top - 6 },
        onPath: taken,
        arrow: true,
      });
    } else if (t.direction === 'back' && t.primary) {
      const bottom = Math.max(a.y + a.h, b.y + b.h) + 18;
      const ax = a.x + a.w / 2 - 12;
      const bx = b.x + b.w / 2 + 12;
      edges.push({
        id: t.id,
        kind: 'back',
        d: `M${ax},${a.y + a.h} L${ax},${bottom} L${bx},${bottom} L${bx},${b.y + b.h + 2}`,
        label: { text: t.eventLabel[lang].toLowerCase(), x: (ax + bx) / 2, y: bottom + 14 },
        arrow: true,
      });
    }
  }
  const width = MARGIN * 2 + ranks.length * STATE_W + (ranks.length - 1) * STATE_GAP;
  const bottom = Math.max(...nodes.map((n) => n.y + n.h)) + 40;
  return { nodes, edges, width, bottom };
}

// ——— The routes: one column each ———

function routeNode(route: RouteNodeModel, x: number, y: number, w: number, lang: Lang, highlight: TreeHighlight | undefined): PlacedNode {
  const stack = new LineStack(w, lang);
  stack.add(`${route.order ?? '–'}. ${route.name[lang]}`, 'title');
  stack.add(route.legalBasis, 'meta', { small: true });
  if (route.order !== null) {
    stack.add(
      lang === 'sv' ? `Rekommenderas som nummer ${route.order} i ordningen om den är tillåten` : `Recommended as number ${route.order} in order if allowed`,
      'meta',
      { small: true },
    );
  }
  if (route.recommendWhen.length > 0) {
    stack.add(lang === 'sv' ? 'och om:' : 'and if:', 'head', { small: true });
    conditionBlock(stack, route.recommendWhen, undefined, lang);
  }
  const verdict = highlight?.verdicts.get(route.route);
  if (highlight) stack.add(`${lang === 'sv' ? 'Bedömning' : 'Verdict'}: ${verdict ? verdictWords[verdict][lang] : '–'}`, 'result', { bold: true });
  return { id: route.id, kind: 'route', x, y, w, h: stack.height, lines: stack.lines, tags: verdict ? [`verdict-${verdict}`] : [], onPath: highlight ? verdict !== undefined : undefined };
}

function groupNode(group: GroupNodeModel, x: number, y: number, w: number, lang: Lang): PlacedNode {
  const stack = new LineStack(w, lang);
  stack.add(group.label[lang], 'title');
  return { id: group.id, kind: 'group', x, y, w, h: stack.height, lines: stack.lines, tags: [group.groupKind] };
}

function ruleNode(rule: RuleNodeModel, x: number, y: number, w: number, lang: Lang, highlight: TreeHighlight | undefined, date: string | null): PlacedNode {
  const stack = new LineStack(w, lang);
  const result = highlight?.rules.get(rule.id);
  const mark: Mark | undefined = rule.inForce === false ? 'inactive' : result?.mark;
  stack.add(rule.title[lang], 'title');
  const flag = statusFlags[rule.status];
  stack.add(`${ruleKindWords[rule.ruleKind][lang]} · ${rule.legalBasis}${flag ? ` (${flag[lang]})` : ''}`, 'meta', { small: true });
  if (rule.inForce === false || rule.validTo !== null || (date !== null && rule.validFrom > date)) {
    const to = rule.validTo ?? (lang === 'sv' ? 'tills vidare' : 'until further notice');
    stack.add(`${lang === 'sv' ? 'Gäller' : 'In force'} ${rule.validFrom} – ${to}${rule.inForce === false ? (lang === 'sv' ? ' (inte på datumet)' : ' (not on the date)') : ''}`, 'meta', { small: true });
  }
  if (rule.shownOn) {
    const on = rule.shownOn.map((v) => verdictWords[v][lang].toLowerCase()).join(lang === 'sv' ? ' eller ' : ' or ');
    stack.add(`${lang === 'sv' ? 'Visas när vägen är' : 'Shown when the route is'} ${on}`, 'meta', { small: true });
  }
  if (rule.lines.length > 0) {
    stack.gap(2);
    conditionBlock(stack, rule.lines, highlight && rule.inForce !== false ? (result?.lines ?? new Map()) : undefined, lang);
  }
  if (highlight) {
    const words = rule.shownOn ? followUpWords : markWords;
    const m = mark ?? 'unknown';
    stack.gap(2);
    stack.add(`${markSymbol[m]} ${lang === 'sv' ? 'För svaren' : 'For the answers'}: ${words[m][lang]}`, 'result', { mark: m, bold: true });
  }
  return { id: rule.id, kind: 'rule', x, y, w, h: stack.height, lines: stack.lines, mark, tags: [rule.ruleKind, rule.inForce === false ? 'inactive' : ''].filter(Boolean) };
}

function verdictNode(verdict: VerdictNodeModel, x: number, y: number, w: number, lang: Lang, highlight: TreeHighlight | undefined): PlacedNode {
  const stack = new LineStack(w, lang);
  const actual = highlight?.verdicts.get(verdict.route);
  const reached = actual === verdict.verdict || (actual === 'recommended' && verdict.verdict === 'allowed');
  stack.add(`${verdictWords[verdict.verdict][lang]}: ${verdict.when[lang]}`, 'title');
  if (highlight) {
    const text = reached
      ? actual === 'recommended'
        ? lang === 'sv'
          ? '➜ Här hamnar svaren – och vägen rekommenderas'
          : '➜ The answers end here – and the route is recommended'
        : lang === 'sv'
          ? '➜ Här hamnar svaren'
          : '➜ The answers end here'
      : '';
    stack.add(text || ' ', 'result', { small: true, mark: reached ? 'held' : undefined });
  }
  return { id: verdict.id, kind: 'verdict', x, y, w, h: stack.height, lines: stack.lines, onPath: highlight ? reached : undefined, tags: [verdict.verdict] };
}

const treeEdge = (id: string, x1: number, y1: number, x2: number, y2: number, onPath?: boolean): PlacedEdge => ({
  id,
  kind: 'tree',
  d: `M${x1},${y1} L${x1},${y2} L${x2 - 2},${y2}`,
  arrow: true,
  onPath,
});

function layoutColumn(route: RouteNodeModel, x: number, top: number, w: number, lang: Lang, highlight: TreeHighlight | undefined, date: string | null, followUps: boolean) {
  const nodes: PlacedNode[] = [];
  const edges: PlacedEdge[] = [];
  const head = routeNode(route, x, top, w, lang, highlight);
  nodes.push(head);
  let y = head.y + head.h + 16;
  const spine = x + SPINE;
  const placeGroup = (group: GroupNodeModel) => {
    const g = groupNode(group, x + INDENT, y, w - INDENT, lang);
    nodes.push(g);
    edges.push(treeEdge(`e:${g.id}`, spine, head.y + head.h, g.x, g.y + g.h / 2));
    y = g.y + g.h + 10;
    const sub = g.x + SPINE;
    for (const rule of group.rules) {
      const r = ruleNode(rule, g.x + INDENT, y, g.w - INDENT, lang, highlight, date);
      nodes.push(r);
      edges.push(treeEdge(`e:${r.id}`, sub, g.y + g.h, r.x, r.y + 16));
      y = r.y + r.h + 10;
    }
    y += 8;
  };
  for (const group of route.groups.filter((g) => g.groupKind !== 'follow-up')) placeGroup(group);
  for (const verdict of route.verdicts) {
    const v = verdictNode(verdict, x + INDENT, y, w - INDENT, lang, highlight);
    nodes.push(v);
    edges.push(treeEdge(`e:${v.id}`, spine, head.y + head.h, v.x, v.y + v.h / 2, v.onPath));
    y = v.y + v.h + 8;
  }
  y += 10;
  if (followUps) for (const group of route.groups.filter((g) => g.groupKind === 'follow-up')) placeGroup(group);
  return { nodes, edges, bottom: y };
}

/** Positions for every node and the path of every drawn edge, in the SVG's own units. */
export type LayoutOptions = {
  /** Draw each route's obligations and cautions below its verdicts too (they make the picture much taller). */
  followUps?: boolean;
};

export function layoutDecisionTree(model: DecisionTreeModel, lang: Lang, highlight?: TreeHighlight, options: LayoutOptions = {}): TreeLayout {
  const flow = layoutFlow(model, lang, highlight);
  const columns = Math.max(1, model.routes.length);
  const width = Math.max(flow.width, MARGIN * 2 + columns * COL_MIN_W + (columns - 1) * COL_GAP);
  const colW = (width - MARGIN * 2 - (columns - 1) * COL_GAP) / columns;
  const busY = flow.bottom + 34;
  const top = busY + 30;
  const nodes = [...flow.nodes];
  const edges = [...flow.edges];

  // From the state(s) where the flow ends, down to every route: the engine judges them all.
  const terminals = flow.nodes.filter((n) => n.tags.includes('terminal'));
  const onPath = highlight ? highlight.path.some((id) => terminals.some((t) => t.id === id)) : undefined;
  const colX = (i: number) => MARGIN + i * (colW + COL_GAP);
  if (terminals.length > 0 && model.routes.length > 0) {
    const t = terminals[0]!;
    const from = t.x + t.w / 2;
    const xs = model.routes.map((_, i) => colX(i) + colW / 2);
    edges.push({
      id: 'bus',
      kind: 'bus',
      d: `M${from},${t.y + t.h} L${from},${busY} M${Math.min(from, ...xs)},${busY} L${Math.max(from, ...xs)},${busY}`,
      label: {
        text: lang === 'sv' ? 'Motorn prövar varje väg mot reglerna (i rekommendationsordning):' : 'The engine judges every route against the rules (in recommendation order):',
        x: MARGIN,
        y: busY - 8,
        anchor: 'start',
      },
      onPath,
      arrow: false,
    });
    xs.forEach((x, i) => edges.push({ id: `bus:${model.routes[i]!.id}`, kind: 'bus', d: `M${x},${busY} L${x},${top - 2}`, onPath, arrow: true }));
  }
  let bottom = top;
  model.routes.forEach((route, i) => {
    const column = layoutColumn(route, colX(i), top, colW, lang, highlight, model.date, options.followUps ?? false);
    nodes.push(...column.nodes);
    edges.push(...column.edges);
    bottom = Math.max(bottom, column.bottom);
  });
  return { width: Math.ceil(width), height: Math.ceil(bottom + MARGIN), nodes, edges };
}
