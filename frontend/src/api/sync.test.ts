import { describe, expect, it } from 'vitest';
import { roundPulled } from './sync';

describe('roundPulled', () => {
  it.each([
    ['', false],
    ['pushed 2, refused 0, pulled 0, not applied 0', false],
    ['pushed 0, refused 0, pulled 3, not applied 0', true],
    ['pushed 0, refused 0, pulled 10, not applied 1', true],
  ])('%j → %s', (round, pulled) => expect(roundPulled(round)).toBe(pulled));
});
