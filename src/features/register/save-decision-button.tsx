import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import type { Answers, RouteId } from '../../engine/answers-schema';
import { verdictsOf, type Outcome } from '../../engine/outcome';
import type { Localized } from '../../engine/ruleset-schema';
import { useI18n } from '../../i18n/i18n';
import type { DecisionRecord, RouteVerdicts, Role, SaveDecisionRequest, UnaskedAnswers } from '../../shared/decision-record';
import { deviationOf, needsAcknowledgement, type AcknowledgedVerdict } from '../../shared/deviation';
import type { SimilarCheck } from '../../shared/similar-check';
import { undecided } from '../../guide/similar-purchases';
import { decisionMakerFields, decisionMakerProblems, type DecisionMakerField } from '../../shared/decision-maker';
import { textProblem } from '../../shared/text-check';
import { whoSaved } from '../../shared/who-saved';
import { ActingAsPicker } from './acting-as-picker';
import { decisionTrailQuery } from './api/get-decision';
import { identitiesQuery } from './api/identities';
import { RegisterApiError } from './api/http';
import { useSaveDecision } from './api/save-decision';
import { apiErrorText } from './api-error-text';
import { roleNames } from './labels';
import { idempotencyKeyFor, markSaved, saveFingerprint, savedEntry } from './saved-decisions';
import { useActingAs } from './use-acting-as';
import { WithQueryClient } from './with-query-client';
import './save-decision.css';

/** The roles the server lets save (src/server/access.ts, permissions.save; a test keeps the two equal). */
export const savingRoles: readonly Role[] = ['procurer', 'admin'];

/** The decision's fields the button checks, as the page names them at the field. */
export type DecisionFieldName = 'chosenRoute' | 'acknowledgedVerdict' | 'deviationReason' | 'justification' | DecisionMakerField | 'similarPurchases';

export type SaveDecisionButtonProps = {
  answers: Answers;
  outcome: Outcome;
  chosenRoute: RouteId | null;
  justification: string;
  deviationReason?: string | undefined;
  /** The verdict of the chosen route the procurer acknowledged (not-allowed, needs-info). */
  acknowledgedVerdict?: AcknowledgedVerdict | undefined;
  /** Answers to questions that stopped being asked, kept in the record. */
  unaskedAnswers?: UnaskedAnswers | undefined;
  /** The guide's check for similar purchases, kept in the record; null while it is still being made. */
  similarPurchases?: SimilarCheck | null | undefined;
  /** Who took the decision (name and title) and the diarium's number, as typed; stored when valid, refused at the field when not. */
  decidedByName?: string | undefined;
  decidedByTitle?: string | undefined;
  diarienummer?: string | undefined;
  /** The id of an earlier record this decision corrects. */
  corrects?: number | undefined;
  /** Told which fields stop the save (checked here or refused by the server), so the page shows the error there. */
  onInvalid?: ((fields: DecisionFieldName[]) => void) | undefined;
  /** Told the record the register made, so the decision document can carry its number. */
  onSaved?: ((record: DecisionRecord) => void) | undefined;
  /** The record this very decision was saved as before (kept by the guide across reloads): it is not saved again. */
  savedRecord?: { id: number; hash: string } | null | undefined;
  /** Told the register's current copy of `savedRecord` (its receipt may have been signed since), when it can be read. */
  onRecordRead?: ((record: DecisionRecord) => void) | undefined;
};

const missingTexts: Record<DecisionFieldName, Localized> = {
  chosenRoute: { sv: 'Vald väg saknas: välj väg innan du sparar.', en: 'Chosen route is missing: choose a route before saving.' },
  acknowledgedVerdict: { sv: 'Bekräftelse saknas: bekräfta att ni avviker från bedömningen av vald väg.', en: 'Acknowledgement is missing: confirm that you depart from the assessment of the chosen route.' },
  deviationReason: { sv: 'Skäl att avvika saknas: vald väg avviker från bedömningen.', en: 'Reason for deviating is missing: the chosen route departs from the assessment.' },
  justification: { sv: 'Motivering saknas: skriv varför vägen valdes.', en: 'Justification is missing: write why the route was chosen.' },
  similarPurchases: { sv: 'Liknande köp: ta ställning till varje köp som registret hittade (lägg till värdet eller ange varför inte), eller vänta tills sökningen är klar.', en: 'Similar purchases: decide on each purchase the register found (add its value or say why not), or wait until the search is done.' },
  decidedByName: { sv: 'Beslutat av: namnet saknas eller är fel – se fältet.', en: 'Decided by: the name is missing or wrong – see the field.' },
  decidedByTitle: { sv: 'Beslutat av: befattningen saknas eller är fel – se fältet.', en: 'Decided by: the title is missing or wrong – see the field.' },
  diarienummer: { sv: 'Diarienumret är fel – se fältet.', en: 'The diarienummer is wrong – see the field.' },
};
const decisionFields = Object.keys(missingTexts) as DecisionFieldName[];
const typedTexts: Record<'justification' | 'deviationReason', Localized> = {
  justification: { sv: 'Motiveringen innehåller ett tecken som inte kan sparas eller skrivas ut – se fältet.', en: 'The justification holds a character that cannot be saved or printed – see the field.' },
  deviationReason: { sv: 'Skälet att avvika innehåller ett tecken som inte kan sparas eller skrivas ut – se fältet.', en: 'The reason for deviating holds a character that cannot be saved or printed – see the field.' },
};

/**
 * Saves the decision on the recommendation page to the register. The server evaluates the answers again and refuses
 * the record if its verdicts differ, so what is stored is what the engine said. A decision filed once is not filed
 * again until something in it changes, and a retry carries the same Idempotency-Key.
 */
export function SaveDecisionButton(props: SaveDecisionButtonProps) {
  const { answers, outcome, chosenRoute, justification, deviationReason, acknowledgedVerdict, unaskedAnswers, similarPurchases, corrects, onInvalid, onSaved, savedRecord, onRecordRead } = props;
  const maker = { decidedByName: props.decidedByName, decidedByTitle: props.decidedByTitle, diarienummer: props.diarienummer };
  const makerProblems = decisionMakerProblems(maker);
  const { decidedBy, diarienummer } = decisionMakerFields(maker);
  const { t } = useI18n();
  const id = useId();
  const save = useSaveDecision();
  const actingAs = useActingAs();
  const identities = useQuery(identitiesQuery());
  const [problem, setProblem] = useState<Localized | null>(null);
  const [, setSavedTick] = useState(0);

  const verdicts: RouteVerdicts = verdictsOf(outcome);
  const recommended = outcome.recommendation.route;
  const chosenVerdict = chosenRoute ? verdicts[chosenRoute] : undefined;
  const request: SaveDecisionRequest | null = useMemo(
    () =>
      chosenRoute
        ? {
            answers,
            rulesetHash: outcome.rulesetHash,
            verdicts,
            recommendedRoute: recommended,
            chosenRoute,
            justification,
            ...(deviationReason?.trim() ? { deviationReason } : {}),
            ...(needsAcknowledgement(chosenVerdict) && acknowledgedVerdict === chosenVerdict ? { acknowledgedVerdict } : {}),
            ...(unaskedAnswers && Object.keys(unaskedAnswers).length > 0 ? { unaskedAnswers } : {}),
            ...(similarPurchases ? { similarPurchases } : {}),
            ...(decidedBy ? { decidedBy } : {}),
            ...(diarienummer ? { diarienummer } : {}),
            ...(corrects ? { corrects } : {}),
          }
        : null,
    // verdicts is rebuilt from outcome each render; outcome stands for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [answers, outcome, recommended, chosenRoute, chosenVerdict, justification, deviationReason, acknowledgedVerdict, unaskedAnswers, similarPurchases, corrects, decidedBy?.name, decidedBy?.title, diarienummer],
  );
  const fingerprint = request ? saveFingerprint(request) : null;
  const savedId = (fingerprint ? savedEntry(fingerprint)?.id : undefined) ?? savedRecord?.id;
  // The register's copy of the record kept across a reload: a pending receipt may since have been signed.
  const readBack = useQuery({ ...decisionTrailQuery(actingAs.user, savedRecord?.id ?? 0), enabled: savedRecord != null, retry: false });
  const readRecord = readBack.data?.record;
  useEffect(() => {
    if (readRecord && savedRecord && readRecord.id === savedRecord.id && readRecord.hash === savedRecord.hash) onRecordRead?.(readRecord);
  }, [readRecord, savedRecord, onRecordRead]);
  const mayUseRole = savingRoles.includes(actingAs.role);
  const unchecked = identities.data?.headerIdentity === true && !actingAs.token;

  const onSave = () => {
    if (save.isPending || savedId !== undefined) return;
    if (!mayUseRole) return setProblem(roleProblem(actingAs.role));
    const missing = decisionFields.filter((field) => {
      if (field === 'chosenRoute') return !chosenRoute;
      if (field === 'justification') return !justification.trim();
      if (field === 'acknowledgedVerdict') return needsAcknowledgement(chosenVerdict) && acknowledgedVerdict !== chosenVerdict;
      if (field === 'decidedByName' || field === 'decidedByTitle' || field === 'diarienummer') return makerProblems[field] !== undefined;
      // Only the guide checks for similar purchases; a caller that passes nothing has nothing to record.
      if (field === 'similarPurchases') return similarPurchases === null || undecided(similarPurchases).length > 0;
      return deviationOf(verdicts, recommended, chosenRoute) !== null && !deviationReason?.trim();
    });
    // Text the document could not print, or that holds control or direction characters, is refused at its field.
    const typed = (['justification', 'deviationReason'] as const).filter((field) => !missing.includes(field) && textProblem((field === 'justification' ? justification : deviationReason) ?? '', { printable: true }));
    const refused = [...missing, ...typed];
    if (refused.length > 0 || !request || !fingerprint) {
      onInvalid?.(refused);
      const text = (f: DecisionFieldName) => (typed.includes(f as (typeof typed)[number]) ? typedTexts[f as (typeof typed)[number]] : missingTexts[f]);
      return setProblem({ sv: refused.map((f) => text(f).sv).join(' '), en: refused.map((f) => text(f).en).join(' ') });
    }
    setProblem(null);
    const idempotencyKey = idempotencyKeyFor(fingerprint);
    save.mutate(
      { request, idempotencyKey },
      {
        onSuccess: (record) => {
          markSaved(fingerprint, idempotencyKey, record.id);
          setSavedTick((n) => n + 1);
          onSaved?.(record);
        },
        onError: (error) => {
          const field = error instanceof RegisterApiError ? error.body.problems?.[0]?.field : undefined;
          if (field?.startsWith('similarPurchases')) onInvalid?.(['similarPurchases']);
          else if (field && (decisionFields as string[]).includes(field)) onInvalid?.([field as DecisionFieldName]);
        },
      },
    );
  };

  const error = problem ?? (save.isError ? apiErrorText(save.error) : null);
  const label =
    savedId !== undefined
      ? t({ sv: `Sparat som nr ${savedId}`, en: `Saved as no. ${savedId}` })
      : save.isPending
        ? t({ sv: 'Sparar…', en: 'Saving…' })
        : t({ sv: 'Spara i beslutsregistret', en: 'Save to the decision register' });
  return (
    <div className="save-decision">
      <div className="save-decision__row">
        {/* aria-disabled rather than disabled, so that focus stays on the button while it saves and after. */}
        <button
          type="button"
          className="button save-decision__button"
          onClick={onSave}
          aria-disabled={save.isPending || savedId !== undefined || !mayUseRole ? true : undefined}
          aria-describedby={`${id}-who ${id}-status`}
        >
          {label}
        </button>
        <p id={`${id}-who`} className="save-decision__who">
          {t({ sv: 'Sparas av', en: 'Saved by' })} <strong>{whoSaved(actingAs.user, t(roleNames[actingAs.role]!))}</strong>
          {unchecked ? <span className="save-decision__unchecked"> – {t({ sv: 'lokalt läge: identiteten är inte kontrollerad', en: 'local mode: the identity is not checked' })}</span> : null}
        </p>
      </div>
      {!mayUseRole ? (
        <div className="save-decision__role">
          <p>{t(roleProblem(actingAs.role))}</p>
          <ActingAsPicker />
        </div>
      ) : null}
      <div id={`${id}-status`} aria-live="polite" className="save-decision__status">
        {error ? (
          <p role="alert" className="field__error">
            {t(error)}
          </p>
        ) : savedId !== undefined ? (
          <p>
            {t({ sv: `Beslutet är sparat som nr ${savedId}. Det sparas inte igen förrän något i beslutet ändras. `, en: `The decision is saved as no. ${savedId}. It is not saved again until something in it changes. ` })}
            <a href={`#/register/beslut/${savedId}`}>{t({ sv: `Öppna beslut nr ${savedId} i registret`, en: `Open decision no. ${savedId} in the register` })}</a>
          </p>
        ) : null}
      </div>
    </div>
  );
}

function roleProblem(role: Role): Localized {
  const name = roleNames[role]!;
  return {
    sv: `Rollen ${name.sv} får inte spara beslut. Välj rollen Upphandlare (eller Administratör) under ”Du arbetar som” för att spara.`,
    en: `The role ${name.en} may not save decisions. Choose the role Procurer (or Administrator) under "You act as" to save.`,
  };
}

/** The button with the register's query client, for pages outside the register. */
export function SaveDecisionButtonWithClient(props: SaveDecisionButtonProps) {
  return (
    <WithQueryClient>
      <SaveDecisionButton {...props} />
    </WithQueryClient>
  );
}
