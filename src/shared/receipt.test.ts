import { describe, expect, it } from 'vitest';
import { receiptInPlainWords, type Receipt } from './receipt';
import { includedReceipt } from '../../tests/fixtures/receipt';

const included: Receipt = includedReceipt;

describe('receiptInPlainWords', () => {
  it('says in one Swedish sentence what the receipt proves and where it is used next year, in Swedish time', () => {
    const { summary, technical } = receiptInPlainWords(included, 'sv');
    expect(summary).toContain('beslut nr 287 finns oförändrat i beslutsregistret');
    expect(summary).toContain('2026-11-22 11:00 svensk tid');
    expect(summary).toContain('under Kontroll');
    expect(summary).not.toMatch(/löv|rot |kontrollpunkt|UTC/);
    expect(technical).toContain('löv b7545b4db7545b4d');
  });

  it('tells a receipt still waiting for its signature when to fetch it, without UTC', () => {
    const pending: Receipt = { status: 'pending', recordId: 3, index: 2, leafHash: 'ab'.repeat(32), checkpointBy: '2026-11-22T11:00:00.000Z', savesUntilCheckpoint: 997 };
    const { summary } = receiptInPlainWords(pending, 'sv');
    expect(summary).toContain('senast 2026-11-22 12:00 svensk tid');
    expect(summary).not.toContain('UTC');
    expect(receiptInPlainWords(pending, 'en').summary).toContain('by 2026-11-22 12:00 Swedish time');
  });
});
