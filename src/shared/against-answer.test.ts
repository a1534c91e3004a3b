import { describe, expect, it } from 'vitest';
import { againstAnswer } from './against-answer';

const grew = { kind: 'checkpoint' as const, extension: true, treeSize: 200, recordId: null, reasons: [] };
const passing = { failures: [], failedCount: 0, logProblems: [] };

describe("the one answer to the auditor's checkpoint or receipt", () => {
  it('is yes only when the log grew and every other check of the run passed', () => {
    expect(againstAnswer(grew, passing)).toEqual({ yes: true, text: { sv: 'Ja: registret är i dag en ren utökning av det du höll upp.', en: 'Yes: the register today is an append-only extension of what you brought.' } });
  });

  it('is no, naming the first failing decision, when the log only grew but a record in the database does not match it', () => {
    const answer = againstAnswer(grew, { failures: [{ id: 264, ok: false, problems: [{ kind: 'leaf-mismatch', detail: '' }] }, { id: 300, ok: false, problems: [] }], failedCount: 2, logProblems: [] });
    expect(answer.yes).toBe(false);
    expect(answer.text.sv).toBe('Nej: loggen har bara växt, men beslut nr 264 i databasen stämmer inte med loggen (och 1 till).');
    expect(answer.text.en).toBe('No: the log has only grown, but decision no. 264 in the database does not match the log (and 1 more).');
  });

  it('is no when the log only grew but the same run found a problem of the log itself', () => {
    const answer = againstAnswer(grew, { ...passing, logProblems: [{ kind: 'guards-missing', detail: 'the append-only triggers decisions_no_update have been removed or disabled', recordId: null }] });
    expect(answer).toEqual({
      yes: false,
      text: {
        sv: 'Nej: loggen har bara växt, men kontrollen av samma körning fann fel i loggen: skydden mot ändring och radering har tagits bort.',
        en: 'No: the log has only grown, but the same run found a problem in the log: the guards against change and deletion are gone (the append-only triggers decisions_no_update have been removed or disabled).',
      },
    });
  });

  it('says in Swedish, without the English detail, which problem of the log it found and from which record', () => {
    const answer = againstAnswer(grew, {
      ...passing,
      logProblems: [
        { kind: 'log-truncated', detail: 'checkpoints.jsonl ends at size 120 but the database recorded a signed size 180', recordId: 121 },
        { kind: 'side-log-broken', detail: 'record_events head does not match checkpoint 180', recordId: null },
      ],
    });
    expect(answer.text.sv).toBe('Nej: loggen har bara växt, men kontrollen av samma körning fann fel i loggen: loggen har kortats (från post 121) (och 1 till).');
    expect(answer.text.sv).not.toMatch(/checkpoints\.jsonl|database|does not/);
    expect(answer.text.en).toMatch(/^No: the log has only grown, but the same run found a problem in the log: the log has been cut \(from record 121\) \(checkpoints\.jsonl ends/);
  });

  it('is no when the register does not extend what the auditor holds', () => {
    expect(againstAnswer({ ...grew, extension: false }, passing)).toMatchObject({ yes: false, text: { sv: 'Nej: registret är inte en ren utökning av det du höll upp.' } });
  });
});
