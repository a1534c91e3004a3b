import { EvaluationError, evaluate, judge } from '../engine/evaluate';
import type { Judgement, Outcome } from '../engine/outcome';
import { withIdentity, type Ruleset, type RulesetData } from '../engine/ruleset';
import { routeIds } from '../engine/answers-schema';
import {
  genesisHash,
  type DecisionRecord,
  type Identity,
  type RecordContent,
  type SaveDecisionRequest,
  type VerifyRecordResult,
} from '../shared/decision-record';
import type { DecisionTrail, Replay } from '../shared/decision-trail';
import { needsAcknowledgement } from '../shared/deviation';
import { visibleOrganisations } from './access';
import { checkStoredRow } from './record-check';
import { checkSimilarPurchases } from './similar-purchases-check';
import { compareOutcomes } from './replay';
import type { DecisionStore, StoredRow } from './store/decision-store';
import { idempotencySince, requestFingerprint, type IdempotencyHit } from './store/idempotency';

/** A refusal the API turns into a 4xx answer with the field it concerns. */
export class RegisterError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 422,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RegisterError';
  }
}

/** Saving, reading, verifying and replaying decisions; the HTTP layer only parses and authorises. */
export class RegisterService {
  private readonly rulesets = new Map<string, Ruleset>();

  constructor(
    readonly store: DecisionStore,
    private readonly currentRuleset: () => Ruleset,
    private readonly now: () => Date = () => new Date(),
  ) {}

  current(): Ruleset {
    return this.currentRuleset();
  }

  /**
   * Re-evaluates the answers under the current rule set and refuses a record whose verdicts or
   * recommendation differ from what the client showed: what is stored is what the engine says.
   */
  async save(request: SaveDecisionRequest, by: Identity): Promise<DecisionRecord> {
    const [record] = await this.store.append([await this.recordContent(request, by)]);
    return record!;
  }

  /**
   * Saves under an Idempotency-Key: the first save with the key stores the record; a retry with the
   * same key and request within a day gets that record back (`replayed`), never a second one,
   * however the first attempt ended; the key with another request is refused.
   */
  async saveOnce(request: SaveDecisionRequest, by: Identity, key: string): Promise<{ record: DecisionRecord; replayed: boolean }> {
    const requestHash = requestFingerprint({ request, by: { user: by.user, role: by.role } });
    const since = idempotencySince(this.now());
    // Looked up before judging, so that a retry after a rule-set change still finds its record.
    const earlier = await this.store.findIdempotent(key, since);
    if (earlier) return { record: this.sameRequest(earlier, requestHash, key), replayed: true };
    const content = await this.recordContent(request, by);
    const { record, replayed } = await this.store.appendOnce(content, { key, requestHash, at: content.recordedAt, since });
    return replayed ? { record: this.sameRequest(replayed, requestHash, key), replayed: true } : { record, replayed: false };
  }

  private sameRequest(hit: IdempotencyHit, requestHash: string, key: string): DecisionRecord {
    if (hit.requestHash !== requestHash) {
      throw new RegisterError(422, 'idempotency-key-reused', `the Idempotency-Key ${key} was used within the last day for another request: make a new key for a new save`, 'Idempotency-Key');
    }
    return hit.record;
  }

  /** The record a request would store, after the request has been judged against the engine. */
  private async recordContent(request: SaveDecisionRequest, by: Identity): Promise<RecordContent> {
    const ruleset = this.currentRuleset();
    if (request.rulesetHash !== ruleset.hash) {
      throw new RegisterError(409, 'ruleset-changed', `the decision was evaluated under rule set ${request.rulesetHash.slice(0, 12)}…, but the server now uses ${ruleset.version} (${ruleset.hash.slice(0, 12)}…): evaluate again and save`, 'rulesetHash');
    }
    let judged: Judgement;
    try {
      judged = judge(ruleset, request.answers);
    } catch (error) {
      if (error instanceof EvaluationError) throw new RegisterError(400, 'invalid-answers', error.message, `answers.${error.field}`);
      throw error;
    }
    const { verdicts, recommendedRoute } = judged;
    const differing = routeIds.filter((r) => verdicts[r] !== request.verdicts[r]);
    if (differing.length > 0) {
      throw new RegisterError(422, 'verdicts-differ', `the verdicts do not match the engine's for ${differing.map((r) => `${r} (sent ${request.verdicts[r]}, engine ${verdicts[r]})`).join(', ')}`, `verdicts.${differing[0]}`);
    }
    if (recommendedRoute !== request.recommendedRoute) {
      throw new RegisterError(422, 'verdicts-differ', `the recommended route does not match the engine's (${recommendedRoute ?? 'none'})`, 'recommendedRoute');
    }
    // A route the engine judged not allowed, or could not judge, is filed only as an acknowledged deviation with
    // its reason, whatever the client checked. The verdict is the server's own, from above.
    const chosenVerdict = verdicts[request.chosenRoute];
    if (needsAcknowledgement(chosenVerdict)) {
      const judged = chosenVerdict === 'not-allowed' ? 'judged not allowed' : 'judged to need more information';
      if (!request.deviationReason?.trim()) {
        throw new RegisterError(422, 'deviation-reason-required', `the chosen route ${request.chosenRoute} is ${judged}: give the reason for deviating in deviationReason`, 'deviationReason');
      }
      if (request.acknowledgedVerdict !== chosenVerdict) {
        throw new RegisterError(422, 'deviation-not-acknowledged', `the chosen route ${request.chosenRoute} is ${judged}: acknowledge it with acknowledgedVerdict "${chosenVerdict}"`, 'acknowledgedVerdict');
      }
    }
    checkSimilarPurchases(request);
    if (request.corrects !== undefined) {
      const old = await this.store.get(request.corrects);
      // One the caller may not read is answered as missing: the refusal must not name its owner.
      const visible = visibleOrganisations(by);
      if (!old || (visible !== undefined && !visible.includes(old.answers.organisation))) {
        throw new RegisterError(422, 'no-such-record', `there is no record ${request.corrects} that you may correct`, 'corrects');
      }
      if (old.answers.organisation !== request.answers.organisation) {
        throw new RegisterError(422, 'wrong-organisation', `record ${request.corrects} belongs to ${old.answers.organisation}, not ${request.answers.organisation}`, 'corrects');
      }
    }
    await this.store.saveRuleset(ruleset.hash, ruleset.version, rulesetData(ruleset));
    // The request was parsed at the door; the content is built from it and the engine's outcome.
    const content: RecordContent = {
      answers: request.answers,
      rulesetVersion: ruleset.version,
      rulesetHash: ruleset.hash,
      verdicts,
      recommendedRoute,
      chosenRoute: request.chosenRoute,
      justification: request.justification,
      deviationReason: request.deviationReason?.trim() ? request.deviationReason : null,
      corrects: request.corrects ?? null,
      savedBy: { user: by.user, role: by.role },
      recordedAt: this.now().toISOString(),
      ...(needsAcknowledgement(chosenVerdict) ? { acknowledgedVerdict: chosenVerdict } : {}),
      ...(request.unaskedAnswers && Object.keys(request.unaskedAnswers).length > 0 ? { unaskedAnswers: request.unaskedAnswers } : {}),
      ...(request.similarPurchases ? { similarPurchases: request.similarPurchases } : {}),
      ...(request.decidedBy ? { decidedBy: request.decidedBy } : {}),
      ...(request.diarienummer ? { diarienummer: request.diarienummer } : {}),
    };
    return content;
  }

  /** A stored rule set, checked against its own hash; null if missing, an error if tampered. */
  async storedRuleset(hash: string): Promise<Ruleset | null> {
    const cached = this.rulesets.get(hash);
    if (cached) return cached;
    const json = await this.store.getRulesetJson(hash);
    if (json === null) return null;
    const ruleset = withIdentity(JSON.parse(json) as RulesetData);
    if (ruleset.hash !== hash) throw new RegisterError(409, 'ruleset-tampered', `the stored rule set ${hash.slice(0, 12)}… no longer matches its hash`);
    this.rulesets.set(hash, ruleset);
    return ruleset;
  }

  async trail(id: number): Promise<DecisionTrail | null> {
    const record = await this.store.get(id);
    if (!record) return null;
    try {
      const ruleset = await this.storedRuleset(record.rulesetHash);
      if (!ruleset) return { record, outcome: null, outcomeProblem: `the rule set ${record.rulesetVersion} is not stored` };
      return { record, outcome: evaluate(ruleset, record.answers), outcomeProblem: null };
    } catch (error) {
      return { record, outcome: null, outcomeProblem: (error as Error).message };
    }
  }

  async verifyOne(id: number): Promise<VerifyRecordResult | null> {
    const row = await this.store.row(id);
    if (!row) return null;
    const prev = id > 1 ? await this.store.row(id - 1) : null;
    const expectedPrev = id === 1 ? genesisHash : (prev?.hash ?? null);
    return this.check(row, expectedPrev);
  }

  /**
   * One stored record's own checks (hash, chain link, columns, rule set, re-evaluation); the
   * verification runs (src/server/transparency/verification-run.ts) add the log's. `expectedPrev`
   * null: the record before this one is missing.
   */
  check(row: StoredRow, expectedPrev: string | null): Promise<VerifyRecordResult> {
    return checkStoredRow(row, expectedPrev, (hash) => this.storedRuleset(hash));
  }

  async replay(record: DecisionRecord): Promise<Replay> {
    const stored = await this.storedRuleset(record.rulesetHash);
    if (!stored) throw new RegisterError(409, 'ruleset-missing', `the rule set ${record.rulesetVersion} this decision was made under is not stored`);
    const current = this.currentRuleset();
    const before = evaluate(stored, record.answers);
    let after: Outcome;
    try {
      after = evaluate(current, record.answers);
    } catch (error) {
      if (error instanceof EvaluationError) throw new RegisterError(409, 'not-replayable', `the current rule set cannot judge this decision: ${error.message}`, `answers.${error.field}`);
      throw error;
    }
    return compareOutcomes(record, stored, before, current, after);
  }
}

/** The data part of a rule set, without the identity derived from it. */
export function rulesetData(ruleset: Ruleset): RulesetData {
  const { manifest, facts, sources, parameters, routes, overlays, buyers, layers, cpvLists, cpvDivisions } = ruleset;
  // Keys added later (buyers, layers, the CPV data of rule set 2026.12.1) are left out where a stored rule set has none,
  // and the overlays (gone from rule set 2026.12.3) where a rule set has none, so each keeps its hash.
  return {
    manifest, facts, sources, parameters, routes,
    ...(overlays ? { overlays } : {}),
    ...(buyers ? { buyers } : {}),
    ...(layers ? { layers } : {}),
    ...(cpvLists ? { cpvLists } : {}),
    ...(cpvDivisions ? { cpvDivisions } : {}),
  };
}
