import { describe, expect, it } from 'vitest';
import { PrivacyGuard } from '../../privacy/index.js';

// General mechanisms written before set E was opened; every case is written for this file, none is taken from a set.
const guard = new PrivacyGuard();

describe('identifying mechanisms (general, set E session)', () => {
  describe('when a symbol stands for a letter in a name', () => {
    it.each(['S@ga har blåmärken', 'Ka+arina gråter varje morgon', '$elma i 4a slutar sent', 'H€lena säger att hon är rädd'])('refuses "%s"', (text) => {
      expect(guard.inspectText(text).categories).toContain('name');
    });

    it.each(['mamma+pappa ska bjudas in till mötet', 'Tack!jag undrar hur man gör en anmälan', 'mejla kontakt@botkyrka.se om ni undrar'])(
      'leaves "%s" alone',
      (text) => {
        expect(guard.inspectText(text).categories).not.toContain('name');
      },
    );
  });

  describe('when initials stand where a child is named', () => {
    it.each(['R.T. i 2B har slutat äta', 'pojken heter L.M.', 'initialerna är N.K. om ni behöver', 'J.P. säger att pappa slår'])('refuses "%s"', (text) => {
      expect(guard.inspectText(text).categories).toContain('name');
    });

    it.each(['E.U. har regler om det här', 'P.S. glöm inte mötet på fredag'])('leaves "%s" alone', (text) => {
      expect(guard.inspectText(text).identifying).toBe(false);
    });
  });

  describe('when a street is written short, as on an envelope', () => {
    it.each(['de bor på Kvarnbacksv. 7', 'adress: Skolg. 14B', 'hemadress: Vreta hage 5', 'bor på Sätra äng 12', 'adress Ekvägen7', 'bor i nummer 9 på Ekvägen', 'bor på Fittja Torg 4'])('refuses "%s"', (text) => {
      expect(guard.inspectText(text).categories).toContain('address');
    });

    it('leaves a section of a law alone', () => {
      expect(guard.inspectText('Se kap. 14 och Bilag. 3 i handboken').categories).not.toContain('address');
    });
  });
  describe('when a gaming name or a patient record number is given', () => {
    it.each(['hans spelarnamn är NightOwl77', 'gamertag: pixel_queen', 'journalnr 4471902 på BUP', 'patient-id 88213 på vårdcentralen', 'hennes Skola24-id är 77120', 'minecraft-namnet är blockboy_09', 'patientnummer 552190', 'personalnummer 30917'])('refuses "%s"', (text) => {
      expect(guard.inspectText(text).categories).toContain('identifier');
    });

    it('leaves a handle written with "@" as the handle it is', () => {
      expect(guard.inspectText('hon skriver som @kattliv_07 på TikTok').categories).toContain('identifier');
    });
  });
  describe('when a name that is also a word opens a lower-case sentence, follows a relation or takes a genitive', () => {
    it.each(['liv har ont i magen varje morgon', 'saga är ledsen hela tiden', 'knut gick hem ensam igår', 'mamma till sol ringde', 'pappa till dag.', 'tinas pappa hämtade full', 'lina berg är borta igen', 'per lind har inte kommit'])(
      'refuses "%s"',
      (text) => {
        expect(guard.inspectText(text).categories).toContain('name');
      },
    );

    it.each(['max har vi 20 barn i gruppen', 'liv är viktigare än regler', 'mina har slutat komma till fritids', 'jag är mamma till tre och jobbar som lärare', 'klara besked behövs', 'dag har gått utan att vi hört något', 'per dag är det max 3 timmar', 'bo lund är en ort'])(
      'leaves "%s" alone',
      (text) => {
        expect(guard.inspectText(text).categories).not.toContain('name');
      },
    );
  });
  describe('when an English name that is also a word is written in lower case where a name stands', () => {
    it.each(["mark's mum called and was drunk", 'rose told me her dad hits her', 'she said her name is faith', 'we have a girl called lily who cries a lot', 'the boy, river, came without food'])(
      'refuses "%s"',
      (text) => {
        expect(guard.inspectText(text).categories).toContain('name');
      },
    );

    it.each(['will you call me back?', 'i hope you can help us', 'mark the form as urgent please', 'we will grant the request', 'joy and sadness are normal'])(
      'leaves "%s" alone',
      (text) => {
        expect(guard.inspectText(text).identifying).toBe(false);
      },
    );
  });
  describe('when a name is cut into pieces, or a digit or an emoji stands in it', () => {
    it.each(['Zey nep har blåmärken', 'ab dul säger att pappa slår', 'Ya-sm-in i 4a', '3lsa har ont i magen', '0livia gråter', 'Ja8ir kom utan mat', 'Le🌸ila har blåmärken'])(
      'refuses "%s"',
      (text) => {
        expect(guard.inspectText(text).categories).toContain('name');
      },
    );

    it.each(['vi ha de det bra', 'i 3an har vi tema', 'ta med e-post och t-shirt', 'bra 👍 jobbat'])('leaves "%s" alone', (text) => {
      expect(guard.inspectText(text).categories).not.toContain('name');
    });
  });
  describe('when a number is labelled as an order or a product', () => {
    it.each(['beställningsnummer 20240312-4471 för läromedel', 'produktnr 20231105-2231 på lådan'])('leaves "%s" alone', (text) => {
      expect(guard.inspectText(text).identifying).toBe(false);
    });
  });
  describe('when an unlisted name is written in lower case where a name stands', () => {
    it.each(['mamma till zorvika ringde igår', 'pappa till quenby.', 'hej, gäller zuhayra i 4a', 'vi tror att zyanne blir slagen', 'thulani är rädd för att gå hem'])(
      'refuses "%s"',
      (text) => {
        expect(guard.inspectText(text).categories).toContain('name');
      },
    );

    it.each(['vaktis är sjuk idag, vem öppnar?', 'kurre är borta hela veckan', 'pappa till kompisen ringde igen', 'vi tror att fritidsgården har stängt', 'hej, gäller rutinen för förskolan?'])(
      'leaves "%s" alone',
      (text) => {
        expect(guard.inspectText(text).categories).not.toContain('name');
      },
    );
  });
  describe('when an unlisted capitalised name opens a sentence or a message', () => {
    it.each(['Quenby gråter varje morgon.', 'Ysolde är rädd för att gå hem.', 'Angående Thandiwe: hon har slutat äta.', 'Kan ni ringa Tamsins mamma?'])(
      'refuses "%s"',
      (text) => {
        expect(guard.inspectText(text).categories).toContain('name');
      },
    );

    it.each(['Angående Studiedagar: vilka datum gäller?', 'Fritidspersonal är trött efter terminen.', 'Ang. Fritidsavgift, vem betalar?', 'Plötsligt kom varje barn fram.'])(
      'leaves "%s" alone',
      (text) => {
        expect(guard.inspectText(text).categories).not.toContain('name');
      },
    );
  });
  describe('when a name that is also a word is placed in the writer\'s group before a verb', () => {
    it.each(['Sten i klassen har blåmärken', 'Björn i min klass säger att pappa slår', 'Liv på förskolan är ledsen', 'Vi har en Ros i gruppen som gråter'])(
      'refuses "%s"',
      (text) => {
        expect(guard.inspectText(text).categories).toContain('name');
      },
    );

    it.each(['Max i klassen är 25 elever', 'Sol i klassen idag, vi var ute', 'Dag i klassen börjar 8.10', 'Liv i klassen blir det när alla är där'])(
      'leaves "%s" alone',
      (text) => {
        expect(guard.inspectText(text).identifying).toBe(false);
      },
    );
  });
  describe('when a telephone number is said with "oh" for zero', () => {
    it('refuses it', () => {
      expect(guard.inspectText('her number is oh seven three, nine eight seven, six five four three').categories).toContain('phone');
    });

    it('leaves "oh" as a word alone', () => {
      expect(guard.inspectText('oh, one more thing: two of the pupils are sick').identifying).toBe(false);
    });
  });
});
