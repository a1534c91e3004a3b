import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '../engine/canonical-hash';
import { genesisHash, recordContentSchema, type RecordContent } from '../shared/decision-record';
import { saveRequest } from '../../tests/server/fixtures';
import { recordHash, sealRecord } from './chain';

const request = saveRequest();
const content: RecordContent = {
  answers: request.answers,
  rulesetVersion: '2026.11.6',
  rulesetHash: request.rulesetHash,
  verdicts: request.verdicts,
  recommendedRoute: request.recommendedRoute,
  chosenRoute: request.chosenRoute,
  justification: 'Värdet understiger gränsen; åtgärden är dokumenterad i diariet.',
  deviationReason: null,
  corrects: null,
  savedBy: { user: 'upphandlare', role: 'procurer' },
  recordedAt: '2026-12-01T08:00:00.000Z',
};

describe('the record chain', () => {
  it('stores the content as canonical JSON', () => {
    expect(sealRecord(7, genesisHash, content).contentJson).toBe(canonicalJson(content));
  });

  it('hashes as the canonical JSON of id, previous hash and content, so registers saved before still verify', () => {
    const prevHash = 'ab'.repeat(32);
    expect(sealRecord(7, prevHash, content).hash).toBe(contentHash({ id: 7, prevHash, content }));
    expect(recordHash(7, prevHash, JSON.parse(canonicalJson(content)))).toBe(contentHash({ id: 7, prevHash, content }));
  });

  it('gives another hash when the id, the previous hash or the content differs', () => {
    const hash = sealRecord(7, genesisHash, content).hash;
    expect(sealRecord(8, genesisHash, content).hash).not.toBe(hash);
    expect(sealRecord(7, 'ab'.repeat(32), content).hash).not.toBe(hash);
    expect(sealRecord(7, genesisHash, { ...content, justification: `${content.justification} ` }).hash).not.toBe(hash);
  });

  it('keeps the hash of a record saved before acknowledgedVerdict and unaskedAnswers existed, which still loads', () => {
    // Stored text of such a record, and its hash as computed when it was saved (pinned, not recomputed).
    const stored =
      '{"answers":{"contract":{"years":2},"decisionDate":"2026-11-22","organisation":"ljungby","purchase":{"annex2Service":false,"kind":"services","reservableServiceCode":false},"supplier":{"disadvantagedShare":0.4,"kind":"social-enterprise","mainPurposeIntegration":true},"value":{"totalSek":450000}},"chosenRoute":"iop","corrects":null,"deviationReason":"Ett skäl.","justification":"Sparat före fälten acknowledgedVerdict och unaskedAnswers.","recommendedRoute":"direct-award","recordedAt":"2026-12-01T08:00:00.000Z","rulesetHash":"' +
      'ab'.repeat(32) +
      '","rulesetVersion":"2026.11.6","savedBy":{"role":"procurer","user":"upphandlare"},"verdicts":{"direct-award":"recommended","iop":"not-allowed","reserved-contract":"allowed","social-considerations":"allowed"}}';
    const old = recordContentSchema.parse(JSON.parse(stored));
    expect(old.acknowledgedVerdict).toBeUndefined();
    expect(sealRecord(3, genesisHash, old).contentJson).toBe(stored);
    expect(recordHash(3, genesisHash, old)).toBe('f725e2e0c744970d0049526ca679165f54a4c2e996668655dc6164ec59ce1b31');
  });
});
