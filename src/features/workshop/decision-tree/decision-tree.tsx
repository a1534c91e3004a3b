import { verdictWords } from '../../../components/verdict-badge';
import { Heading, HeadingLevel } from '../../../components/heading';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Answers } from '../../../engine/answers-schema';
import type { Lang } from '../../../engine/format';
import type { Ruleset } from '../../../engine/ruleset';
import type { Localized } from '../../../engine/ruleset-schema';
import { useI18n } from '../workshop-i18n';
import { browserRuleset } from '../../../rules-data/browser-ruleset';
import { FONT, SMALL, followUpWords, layoutDecisionTree, markWords, ruleKindWords, type PlacedNode } from './decision-tree-layout';
import { deriveDecisionTree, traceAnswers, type ConditionLine, type DecisionTreeModel, type Mark, type TreeHighlight } from './decision-tree-model';
import './decision-tree.css';

export type DecisionTreeProps = {
  /** The level of the component's top heading in the page it sits in (h2 by default). */
  headingLevel?: number;
  /** Answers to follow through the tree: the wizard's path and each rule's result are marked. */
  answers?: Answers;
  /** The rule set to draw; the app's bundled one by default. */
  ruleset?: Ruleset;
};

const zoomSteps = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4];
const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * The wizard's flow and the rules of every route, drawn from the wizard's XState machine and the rule set
 * themselves so it never goes out of date: an SVG that scales for a projector (zoom buttons, + and − keys, full
 * screen), with the same tree as a nested list behind a toggle. Given answers, it marks the path they take through
 * the wizard and whether each rule's conditions held, failed or could not be judged (in words and line style,
 * not colour alone).
 */
export function DecisionTree({ headingLevel = 2, ...props }: DecisionTreeProps) {
  return (
    <HeadingLevel level={headingLevel}>
      <DecisionTreeBody {...props} />
    </HeadingLevel>
  );
}

function DecisionTreeBody({ answers, ruleset = browserRuleset }: DecisionTreeProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const figure = useRef<HTMLDivElement>(null);
  const [chosenDate, setChosenDate] = useState(todayIso);
  const [showInactive, setShowInactive] = useState(false);
  const [followUps, setFollowUps] = useState(false);
  const [zoom, setZoom] = useState(1);
  const [asText, setAsText] = useState(false);
  const date = answers?.decisionDate ?? chosenDate;

  const model = useMemo(() => deriveDecisionTree(ruleset, { date, includeInactive: showInactive }), [ruleset, date, showInactive]);
  const highlight = useMemo(() => (answers ? traceAnswers(model, ruleset, answers) : undefined), [model, ruleset, answers]);
  const layout = useMemo(() => layoutDecisionTree(model, lang, highlight, { followUps }), [model, lang, highlight, followUps]);

  const stepZoom = (dir: 1 | -1) =>
    setZoom((z) => {
      const i = zoomSteps.findIndex((s) => s >= z);
      return zoomSteps[Math.min(zoomSteps.length - 1, Math.max(0, (i < 0 ? zoomSteps.length - 1 : i) + dir))]!;
    });
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === '+' || e.key === '=') stepZoom(1);
    else if (e.key === '-') stepZoom(-1);
    else if (e.key === '0') setZoom(1);
    else return;
    e.preventDefault();
  };
  const canFullscreen = typeof document !== 'undefined' && document.fullscreenEnabled === true;

  const ruleCount = model.routes.reduce((n, r) => n + r.groups.reduce((m, g) => m + g.rules.length, 0), 0);
  const stateLabel = (stateId: string) => model.states.find((s) => s.id === stateId)?.label[lang] ?? stateId;
  const summary = t({
    sv: `Guidens ${model.states.length} tillstånd och ${ruleCount} regler för ${model.routes.length} vägar, som de gäller ${date}.`,
    en: `The guide's ${model.states.length} states and ${ruleCount} rules for ${model.routes.length} routes, as in force on ${date}.`,
  });
  const pathText = highlight
    ? t({ sv: 'Svarens väg genom guiden: ', en: 'The answers’ path through the guide: ' }) +
      highlight.path.map(stateLabel).join(' → ') +
      '. ' +
      model.routes.map((r) => `${r.name[lang]}: ${verdictText(highlight, r.route, lang)}`).join('; ') +
      '.'
    : '';
  const forwardLegend = legendFor(model, 'forward', lang);
  const backLegend = legendFor(model, 'back', lang);

  return (
    <section className="decision-tree" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>{t({ sv: 'Beslutsträdet', en: 'The decision tree' })}</Heading>
      <p className="decision-tree__intro">
        {t({
          sv: 'Ritat direkt ur guidens tillståndsmaskin och ur regelverket, så det ändras när reglerna ändras. ',
          en: 'Drawn straight from the guide’s state machine and the rule set, so it changes when the rules change. ',
        })}
        {summary} {t({ sv: `Regelverk ${model.rulesetVersion}.`, en: `Rule set ${model.rulesetVersion}.` })}
      </p>

      <div className="decision-tree__toolbar">
        <div role="group" aria-label={t({ sv: 'Förstoring', en: 'Zoom' })} className="decision-tree__zoom">
          <button type="button" className="button button--secondary button--small" onClick={() => stepZoom(-1)} disabled={zoom <= zoomSteps[0]!}>
            {t({ sv: 'Zooma ut', en: 'Zoom out' })}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => stepZoom(1)} disabled={zoom >= zoomSteps.at(-1)!}>
            {t({ sv: 'Zooma in', en: 'Zoom in' })}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setZoom(1)} disabled={zoom === 1}>
            {t({ sv: 'Hela bredden', en: 'Fit the width' })}
          </button>
          <span aria-live="polite" className="decision-tree__zoom-level">
            {t({ sv: 'Förstoring', en: 'Zoom' })}: {Math.round(zoom * 100)} %
          </span>
        </div>
        {canFullscreen ? (
          <button type="button" className="button button--secondary button--small" onClick={() => void figure.current?.requestFullscreen()}>
            {t({ sv: 'Helskärm (för projektor)', en: 'Full screen (for a projector)' })}
          </button>
        ) : null}
        <button type="button" className="button button--secondary button--small" aria-expanded={asText} aria-controls={`${id}-text`} onClick={() => setAsText((v) => !v)}>
          {asText ? t({ sv: 'Dölj trädet som text', en: 'Hide the tree as text' }) : t({ sv: 'Visa trädet som text', en: 'Show the tree as text' })}
        </button>
      </div>

      <div className="decision-tree__options">
        {answers ? (
          <p>
            {t({ sv: `Markerat: vart svaren leder, med reglerna som gäller ${date}.`, en: `Marked: where the answers lead, with the rules in force on ${date}.` })}
          </p>
        ) : (
          <label className="decision-tree__date">
            {t({ sv: 'Visa reglerna som gäller', en: 'Show the rules in force on' })}{' '}
            <input type="date" value={chosenDate} min={ruleset.manifest.coversFrom} onChange={(e) => e.target.value && setChosenDate(e.target.value)} />
          </label>
        )}
        <label className="decision-tree__check">
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />{' '}
          {t({ sv: `Visa även regler som inte gäller ${date}`, en: `Also show rules not in force on ${date}` })}
        </label>
        <label className="decision-tree__check">
          <input type="checkbox" checked={followUps} onChange={(e) => setFollowUps(e.target.checked)} />{' '}
          {t({ sv: 'Visa även skyldigheter och varningar', en: 'Also show obligations and cautions' })}
        </label>
      </div>

      <ul className="decision-tree__legend" aria-label={t({ sv: 'Teckenförklaring', en: 'Legend' })}>
        <li>
          <span className="decision-tree__swatch decision-tree__swatch--forward" aria-hidden="true" /> {forwardLegend.join('; ')}
        </li>
        <li>
          <span className="decision-tree__swatch decision-tree__swatch--back" aria-hidden="true" /> {backLegend.join('; ')}
        </li>
        {answers ? (
          <>
            <li>
              <span className="decision-tree__swatch decision-tree__swatch--held" aria-hidden="true" /> ✓ {t(markWords.held)} {t({ sv: '(heldragen ram)', en: '(solid frame)' })}
            </li>
            <li>
              <span className="decision-tree__swatch decision-tree__swatch--failed" aria-hidden="true" /> ✗ {t(markWords.failed)} {t({ sv: '(streckad ram)', en: '(dashed frame)' })}
            </li>
            <li>
              <span className="decision-tree__swatch decision-tree__swatch--unknown" aria-hidden="true" /> ? {t(markWords.unknown)} {t({ sv: '(prickad ram)', en: '(dotted frame)' })}
            </li>
          </>
        ) : null}
        <li>
          <span className="decision-tree__swatch decision-tree__swatch--inactive" aria-hidden="true" /> – {t(markWords.inactive)} {t({ sv: '(grå)', en: '(grey)' })}
        </li>
      </ul>

      <div
        ref={figure}
        className="decision-tree__viewport"
        tabIndex={0}
        role="region"
        aria-label={t({ sv: 'Beslutsträdet som bild (rulla med piltangenterna, + och − förstorar)', en: 'The decision tree as a picture (scroll with the arrow keys, + and − zoom)' })}
        onKeyDown={onKeyDown}
      >
        <svg
          className="decision-tree__svg"
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          style={{ width: `${zoom * 100}%` }}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          data-testid="decision-tree-svg"
        >
          <title id={`${id}-title`}>{t({ sv: 'Beslutsträd: guidens flöde och reglerna för varje väg', en: 'Decision tree: the guide’s flow and the rules of every route' })}</title>
          <desc id={`${id}-desc`}>
            {summary} {pathText} {t({ sv: 'Samma innehåll finns som text under knappen ”Visa trädet som text”.', en: 'The same content is available as text under the button “Show the tree as text”.' })}
          </desc>
          <defs>
            <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className="dt-arrow" />
            </marker>
            <marker id={`${id}-arrow-path`} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="14" markerHeight="14" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className="dt-arrow dt-arrow--path" />
            </marker>
          </defs>
          {layout.edges.map((edge) => (
            <g key={edge.id} className={`dt-edge dt-edge--${edge.kind}${edge.onPath ? ' is-on-path' : ''}`} data-edge={edge.id}>
              <path d={edge.d} markerEnd={edge.arrow ? `url(#${id}-arrow${edge.onPath ? '-path' : ''})` : undefined} />
              {edge.label ? (
                <text x={edge.label.x} y={edge.label.y} textAnchor={edge.label.anchor ?? 'middle'} fontSize={SMALL}>
                  {edge.label.text}
                </text>
              ) : null}
            </g>
          ))}
          {layout.nodes.map((node) => (
            <TreeNode key={node.id} node={node} />
          ))}
        </svg>
      </div>

      <div id={`${id}-text`} hidden={!asText} className="decision-tree__text">
        <TreeAsText model={model} highlight={highlight} lang={lang} followUps={followUps} />
      </div>
    </section>
  );
}

function TreeNode({ node }: { node: PlacedNode }) {
  const classes = [
    'dt-node',
    `dt-node--${node.kind}`,
    node.mark ? `dt-mark--${node.mark}` : '',
    node.onPath === true ? 'is-on-path' : node.onPath === false ? 'is-off-path' : '',
    ...node.tags.map((tag) => `dt-tag--${tag}`),
  ].filter(Boolean);
  return (
    <g className={classes.join(' ')} transform={`translate(${node.x},${node.y})`} data-node={node.id} data-mark={node.mark}>
      <rect width={node.w} height={node.h} rx={6} />
      {node.lines.map((line, i) => (
        <text key={i} x={line.x} y={line.y} fontSize={line.small ? SMALL : FONT} className={`dt-text dt-text--${line.cls}${line.mark ? ` dt-text--${line.mark}` : ''}`}>
          {line.text}
        </text>
      ))}
    </g>
  );
}

function verdictText(highlight: TreeHighlight, route: string, lang: Lang): string {
  const verdict = highlight.verdicts.get(route as never);
  return verdict ? verdictWords[verdict][lang] : lang === 'sv' ? 'kan inte bedömas' : 'cannot be judged';
}

/** The events of the drawn transitions of one direction with their guards, e.g. "Tillbaka (om steget behövs)". */
function legendFor(model: DecisionTreeModel, direction: 'forward' | 'back', lang: Lang): string[] {
  const guards = new Map<string, Set<string>>();
  for (const tr of model.transitions) {
    if (tr.direction !== direction || !tr.primary) continue;
    const set = guards.get(tr.eventLabel[lang]) ?? new Set<string>();
    if (tr.guardLabel) set.add(tr.guardLabel[lang]);
    guards.set(tr.eventLabel[lang], set);
  }
  return [...guards].map(([event, set]) => (set.size > 0 ? `${event} (${[...set].join('; ')})` : event));
}

type LineTree = { line: ConditionLine; children: LineTree[] };
function nest(lines: ConditionLine[]): LineTree[] {
  const roots: LineTree[] = [];
  const stack: LineTree[] = [];
  for (const line of lines) {
    const node = { line, children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.line.depth >= line.depth) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1]!.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

function Lines({ lines, marks, lang }: { lines: ConditionLine[]; marks?: Map<string, Mark> | undefined; lang: Lang }) {
  const render = (items: LineTree[]) => (
    <ul>
      {items.map((item) => {
        const mark = marks?.get(item.line.path);
        return (
          <li key={item.line.path}>
            {item.line.text[lang]}
            {mark ? <em className={`dt-word dt-word--${mark}`}> – {markWords[mark][lang]}</em> : null}
            {item.children.length > 0 ? render(item.children) : null}
          </li>
        );
      })}
    </ul>
  );
  return lines.length > 0 ? render(nest(lines)) : null;
}

/** The tree as nested lists: the same states, transitions, rules and verdicts as the picture. */
function TreeAsText({ model, highlight, lang, followUps }: { model: DecisionTreeModel; highlight: TreeHighlight | undefined; lang: Lang; followUps: boolean }) {
  const { t } = useI18n();
  const label = (id: string) => model.states.find((s) => s.id === id)?.label[lang] ?? id;
  const stepNo = new Map((highlight?.path ?? []).map((sid, i) => [sid, i]));
  const words = (text: Localized) => text[lang];
  return (
    <>
      <Heading offset={1}>{t({ sv: 'Guidens flöde (ur tillståndsmaskinen)', en: 'The guide’s flow (from the state machine)' })}</Heading>
      <ol>
        {model.states.map((state) => {
          const byEvent = new Map<string, typeof model.transitions>();
          for (const tr of model.transitions.filter((tr) => tr.from === state.id)) byEvent.set(tr.event, [...(byEvent.get(tr.event) ?? []), tr]);
          const n = stepNo.get(state.id);
          return (
            <li key={state.id} data-state={state.id}>
              <strong>{words(state.label)}</strong>
              {highlight ? (
                <em>
                  {' '}
                  –{' '}
                  {n === undefined
                    ? t({ sv: 'inte på svarens väg', en: 'not on the answers’ path' })
                    : n === 0
                      ? t({ sv: 'svaren börjar här', en: 'the answers start here' })
                      : t({ sv: `svarens steg ${n}`, en: `the answers’ step ${n}` })}
                </em>
              ) : null}
              {state.skippable ? t({ sv: ' (hoppas över när ingen fråga behövs)', en: ' (skipped when no question is needed)' }) : null}
              <ul>
                {state.questions.length > 0 ? (
                  <li>
                    {t({ sv: 'Frågor: ', en: 'Questions: ' })}
                    {state.questions.map(words).join('; ')}
                  </li>
                ) : null}
                {[...byEvent].map(([event, list]) => (
                  <li key={event}>
                    {words(list[0]!.eventLabel)}
                    {list[0]!.direction === 'self'
                      ? t({ sv: ' (stannar kvar)', en: ' (stays)' })
                      : `: ${list.map((tr) => label(tr.to)).join(lang === 'sv' ? ', annars ' : ', else ')}`}
                    {list[0]!.guardLabel ? ` (${words(list[0]!.guardLabel)})` : ''}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
      {model.globalEvents.length > 0 ? (
        <p>
          {t({ sv: 'Från alla steg: ', en: 'From every step: ' })}
          {model.globalEvents
            .map((g) => `${words(g.eventLabel)}${g.targets.length > 0 ? ` → ${g.targets.map(label).join(', ')}` : ''}${g.guardLabel ? ` (${words(g.guardLabel)})` : ''}`)
            .join('; ')}
          .
        </p>
      ) : null}

      <Heading offset={1}>{t({ sv: 'Reglerna per väg (ur regelverket)', en: 'The rules of each route (from the rule set)' })}</Heading>
      <ol>
        {model.routes.map((route) => (
          <li key={route.id} data-route={route.route}>
            <strong>{words(route.name)}</strong> ({route.legalBasis})
            {route.order !== null ? t({ sv: ` – rekommenderas som nummer ${route.order} om den är tillåten`, en: ` – recommended as number ${route.order} if allowed` }) : null}
            {highlight ? <em> – {t({ sv: 'bedömning för svaren', en: 'verdict for the answers' })}: {verdictText(highlight, route.route, lang)}</em> : null}
            {route.recommendWhen.length > 0 ? (
              <>
                {t({ sv: ', och om:', en: ', and if:' })}
                <Lines lines={route.recommendWhen} lang={lang} />
              </>
            ) : null}
            <ul>
              {route.groups
                .filter((g) => g.groupKind !== 'follow-up')
                .map((group) => (
                  <GroupText key={group.id} group={group} highlight={highlight} lang={lang} />
                ))}
              <li>
                {t({ sv: 'Utfall:', en: 'Outcome:' })}
                <ul>
                  {route.verdicts.map((v) => {
                    const actual = highlight?.verdicts.get(route.route);
                    const reached = actual === v.verdict || (actual === 'recommended' && v.verdict === 'allowed');
                    return (
                      <li key={v.id}>
                        {words(verdictWords[v.verdict])}: {words(v.when)}
                        {reached ? <em> – {t({ sv: 'här hamnar svaren', en: 'the answers end here' })}</em> : null}
                      </li>
                    );
                  })}
                </ul>
              </li>
              {route.groups
                .filter((g) => followUps && g.groupKind === 'follow-up')
                .map((group) => (
                  <GroupText key={group.id} group={group} highlight={highlight} lang={lang} />
                ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}

function GroupText({ group, highlight, lang }: { group: DecisionTreeModel['routes'][number]['groups'][number]; highlight: TreeHighlight | undefined; lang: Lang }) {
  const { t } = useI18n();
  return (
    <li>
      {group.label[lang]}
      <ul>
        {group.rules.map((rule) => {
          const result = highlight?.rules.get(rule.id);
          const mark: Mark | undefined = rule.inForce === false ? 'inactive' : result?.mark;
          const resultWords = group.groupKind === 'follow-up' ? followUpWords : markWords;
          return (
            <li key={rule.id} data-rule={rule.ruleId}>
              <strong>{rule.title[lang]}</strong> <code>{rule.ruleId}</code> – {ruleKindWords[rule.ruleKind][lang]}, {rule.legalBasis}
              {rule.inForce === false ? t({ sv: ` (gäller ${rule.validFrom} – ${rule.validTo ?? 'tills vidare'}, inte på datumet)`, en: ` (in force ${rule.validFrom} – ${rule.validTo ?? 'until further notice'}, not on the date)` }) : null}
              {mark && highlight ? (
                <em className={`dt-word dt-word--${mark}`}>
                  {' '}
                  – {t({ sv: 'för svaren', en: 'for the answers' })}: {resultWords[mark][lang]}
                </em>
              ) : null}
              <Lines lines={rule.lines} marks={highlight && rule.inForce !== false ? result?.lines : undefined} lang={lang} />
            </li>
          );
        })}
      </ul>
    </li>
  );
}
