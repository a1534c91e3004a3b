import { describe, expect, it } from 'vitest';
import { whoSaved } from './who-saved';

describe('who saved a decision', () => {
  it('is the name with the role beside it', () => {
    expect(whoSaved('anna', 'upphandlare')).toBe('anna (upphandlare)');
  });

  it('is the name alone where the name is the role\'s own word, whatever its case', () => {
    expect(whoSaved('upphandlare', 'Upphandlare')).toBe('upphandlare');
    expect(whoSaved('revisor', 'auditor')).toBe('revisor (auditor)');
  });
});
