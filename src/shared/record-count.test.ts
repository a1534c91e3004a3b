import { describe, expect, it } from 'vitest';
import { recordCount } from './record-count';

describe('recordCount', () => {
  it('says one record in the singular and any other count in the plural', () => {
    expect(recordCount(1, 'sv')).toBe('1 post');
    expect(recordCount(0, 'sv')).toBe('0 poster');
    expect(recordCount(290, 'sv')).toBe('290 poster');
    expect(recordCount(1, 'en')).toBe('1 record');
    expect(recordCount(2, 'en')).toBe('2 records');
  });
});
