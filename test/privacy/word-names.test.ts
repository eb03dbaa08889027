import { describe, expect, it } from 'vitest';
import { PrivacyGuard } from '../../privacy/index.js';

const guard = new PrivacyGuard();

// Names that are also Swedish words (björn, sol, rut, ask, vide, lo) get the context evidence unknown words get.
describe('names that are also words', () => {
  describe('when the context places a child', () => {
    it.each([
      'Björn i 3A har inte ätit lunch på en vecka.',
      'Vide på avdelning Humlan gråter vid lämning.',
      'Rut på Trollsländan har börjat bita de andra barnen.',
      'Ask och hans bror lämnas alltid först.',
      'Lo, fem år, säger att hon är ensam hemma.',
      'igår sa vide att pappa inte kom hem',
      'sen berättade sol att mamma gråter hela tiden',
      'Vi kallar henne Lo fast hon heter något annat.',
      'Vi är oroliga för Sol, hon är så tyst.',
      'Det gäller Björn, han har blåmärken igen.',
      'Hur gör vi när Ask inte vill gå hem?',
      'en elev, vide, som ofta är ledsen',
      'Sol är ledsen hela tiden och vill inte gå ut.',
      'vi är oroliga för björn',
    ])('refuses "%s"', (text) => {
      expect(guard.inspectText(text).categories).toContain('name');
    });
  });

  describe('when they are used as words', () => {
    it.each([
      'Vi såg en björn på utflykten till Hågelby.',
      'Barnen lekte i solen hela förmiddagen.',
      'Får man göra rut-avdrag för läxhjälp?',
      'Vi fick en ask choklad av föräldrarna.',
      'Enligt SoL ska vi anmäla genast.',
      'I maj kommer många anmälningar, kan ni förstärka?',
      'Liv och hälsa går först, ring 112 vid fara.',
      'Sol är viktigt för barn som är inne mycket.',
      'vi är oroliga för sol och vind på utflykten',
    ])('does not refuse "%s"', (text) => {
      expect(guard.inspectText(text).identifying).toBe(false);
    });
  });
});
