import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '../engine/canonical-hash';
import { genesisHash, type RecordContent } from '../shared/decision-record';
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
});
