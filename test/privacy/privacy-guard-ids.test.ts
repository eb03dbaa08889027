import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PrivacyGuard } from '../../privacy/index.js';

describe('PrivacyGuard.inspectValue', () => {
  const guard = new PrivacyGuard();

  describe('when a card submit carries generated ids', () => {
    it('never refuses a GUID, whatever its hex happens to spell', () => {
      for (let i = 0; i < 5000; i++) {
        expect(guard.inspectValue({ action: 'claim', bookingId: randomUUID() }).identifying).toBe(false);
      }
    });

    it('still refuses a personnummer next to a GUID', () => {
      const verdict = guard.inspectValue({ id: randomUUID(), note: 'pnr 140312-2384' });
      expect(verdict.identifying).toBe(true);
      expect(verdict.categories).toContain('personnummer');
    });
  });
});
