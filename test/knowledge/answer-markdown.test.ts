import { describe, expect, it } from 'vitest';
import { withTappableNumbers } from '../../knowledge/answer-markdown.js';

describe('withTappableNumbers', () => {
  describe('when an answer holds telephone numbers', () => {
    it('links each one with tel:, written as before', () => {
      expect(withTappableNumbers('Socialjouren: 08-778 48 60 eller 010-564 64 67, Södra +46 8 530 619 05.')).toBe(
        'Socialjouren: [08-778 48 60](tel:+4687784860) eller [010-564 64 67](tel:+46105646467), Södra [+46 8 530 619 05](tel:+46853061905).',
      );
    });

    it('links 112 but not a law number or a paragraph', () => {
      expect(withTappableNumbers('Ring 112. SFS 1990:112, 112 § och 112 kap. gäller inte.')).toBe('Ring [112](tel:112). SFS 1990:112, 112 § och 112 kap. gäller inte.');
    });
  });

  describe('when an answer holds a fax number', () => {
    it('leaves it without a link, but unbroken', () => {
      expect(withTappableNumbers('telefon 08-530 622 55, fax 08-530 622 88')).toBe('telefon [08-530 622 55](tel:+46853062255), fax 08\u2011530\u00a0622\u00a088');
    });
  });

  describe('when a number is already a link', () => {
    it('keeps the link as it is', () => {
      expect(withTappableNumbers('[08-530 619 05](tel:+46853061905)')).toBe('[08-530 619 05](tel:+46853061905)');
    });
  });
});
