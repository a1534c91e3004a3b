import { describe, expect, it } from 'vitest';
import { swedishTime } from './swedish-time';

describe('swedishTime', () => {
  it('writes a UTC moment as Swedish local time, winter and summer', () => {
    expect(swedishTime('2026-11-22T10:00:00.000Z', 'sv')).toBe('2026-11-22 11:00 svensk tid');
    expect(swedishTime('2026-07-22T23:30:00.000Z', 'sv')).toBe('2026-07-23 01:30 svensk tid');
    expect(swedishTime('2026-11-22T10:00:00.000Z', 'en')).toBe('2026-11-22 11:00 Swedish time');
  });

  it('leaves a text that is not a moment as it is', () => {
    expect(swedishTime('i morgon', 'sv')).toBe('i morgon');
  });
});
