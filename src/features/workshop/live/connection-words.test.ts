import { describe, expect, it } from 'vitest';
import { howLong, presenterInterrupted, presenterResumed } from './connection-words';

const at = (hhmm: string) => Date.parse(`2026-03-10T${hhmm}:00+01:00`);

describe('what the presenter is told about a break in the session', () => {
  it('names a restart, how long the server was away, and that every answer is still there', () => {
    const words = presenterResumed({ cause: 'restart', from: at('14:02'), to: at('14:03'), answeredBefore: 12, answeredNow: 12, participants: 14 });
    expect(words.sv).toBe('Servern startades om (borta 1 min, 14:02–14:03). Sessionen fortsätter och inga svar gick förlorade: 12 av 14 har svarat.');
  });

  it('says how many answers were lost when fewer came back than went', () => {
    const words = presenterResumed({ cause: 'network', from: at('14:02'), to: at('14:04'), answeredBefore: 12, answeredNow: 9, participants: 14 });
    expect(words.sv).toContain('3 av 12 svar finns inte kvar');
    expect(words.sv).not.toContain('inga svar gick förlorade');
  });

  it('names a sleep of the computer with its span in Swedish time', () => {
    expect(presenterResumed({ cause: 'sleep', from: at('14:02'), to: at('14:14'), answeredBefore: 3, answeredNow: 3, participants: 5 }).sv).toMatch(
      /^Datorn har sovit i 12 min \(14:02–14:14\)/,
    );
  });

  it('says since when the connection is broken, and never that the trainer ended anything', () => {
    const words = presenterInterrupted(at('09:41'));
    expect(words.sv).toContain('bruten sedan 09:41');
    expect(words.sv).not.toMatch(/avslutat|raderade/);
  });

  it('writes durations as a person says them', () => {
    expect(howLong(40_000).sv).toBe('40 s');
    expect(howLong(125 * 60_000).sv).toBe('2 h 5 min');
  });
});
