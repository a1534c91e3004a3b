import { describe, expect, it } from 'vitest';
import { adoptedWithoutWitness } from './adopt-evidence';
import { evidencePaths } from './evidence-files';
import { evidenceGaps, type EvidenceState } from './evidence-gaps';

const whole: EvidenceState = {
  paths: evidencePaths('/srv/vagval-transparency/signing-key.pem'),
  keyFile: '/srv/vagval-transparency/signing-key.pem',
  keyCreated: false,
  leavesExisted: true,
  leafCount: 10,
  logExisted: true,
  logLatest: 10,
  dbHead: 10,
  marked: { size: 10, time: '2026-12-01T10:00:00Z' },
  cosigned: null,
  acknowledged: 0,
};

describe('the evidence beside an existing key', () => {
  it('is whole when the leaves and the checkpoint log reach what was signed', () => {
    expect(evidenceGaps(whole)).toEqual([]);
    // Saves after the last checkpoint (a kill before the next) are not a gap: their leaves are there.
    expect(evidenceGaps({ ...whole, leafCount: 12, dbHead: 12 })).toEqual([]);
  });

  it('a first start (the key just made, nothing signed anywhere) is a migration, not a gap', () => {
    expect(evidenceGaps({ ...whole, keyCreated: true, leavesExisted: false, leafCount: 0, logExisted: false, logLatest: 0, marked: null })).toEqual([]);
  });

  it('names a checkpoint log shorter than what the witness cosigned, even when the database was emptied of its marks', () => {
    const gaps = evidenceGaps({ ...whole, logLatest: 8, marked: null, cosigned: { size: 10, witness: 'revisionen', time: '2026-12-01T11:00:00Z' } });
    expect(gaps.map((g) => g.en)).toEqual(['the checkpoint log /srv/vagval-transparency/checkpoints.jsonl ends at 8 records, but the witness revisionen cosigned 10 records (2026-12-01T11:00:00Z)']);
  });

  it('counts one record as "1 post" and gives the Swedish text Swedish time', () => {
    const gaps = evidenceGaps({ ...whole, leafCount: 1, dbHead: 1, logLatest: 0, logExisted: false, marked: { size: 1, time: '2026-12-01T10:00:00Z' } });
    expect(gaps.map((g) => g.sv)).toEqual(['kontrollpunktsloggen /srv/vagval-transparency/checkpoints.jsonl saknas, men databasen visar en kontrollpunkt för 1 post (2026-12-01 11:00 svensk tid)']);
  });

  it('accepts what an operator already adopted as lost, and nothing beyond it', () => {
    expect(evidenceGaps({ ...whole, logLatest: 8, acknowledged: 10 })).toEqual([]);
    expect(evidenceGaps({ ...whole, logLatest: 8, acknowledged: 10, marked: { size: 12, time: 't' } })).toHaveLength(1);
  });
});

describe('decisions adopted without a witness', () => {
  const adopted = [{ from: 1, to: 10, reason: 'operator' as const, at: '2026-12-01T12:00:00Z', by: 'Kim', why: 'disk' }];

  it('count until a witness cosigns past them, and then no longer', () => {
    expect(adoptedWithoutWitness(adopted, 0).count).toBe(10);
    expect(adoptedWithoutWitness(adopted, 6).count).toBe(4);
    expect(adoptedWithoutWitness(adopted, 10).count).toBe(0);
  });

  it('leave out what the register adopted itself (a migration, records found without a leaf)', () => {
    expect(adoptedWithoutWitness([{ from: 1, to: 5, reason: 'migration', at: '' }], 0).count).toBe(0);
  });
});
