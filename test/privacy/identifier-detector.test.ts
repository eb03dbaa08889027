import { describe, expect, it } from 'vitest';
import { PrivacyGuard } from '../../privacy/index.js';

const guard = new PrivacyGuard();

describe('identifier detection', () => {
  describe('when a handle, a user name or a document number points to one person', () => {
    it.each([
      'Hon skriver saker på TikTok som @dansdrottning_09, kan ni titta?',
      'Hans konto på Discord heter shadow.wolf77 och han får hot där',
      'Mammans passnummer är AA1234567',
      'LMA-kortet har nummer 44-612345/01',
      'Pappans bil, registreringsnummer XYZ 98K, står vid grinden varje dag',
      'Hennes elev-id i lärplattformen är hgt0987',
      'The username on his gaming account is dark_knight_2013.',
      'barnets id i Unikum är 30 4471',
      "Her pupil ID number is 118-2207.",
    ])('refuses "%s" as an identifier', (text) => {
      expect(guard.inspectText(text).categories).toContain('identifier');
    });
  });

  describe('when the same words carry no one\'s identity', () => {
    it.each([
      'Hur länge gäller ett LMA-kort?',
      'Ska passnumret stå med i anmälan?',
      'Vi har haft registreringsnummer på alla ärenden sedan 2019',
      'Vilket konto ska jag logga in med i Teams?',
      'Mejla mottagningen@botkyrka.se om ni vill ha kallelsen',
      'Eleven spelar mycket på Instagram och TikTok, är det oroande?',
      'Var hittar jag elevens id i Skola24?',
    ])('does not refuse "%s"', (text) => {
      expect(guard.inspectText(text).identifying).toBe(false);
    });
  });
});
