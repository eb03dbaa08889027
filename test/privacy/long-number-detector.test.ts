import { describe, expect, it } from 'vitest';
import { PrivacyGuard } from '../../privacy/index.js';

const guard = new PrivacyGuard({ allowedPhoneNumbers: ['08-530 622 55'] });

describe('long numbers', () => {
  describe('when a run of eight or more digits is explained by no other detector', () => {
    it.each([
      ['kontot är 9021 55 661 023 4 om ni behöver det', 'identifier'],
      ['kortnumret 4471-8812-0093-1123 låg i väskan', 'identifier'],
      ['hennes nummer 0739 981 23 45 6', 'phone'],
      ['skicka till 87 33 12 90 45', 'identifier'],
      ['+7 912 345 67 89 är farbroderns', 'phone'],
    ])('refuses "%s" as %s', (text, category) => {
      expect(guard.inspectText(text).categories).toContain(category);
    });
  });

  describe('when the number is public or no one\'s', () => {
    it.each([
      'Ring 08-530 622 55 eller mejla mottagningen.',
      'Läsåret 2025/2026 börjar i augusti.',
      'Tiderna är 08.15-16.30 varje dag.',
      'Mötet är 2026-12-15 10:00 i Tumba.',
      'Anmälan skickades 20261130.',
      'Perioden 2024-01-01–2024-06-30 gäller.',
      'Lagen (2018:1197) gäller sedan 2020.',
      'Prop. 2002/03:53 nämns i avtalet.',
      'dnr 2025/1234-56 gäller vår förfrågan',
      'Budgeten är 12 500 000 kr.',
      'Botkyrka har 95 000 invånare.',
    ])('does not refuse "%s"', (text) => {
      expect(guard.inspectText(text).identifying).toBe(false);
    });
  });
});
