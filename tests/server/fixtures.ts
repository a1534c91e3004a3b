import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Answers } from '../../src/engine/answers-schema';
import { evaluate } from '../../src/engine/evaluate';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import type { SaveDecisionRequest } from '../../src/shared/decision-record';
import { verdictsOf } from '../../src/engine/outcome';

import { ljungbyAnswers } from '../fixtures/answers';

export { ljungbyAnswers };

/** A save request carrying the verdicts the engine gives, as the client sends it. */
export function saveRequest(answers: Answers = ljungbyAnswers, extra: Partial<SaveDecisionRequest> = {}): SaveDecisionRequest {
  const ruleset = nodeRuleset();
  const outcome = evaluate(ruleset, answers);
  return {
    answers,
    rulesetHash: ruleset.hash,
    verdicts: verdictsOf(outcome),
    recommendedRoute: outcome.recommendation.route,
    chosenRoute: outcome.recommendation.route ?? 'direct-award',
    justification: 'Lågt värde och en leverantör med integrationsuppdrag; direktupphandling dokumenterad enligt riktlinjen.',
    ...extra,
  };
}

/** A data dir in a temp folder of its own, so the transparency files beside it go with it. */
export function tempDir(prefix = 'vagval-register-'): { path: string; remove: () => void } {
  const parent = mkdtempSync(join(tmpdir(), prefix));
  const path = join(parent, 'data');
  mkdirSync(path);
  return { path, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

export const procurer = { 'x-vagval-user': 'upphandlare', 'x-vagval-role': 'procurer' };
export const auditor = { 'x-vagval-user': 'revisor', 'x-vagval-role': 'auditor' };

export async function post(url: string, body: unknown, headers: Record<string, string> = procurer): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** A POST without Content-Length, its body sent in 8 KiB chunks (Transfer-Encoding: chunked), as the procurer. */
export function chunkedPost(url: string, body: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...procurer } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown });
        } catch {
          reject(new Error(`the server answered ${res.statusCode} with a body that is not JSON: ${text.slice(0, 200)}`));
        }
      });
    });
    // The server may answer 413 and close before the whole body is sent.
    req.on('error', reject);
    for (let i = 0; i < body.length; i += 8192) req.write(body.slice(i, i + 8192));
    req.end();
  });
}

/**
 * An idéburet offentligt partnerskap in Motala: a genuine one (the engine judges IOP allowed), or,
 * with `paymentForService`, one paid per visitor, which is a payment for a service: a purchase.
 */
export const iopAnswers = (paymentForService: boolean): Answers => ({
  organisation: 'motala',
  decisionDate: '2025-04-01',
  purchase: { kind: 'services', description: paymentForService ? 'Öppen verksamhet, ersättning per besökare' : 'Samverkan om läxhjälp' },
  value: { totalSek: paymentForService ? 150_000 : 200_000 },
  supplier: { kind: 'ideaburen', name: paymentForService ? 'Föreningen Träffpunkten' : 'Föreningen Läxhjälpen' },
  partnership: { paymentForService, ownInitiative: true, ownContribution: true, commonGoal: true, commercialMarket: false },
});
