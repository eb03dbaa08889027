import { describe, expect, it } from 'vitest';
import { PhoneAllowList, PrivacyGuard } from '../../privacy/index.js';

const published = ['08-530 622 55', '08-530 619 05', '010-564 64 67'];
const guard = new PrivacyGuard({ allowedPhoneNumbers: published });
const categories = (text: string): string[] => guard.inspectText(text).categories;

describe('contact data detection', () => {
  describe('when a private phone number is written', () => {
    it.each([
      'Pappan kan nås på 070-123 45 67.',
      'Ring mamman på 0731234567.',
      'Mammans mobil: +46 70 174 06 55',
      'pappans nummer 0046701740612',
      'Familjen nås på 08-465 004 32.',
      'Mormor har telefon 031-390 06 44.',
      'Ring mamman på +46 (0)70-222 33 44.',
      'Hemnummer (08) 12 34 56',
      'tel 123 45 67 till mormor',
      'mammans mobil 070.123.45.67',
      'pappans nummer utan nollan är 73 991 20 41',
    ])('finds a phone number in "%s"', (text) => {
      expect(categories(text)).toEqual(['phone']);
    });
  });

  describe("when the municipality's own or a service number is written", () => {
    it.each([
      'Ring mottagningssektion Norr på 08-530 622 55.',
      'Ring +46 8 530 622 55 eller 08-53061905.',
      'Jag har ringt 530 622 55 tre gånger idag.',
      'Socialjouren har också numret 010-564 64 67.',
      'Kvinnofridslinjen 020-50 50 50 kan mamman ringa.',
      'Barnet kan ringa Bris på 116 111.',
      'Polisen nås på 114 14.',
      'Ring 112 vid akut fara.',
      'Är det 114 14 eller 112 som gäller när någon hotar personalen?',
    ])('does not refuse "%s"', (text) => {
      expect(guard.inspectText(text).identifying).toBe(false);
    });

    it('takes allowed numbers in any format, and number series ending in *', () => {
      const allow = new PhoneAllowList(['+46 8 530 622 55', '08-530 6*']);
      expect(allow.allows('0853062255')).toBe(true);
      expect(allow.allows('53062255')).toBe(true);
      expect(allow.allows('0853061000')).toBe(true);
      expect(allow.allows('0701234567')).toBe(false);
    });
  });

  describe('when an e-mail address is written', () => {
    it('finds personal addresses and lets functional mailboxes through', () => {
      expect(categories('Pappans mejl är karim.hassan@gmail.com.')).toEqual(['email']);
      expect(categories('Kontakta mamman på kalle123 (at) gmail.com')).toEqual(['email']);
      expect(categories('Skicka till mottagningen@botkyrka.se')).toEqual([]);
    });
  });

  describe('when an address or a postcode is written', () => {
    it.each([
      ['Familjen bor på Storgatan 14.', ['address']],
      ['De har flyttat till Hågelbyvägen 5B.', ['address']],
      ['De bor i lägenhet 1102.', ['address']],
      ['hon bor på skolvägen 7 hos sin moster', ['address']],
      ['De bor på Hallunda torg 4.', ['address']],
      ['Adress: Storgatan 14, 147 41 Tumba.', ['address', 'postcode']],
      ['Familjen har flyttat till 14638 Tullinge.', ['postcode']],
      ['De bor i 147 41 enligt mamman.', ['postcode']],
      ['The family lives at 22 Granbacken in Tumba.', ['address']],
      ['They moved to flat 1204 last month.', ['address']],
      ['mejla henne på noor.s at hotmail punkt com', ['email']],
      ['S k o g s s t i g e n  2 4 – där bor de', ['address']],
      ['de bor på Granvägen sjutton', ['address']],
      ['mejla henne: noor.s @ hotmail . com', ['email']],
    ])('finds it in "%s"', (text, expected) => {
      expect(categories(text)).toEqual(expected);
    });

    it.each([
      'Vi gick vägen 3 gånger.',
      'Storgatan en bit bort är avstängd.',
      'De bor en bit från Storgatan, tre hus bort.',
      'Skolvägen 3 gånger om dagen är för mycket för barnet.',
      'Hågelbyvägen är stängd, mötet blir digitalt.',
      'Skolan har 450 elever och 120 anställda.',
      'Skicka anmälan till Botkyrka kommun, 147 85 Tumba.',
      'Det kostar 145 00 kr per termin.',
      'The school has 450 pupils and 3 buildings.',
      'Vi ses at 10 imorgon, okej?',
    ])('does not refuse "%s"', (text) => {
      expect(guard.inspectText(text).identifying).toBe(false);
    });
  });
});
