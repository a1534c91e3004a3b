import { describe, expect, it } from 'vitest';
import { foldForSearch, matchOptions } from './combobox';

const options = [
  { value: 'kommun-0780', label: 'Växjö kommun', detail: 'Kommun i Kronobergs län', keywords: '0780' },
  { value: 'ljungby', label: 'Ljungby kommun', detail: 'Kommun i Kronobergs län', keywords: '0781' },
  { value: 'region-05', label: 'Region Östergötland', detail: 'Region, Östergötlands län', keywords: '05' },
  { value: 'kommun-0580', label: 'Linköpings kommun', detail: 'Kommun i Östergötlands län', keywords: '0580' },
];

describe('finding an organisation in the combobox', () => {
  it('ignores case and diacritics, so "vaxjo" finds Växjö', () => {
    expect(foldForSearch('Växjö ÖSTER')).toBe('vaxjo oster');
    expect(matchOptions(options, 'vaxjo').map((o) => o.value)).toEqual(['kommun-0780']);
  });

  it('finds by län and by code as well as by name', () => {
    expect(matchOptions(options, 'kronoberg').map((o) => o.value)).toEqual(['kommun-0780', 'ljungby']);
    expect(matchOptions(options, '0781').map((o) => o.value)).toEqual(['ljungby']);
  });

  it('needs every word typed, and lists names that start with the text first', () => {
    expect(matchOptions(options, 'kommun östergötland').map((o) => o.value)).toEqual(['kommun-0580']);
    expect(matchOptions(options, 'region').map((o) => o.value)[0]).toBe('region-05');
  });

  it('lists everything for an empty text and nothing for a text no option has', () => {
    expect(matchOptions(options, '  ')).toHaveLength(4);
    expect(matchOptions(options, 'Oslo')).toEqual([]);
  });
});
