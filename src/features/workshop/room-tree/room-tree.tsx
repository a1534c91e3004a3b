import { useId, useMemo, useRef } from 'react';
import { VerdictBadge } from '../../../components/verdict-badge';
import type { Truth } from '../../../engine/outcome';
import type { Outcome } from '../../../engine/outcome';
import type { Localized } from '../../../engine/ruleset-schema';
import { useI18n } from '../workshop-i18n';
import { roomTree, type RoomNode } from './room-tree-model';
import './room-tree.css';

const answerWords: Record<Truth, Localized> = {
  held: { sv: 'Ja', en: 'Yes' },
  failed: { sv: 'Nej', en: 'No' },
  unknown: { sv: 'Vet inte än', en: 'Not known yet' },
};
const signs: Record<Truth, string> = { held: '✓', failed: '✗', unknown: '?' };

function Node({ node }: { node: RoomNode }) {
  const { t } = useI18n();
  return (
    <li className={`room-node room-node--${node.result}${node.decisive ? ' is-decisive' : ''}`} data-rule={node.ruleId} data-result={node.result}>
      <p className="room-node__question">{t(node.question)}?</p>
      <p className="room-node__answer">
        <span aria-hidden="true">{signs[node.result]} </span>
        <strong>{t(answerWords[node.result])}</strong>
        {node.decisive ? <span className="room-node__decisive"> – {t({ sv: 'avgör', en: 'decides' })}</span> : null}
      </p>
      {node.answer ? <p className="room-node__detail">{t(node.answer)}</p> : null}
    </li>
  );
}

/**
 * The decision tree drawn for a room: a column per route with one decisive question per node, the scenario's
 * path (the questions its verdicts rest on) drawn thick and the recommended route framed. It is a set of lists,
 * so a screen reader reads it as text; the full tree with every rule stays beside it.
 */
export function RoomTree({ outcome, headingLevel = 3, fullScreenButton = true }: { outcome: Outcome; headingLevel?: 3 | 4; fullScreenButton?: boolean }) {
  const { t, lang } = useI18n();
  const id = useId();
  const root = useRef<HTMLElement>(null);
  const columns = useMemo(() => roomTree(outcome), [outcome]);
  const H = `h${headingLevel}` as 'h3';
  const Sub = `h${headingLevel + 1}` as 'h4';
  return (
    <section ref={root} className="room-tree" aria-labelledby={`${id}-heading`} data-testid="room-tree">
      <div className="room-tree__head">
        <H id={`${id}-heading`}>{t({ sv: 'De avgörande frågorna', en: 'The decisive questions' })}</H>
        <p className="room-tree__legend">
          {t({
            sv: 'Tjock ram: frågor som avgör scenariots svar. Den rekommenderade vägen är inramad.',
            en: "Thick frame: the questions that decide the scenario's answer. The recommended route is framed.",
          })}
        </p>
        {fullScreenButton ? (
          <button
            type="button"
            className="button button--secondary button--small no-print"
            onClick={() => {
              if (document.fullscreenElement) void document.exitFullscreen();
              else void root.current?.requestFullscreen?.();
            }}
          >
            {t({ sv: 'Helskärm', en: 'Full screen' })}
          </button>
        ) : null}
      </div>
      <div className="room-tree__columns">
        {columns.map((column) => (
          <section
            key={column.route}
            className={`room-column${column.recommended ? ' is-recommended' : ''}`}
            data-route={column.route}
            data-verdict={column.verdict}
            aria-labelledby={`${id}-${column.route}`}
          >
            <Sub id={`${id}-${column.route}`} className="room-column__name">
              {t(column.name)}
            </Sub>
            {column.requirements.length > 0 ? (
              <>
                <p className="room-column__group">{t({ sv: 'Krav – alla måste vara ja', en: 'Requirements – all must be yes' })}</p>
                <ol className="room-column__nodes">
                  {column.requirements.map((n) => (
                    <Node key={n.ruleId} node={n} />
                  ))}
                </ol>
              </>
            ) : null}
            {column.grounds.length > 0 ? (
              <>
                <p className="room-column__group">{t({ sv: 'Grunder – minst en ja', en: 'Grounds – at least one yes' })}</p>
                <ol className="room-column__nodes">
                  {column.grounds.map((n) => (
                    <Node key={n.ruleId} node={n} />
                  ))}
                </ol>
              </>
            ) : null}
            <p className="room-column__verdict">
              <span aria-hidden="true">→ </span>
              <VerdictBadge verdict={column.verdict} lang={lang} />
            </p>
          </section>
        ))}
      </div>
    </section>
  );
}
