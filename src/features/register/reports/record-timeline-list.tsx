import type { Localized } from '../../../engine/ruleset-schema';
import { useI18n } from '../../../i18n/i18n';
import type { TimelineEvent } from '../../../shared/audit-report';
import { roleNames, routeName } from '../labels';
import { recordProblemTitles } from '../../../shared/verification-words';
import { recordHash } from './register-hash';
import { recordCount } from '../../../shared/record-count';

const eventNames: Record<TimelineEvent['kind'], Localized> = {
  decided: { sv: 'Beslutsdatum', en: 'Decision date' },
  saved: { sv: 'Sparat i registret', en: 'Saved in the register' },
  corrects: { sv: 'Rättar beslut', en: 'Corrects decision' },
  'corrected-by': { sv: 'Rättat av beslut', en: 'Corrected by decision' },
  verified: { sv: 'Kontrollerat', en: 'Verified' },
  'verification-run': { sv: 'Kontrollerat i en kontrollkörning', en: 'Verified in a verification run' },
  replayed: { sv: 'Prövat mot regelverk', en: 'Replayed under rule set' },
  'impact-analysis': { sv: 'Ingick i analysen av en regeländring', en: 'Included in a rule-change impact analysis' },
  'evidence-adopted': { sv: 'Togs in i loggen från databasen utan vittne, efter att bevisen saknades', en: 'Taken into the log from the database without a witness, after the evidence was missing' },
};

const resultNames: Record<NonNullable<TimelineEvent['result']>, Localized> = {
  passed: { sv: 'godkänt: oförändrat, kedjan hel, bedömningarna återskapas', en: 'passed: unchanged, chain intact, the verdicts reproduce' },
  failed: { sv: 'underkänt', en: 'failed' },
  'not-listed': { sv: 'inte bland de listade felen (körningen listar de första 1 000)', en: 'not among the listed failures (the run lists the first 1,000)' },
  unchanged: { sv: 'inget skulle bli annorlunda', en: 'nothing would differ' },
  changed: { sv: 'bedömningen skulle bli en annan', en: 'the verdict would differ' },
};

/** One line of the timeline: what happened, by whom, with which rule set, and what it found. */
function eventText(e: TimelineEvent, t: (l: Localized) => string): string {
  const no = t({ sv: 'nr', en: 'no.' });
  const who = e.by ? ` – ${e.by}${e.role ? ` (${t(roleNames[e.role]!)})` : ''}` : '';
  const d = e.detail;
  switch (e.kind) {
    case 'decided':
      return t(eventNames.decided);
    case 'saved':
      return `${t(eventNames.saved)}${e.rulesetVersion ? t({ sv: `, regelverk ${e.rulesetVersion}`, en: `, rule set ${e.rulesetVersion}` }) : ''}${who}`;
    case 'corrects':
    case 'corrected-by':
      return `${t(eventNames[e.kind])} ${no} ${e.recordId}${who}`;
    case 'verified': {
      const problems = d?.kind === 'verified' && d.problems.length > 0 ? `: ${d.problems.map((p) => (p in recordProblemTitles ? t(recordProblemTitles[p as keyof typeof recordProblemTitles]) : p)).join('; ')}` : '';
      return `${t(eventNames.verified)}${who}: ${t(resultNames[e.result ?? 'passed'])}${problems}${serverRuleset(e, t)}`;
    }
    case 'verification-run': {
      if (d?.kind !== 'verification-run') return t(eventNames['verification-run']);
      const mode = d.mode === 'full' ? t({ sv: 'fullständig', en: 'full' }) : t({ sv: 'stegvis', en: 'incremental' });
      const run = t({
        sv: `${mode}, ${recordCount(d.checked, 'sv')}, ${d.failedCount} med fel${d.logProblems > 0 ? `, ${d.logProblems} fel i loggen` : ''}`,
        en: `${mode}, ${recordCount(d.checked, 'en')}, ${d.failedCount} failing${d.logProblems > 0 ? `, ${d.logProblems} problems in the log` : ''}`,
      });
      return `${t(eventNames['verification-run'])} (${run})${who}: ${t(resultNames[e.result ?? 'passed'])}${serverRuleset(e, t)}`;
    }
    case 'replayed': {
      if (d?.kind !== 'replayed') return `${t(eventNames.replayed)} ${e.rulesetVersion ?? ''}`;
      const change = d.changed
        ? t({
            sv: `; vald väg (${t(routeName(d.chosenRoute))}) ${verdictWord(d.chosenBefore, 'sv')} → ${verdictWord(d.chosenAfter, 'sv')}`,
            en: `; chosen route (${t(routeName(d.chosenRoute))}) ${verdictWord(d.chosenBefore, 'en')} → ${verdictWord(d.chosenAfter, 'en')}`,
          })
        : '';
      return `${t(eventNames.replayed)} ${e.rulesetVersion ?? ''} ${t({ sv: `(beslutet fattades under ${d.storedVersion}, samma beslutsdatum)`, en: `(the decision was made under ${d.storedVersion}, same decision date)` })}${who}: ${t(resultNames[e.result ?? 'unchanged'])}${change}`;
    }
    case 'evidence-adopted': {
      if (d?.kind !== 'evidence-adopted') return t(eventNames['evidence-adopted']);
      return `${t(eventNames['evidence-adopted'])}${who}: ${t({ sv: `”${d.why}”; saknades: ${d.missing.join('; ')}`, en: `"${d.why}"; missing: ${d.missing.join('; ')}` })}`;
    }
    case 'impact-analysis': {
      if (d?.kind !== 'impact-analysis') return t(eventNames['impact-analysis']);
      const to = d.to.working ? t({ sv: `arbetskopian av rules/ (${d.to.version})`, en: `the working copy of rules/ (${d.to.version})` }) : d.to.version;
      const run = t({ sv: `${d.from.version} → ${to}, ${d.checked} beslut jämförda, ${d.changed} ändrade`, en: `${d.from.version} → ${to}, ${d.checked} decisions compared, ${d.changed} changed` });
      const result = e.result === 'not-listed' ? t({ sv: 'inte bland de listade (analysen namnger de första 10 000)', en: 'not among those listed (the analysis names the first 10,000)' }) : t(resultNames[e.result ?? 'unchanged']);
      return `${t(eventNames['impact-analysis'])} (${run})${who}: ${result}`;
    }
  }
}

const verdictWords = {
  recommended: { sv: 'rekommenderas', en: 'recommended' },
  allowed: { sv: 'tillåten', en: 'allowed' },
  'not-allowed': { sv: 'inte tillåten', en: 'not allowed' },
  'needs-info': { sv: 'behöver fler svar', en: 'needs more answers' },
} as const;
const verdictWord = (v: keyof typeof verdictWords, lang: 'sv' | 'en') => verdictWords[v][lang];

const serverRuleset = (e: TimelineEvent, t: (l: Localized) => string) => (e.rulesetVersion ? t({ sv: ` (servern med regelverk ${e.rulesetVersion})`, en: ` (server on rule set ${e.rulesetVersion})` }) : '');

/** A record's history as the register keeps it: saved, corrected, every check, run and replay, oldest first. */
export function RecordTimelineList({ timeline }: { timeline: TimelineEvent[] }) {
  const { t } = useI18n();
  return (
    <ol className="timeline" data-testid="record-timeline">
      {timeline.map((e, i) => {
        const text = eventText(e, t);
        const href = (e.kind === 'corrects' || e.kind === 'corrected-by') && e.recordId !== null ? recordHash(e.recordId) : null;
        return (
          <li key={`${e.kind}-${i}`} data-kind={e.kind} data-result={e.result ?? undefined}>
            <time dateTime={e.at}>{e.at.replace('T', ' ').slice(0, 16)}</time> {href ? <a href={href}>{text}</a> : text}
          </li>
        );
      })}
    </ol>
  );
}
