import { describe, expect, it } from 'vitest';
import { PrivacyGuard, type PrivacyVerdict } from '../../privacy/index.js';

// Variants written for these tests, one or more per mechanism behind a blind set's misses; no corpus message is copied.
const guard = new PrivacyGuard({ allowedPhoneNumbers: ['08-530 622 55', '08-530 610 00', '010-564 64 67'] });
const refuses = (text: string): PrivacyVerdict => guard.inspectText(text);

describe('identifying mechanisms', () => {
  describe('when a personnummer hides behind markup, emoji, spoken words or line breaks', () => {
    it.each([
      'hennes pnr: <span>140312</span>&#8211;<span>2386</span>',
      '1️⃣4️⃣0️⃣3️⃣1️⃣2️⃣➖2️⃣3️⃣8️⃣6️⃣',
      'personnumret är tjugohundrafjorton noll tre tolv tjugotre åttiosex',
      'han är fjorton noll tre tolv tjugotre åttiosex enligt listan',
      '140312 streck 2386 står det på lappen',
      'pnr:\n140312\n-2386',
      '2386 är sista siffrorna, födelsedelen 20140312',
    ])('refuses "%s"', (text) => {
      expect(refuses(text).categories).toContain('personnummer');
    });
  });

  describe('when a telephone number is in a shape no pattern listed', () => {
    it.each([
      'ring 073998123, det är mammans',
      'hon nås på 073-998123 på kvällen',
      'tel +358 40 123 4567 (mormor i Helsingfors)',
      'pappa i Norge: 0047 412 34 567',
      'ring noll sjuttiotre niohundranittioåtta tolv trettiofyra',
      'mobilen: O7O-998 I2 34',
    ])('refuses "%s"', (text) => {
      expect(refuses(text).categories).toContain('phone');
    });
  });

  describe('when an e-mail address is obfuscated or on a family domain', () => {
    it.each([
      'skriv till fam punkt nilsson snabela telia punkt se',
      'pappans mail är p.nowak[at]wp.pl',
      'anna{at}gmail{dot}com',
      'kontakt@familjenberg.nu är familjens adress',
      'info@pizzeria-tumba.se är pappans',
    ])('refuses "%s"', (text) => {
      expect(refuses(text).categories).toContain('email');
    });

    it('lets a public body\'s functional mailbox through', () => {
      expect(refuses('Skicka frågan till info@botkyrka.se eller mottagningen@edu.botkyrka.se').identifying).toBe(false);
    });
  });

  describe('when a birth date is given in any order, spelling or language', () => {
    it.each([
      'fodd 3 feb 2015 i Mogadishu',
      'fd 2015-02-03 (flicka)',
      'född 2015 den 3:e februari',
      'pojken föddes i februari -15',
      'født 3. februar 2015',
      'born in February 2015, in Year 4 now',
    ])('refuses "%s"', (text) => {
      expect(refuses(text).categories).toContain('date-of-birth');
    });
  });

  describe('when an identifier is labelled, tagged or a plate', () => {
    it.each([
      'kundnummer hos SL 77889900',
      'ärende-nr 2025-1145-33 hos er',
      'UMA-nummer 3344-5566',
      'LMA 21-556677 står på kortet',
      'hans discord är tumbakid#0421',
      'pappans bil har reg ABC 12D',
      'TikTok-kontot AylaDances är hennes',
      'kontonummer 5512-3, 441 902 337-8 enligt pappan',
    ])('refuses "%s"', (text) => {
      expect(refuses(text).identifying).toBe(true);
    });
  });

  describe('when a name stands in a person slot', () => {
    it.each([
      'Kan Ayaan vara med på samtalet?',
      'Har Zeynep fått någon hjälp?',
      'har ni något på Mirela? Hon slutade i höstas',
      'flickan heter (uttalas ungefär) Sii-ri',
      'pratade med ayla och nilo igår',
      'Ludde i 3C kom utan jacka',
      'Jun-seo i 3A gråter ofta',
      'Ji-woos pappa ringde igen',
      'eleven vilja har slutat komma',
      'n00r i 4A gråter',
      'Hope, 8, says her dad hits her',
      'Will in class 4B told me he sleeps in a car',
      'Faith in my Year 2 class says she is scared',
    ])('refuses "%s"', (text) => {
      expect(refuses(text).categories).toContain('name');
    });
  });

  describe('when a street is abroad', () => {
    it.each(['hon bor i Gdynia på ul. Morska 12', 'mormor bor på Hauptstraße 12 i Köln', 'she lives at 14 Baker Street'])(
      'refuses "%s"',
      (text) => {
        expect(refuses(text).categories).toContain('address');
      },
    );
  });

  describe('when the message is ordinary domain text', () => {
    it.each([
      'Ring mottagningssektion Norr på 08-530 622 55 om du är osäker.',
      'Läsåret 2025/2026 börjar den 18 augusti.',
      'Vi har möte kl 13.15–14.30 på torsdag.',
      'Gäller Prop. 2017/18:186 fortfarande?',
      'Tidsperioden 2024-01-01–2024-06-30 gäller.',
      'Konsultationstid tisdag 13–15 eller torsdag 9–11.',
      'Bokningen med nummer 4471 syns inte i kalendern.',
      'Vi fick ärendenumret i brevet men inget svar.',
      'Kan vi ses via Teams 2 gånger i veckan?',
      'Kan Barnahus hjälpa till?',
      'Har Skolverket några råd?',
      'Vi läser Kalle Anka i klassen.',
      'Tvillingarna har flyttat till en annan skola.',
      "I'm new here from Leeds, how does reporting work in Sweden?",
      'Hope this is the right place to ask about routines.',
      'Will the social worker call me back?',
    ])('does not refuse "%s"', (text) => {
      expect(refuses(text).identifying).toBe(false);
    });
  });

  describe('when details narrow a child down without naming them', () => {
    it.each([
      'Den yngsta eleven i förberedelseklassen sover på lektionerna',
      'Pojken med albinism på förskolan bränner sig ofta',
      'the only triplets in our school seem scared',
      'Pappan jobbar själv som socialsekreterare här i kommunen',
      'Barnet med tolv syskon kommer alltid hungrigt',
      'Hennes mamma är den enda kvinnliga busschauffören på linjen',
      'Flickan som efterlystes i helgen är tillbaka',
    ])('warns on "%s"', (text) => {
      expect(refuses(text)).toEqual({ identifying: false, quasi: true, categories: [] });
    });
  });
});
