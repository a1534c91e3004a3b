import { describe, expect, it } from 'vitest';
import { routeOf } from '../../app/use-hash-route';
import { parseWorkshopHash, workshopHash } from './workshop-route';

describe('workshop hashes', () => {
  it('keeps every #/workshop/… hash on the workshop page', () => {
    expect(routeOf('#/workshop')).toBe('workshop');
    expect(routeOf('#/workshop/')).toBe('workshop');
    expect(routeOf('#/workshop/scenario/fruktkorgar-reserverad/tree')).toBe('workshop');
    expect(routeOf('#/workshopping')).toBe('not-found');
  });

  it('reads the library, a scenario and its part, and writes them back', () => {
    expect(parseWorkshopHash('#/workshop')).toEqual({ view: 'library' });
    expect(parseWorkshopHash('#/workshop/scenario/')).toEqual({ view: 'library' });
    expect(parseWorkshopHash('#/workshop/scenario/fruktkorgar-reserverad')).toEqual({ view: 'scenario', id: 'fruktkorgar-reserverad', part: 'group' });
    expect(parseWorkshopHash('#/workshop/scenario/fruktkorgar-reserverad/handout')).toEqual({ view: 'scenario', id: 'fruktkorgar-reserverad', part: 'handout' });
    expect(parseWorkshopHash('#/workshop/scenario/x/nonsense')).toEqual({ view: 'scenario', id: 'x', part: 'group' });
    expect(parseWorkshopHash('#/workshop/scenario/x/deck')).toEqual({ view: 'deck', id: 'x' });
    expect(parseWorkshopHash('#/workshop/scenario/x/trainer')).toEqual({ view: 'trainer', id: 'x' });
    expect(parseWorkshopHash('#/workshop/wall')).toEqual({ view: 'wall' });
    expect(parseWorkshopHash('#/workshop/wall/fruktkorgar-reserverad')).toEqual({ view: 'wall', id: 'fruktkorgar-reserverad' });
    expect(parseWorkshopHash('#/workshop/builder/x')).toEqual({ view: 'builder', id: 'x' });
    for (const hash of ['#/workshop', '#/workshop/wall', '#/workshop/wall/x', '#/workshop/builder/x', '#/workshop/scenario/x/deck', '#/workshop/scenario/x/trainer', '#/workshop/scenario/x', '#/workshop/scenario/x/what-if', '#/workshop/scenario/x/tree']) {
      expect(workshopHash(parseWorkshopHash(hash))).toBe(hash);
    }
  });
});

describe('an address that names no page', () => {
  it('is "Sidan finns inte", not the guide; an in-page anchor and the guide\'s steps stay on the guide', () => {
    expect(routeOf('#/nagot-annat')).toBe('not-found');
    expect(routeOf('#/', '/gammal/lank')).toBe('not-found');
    expect(routeOf('#/registret')).toBe('not-found');
    for (const hash of ['', '#', '#/', '#/guide/varde', '#doc-routes']) expect(routeOf(hash), hash).toBe('wizard');
    expect(routeOf('#/register', '/register')).toBe('register');
  });
});
