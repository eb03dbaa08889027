import { describe, expect, it } from 'vitest';
import { PrivacyGuard } from '../../privacy/index.js';

const guard = new PrivacyGuard({ allowedPhoneNumbers: ['08-530 622 55'] });

describe('PrivacyGuard', () => {
  describe('when a text holds several kinds of data', () => {
    it('lists every kind once, sorted', () => {
      const verdict = guard.inspectText('Sofia Hansson, pnr 140312-XXXX, Storgatan 14, 147 41 Tumba, tel 070-123 45 67, sofia@gmail.com');
      expect(verdict).toEqual({
        identifying: true,
        quasi: false,
        categories: ['address', 'email', 'name', 'personnummer', 'phone', 'postcode'],
      });
    });
  });

  describe('when a text is clean', () => {
    it('returns an empty verdict for ordinary and empty text', () => {
      const clean = { identifying: false, quasi: false, categories: [] };
      expect(guard.inspectText('hur länge får en utredning ta?')).toEqual(clean);
      expect(guard.inspectText('')).toEqual(clean);
      expect(guard.inspectText('Ring 08-530 622 55 kl 13.00.')).toEqual(clean);
    });
  });

  describe('when a card submit or an API body is inspected', () => {
    it('finds data in nested values, arrays and numbers', () => {
      const value = { concern: 'hunger', details: { notes: ['trött', 'Eleven heter Kenza'] }, age: 7 };
      expect(guard.inspectValue(value).categories).toEqual(['name']);
      expect(guard.inspectValue({ child: { id: 201403125675 } }).categories).toEqual(['personnummer']);
    });

    it('reads keys too, and a key together with its value', () => {
      expect(guard.inspectValue({ 'Sofia Andersson': true }).categories).toEqual(['name']);
      expect(guard.inspectValue({ förnamn: 'Bo' }).categories).toEqual(['name']);
      expect(guard.inspectValue({ personnummer: '140312' }).categories).toEqual(['personnummer']);
    });

    it('returns a clean verdict for clean values, null and cycles', () => {
      const looped: Record<string, unknown> = { ageGroup: '6-9', concern: 'frånvaro', duration: 'veckor' };
      looped.self = looped;
      expect(guard.inspectValue(looped)).toEqual({ identifying: false, quasi: false, categories: [] });
      expect(guard.inspectValue(null)).toEqual({ identifying: false, quasi: false, categories: [] });
    });

    it('keeps a quasi warning when no field identifies anyone', () => {
      expect(guard.inspectValue({ text: 'En elev i 4B, 10 år' })).toEqual({ identifying: false, quasi: true, categories: [] });
    });
  });

  describe('when the same guard is used many times', () => {
    it('gives the same verdict each time', () => {
      const text = 'Bo säger att mamma slår honom.';
      const first = guard.inspectText(text);
      guard.inspectText('hur länge får en utredning ta?');
      expect(guard.inspectText(text)).toEqual(first);
    });
  });
});
