import { describe, expect, it } from 'vitest';
import { numberWordAlternation, numberWordValues } from '../../knowledge/number-words.js';

describe('number words', () => {
  it('gives the words of a range with their values, "en" only when asked for (it is also the article)', () => {
    expect(numberWordValues(1, 3)).toEqual({ ett: 1, två: 2, tre: 3 });
    expect(numberWordValues(1, 2, { en: true })).toEqual({ en: 1, ett: 1, två: 2 });
    expect(numberWordValues(8, 8, { folded: true })).toEqual({ åtta: 8, atta: 8 });
  });

  it('reads a longer word whole rather than a shorter one it starts with ("tretton", not "tre")', () => {
    const number = new RegExp(`^(?:${numberWordAlternation(1, 20)})`, 'u');
    expect(number.exec('tretton dagar')?.[0]).toBe('tretton');
    expect(number.exec('sjutton år')?.[0]).toBe('sjutton');
  });
});
