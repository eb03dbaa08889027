import { describe, expect, it } from 'vitest';
import { PrivacyGuard } from '../../privacy/index.js';

const guard = new PrivacyGuard();

describe('date of birth detection', () => {
  describe('when a full date of birth is written', () => {
    it.each([
      'Barnet är född 12 mars 2014.',
      'född 2014-03-12',
      'Flickan, f. 2015-06-03, har berättat om våld.',
      'Pojken är född den 3 juni 2016.',
      'född 20120908, bor med mamma',
      'Han föddes 12/3 2014.',
      'Barnet är född 3/11-15.',
      'Födelsedatum: 2013-01-22.',
      'Hennes födelsedag är den 14 februari.',
      'Mamman är född 1987-04-02.',
      'fdd 2016-05-17, pojke',
      'Eleven fyller 10 år den 4 maj.',
      'född 15.08.2012',
      'född 12-03-2014',
      'född 14-03-12',
      'Han föddes den tolfte mars 2014.',
      'Hon är född den tjugoförsta maj.',
      '2014-03-12 föddes hon.',
      'b. 2016-11-02, lives with her aunt',
      'Hon föddes på julafton 2013.',
      'born on Christmas Day',
      'född i april -15, den 9:e',
      'Han fyllde 7 igår.',
      'she turned 11 yesterday',
      'Hon fyllde 9 i helgen, den 14 oktober.',
      'DOB: the third of june, twenty sixteen',
      'Hon fyller 6 på söndag.',
      'he turns 12 next Tuesday',
      'född en fredag, 4 april 2014',
      'kom till världen den 2 oktober 2015',
      'född på midsommarafton 2016',
    ])('finds it in "%s"', (text) => {
      expect(guard.inspectText(text).categories).toEqual(['date-of-birth']);
    });
  });

  describe('when only an age or a year is given', () => {
    it.each([
      'Eleven är född 2014 och går i fyran.',
      'Barnet är 10 år.',
      'Mamman är född 1985 i Irak.',
      'Han fyller år i juni.',
      'f.d. rektorn har också sett det.',
      'Mötet är den 12 mars 2025.',
      'Mötet 2014-03-12 flyttades.',
      'Hon föddes i maj.',
      'Ett barn född i Eritrea som kom hit 3 maj 2023, vad gäller?',
      'Vi fyller på med material på måndag.',
    ])('does not refuse "%s"', (text) => {
      expect(guard.inspectText(text).identifying).toBe(false);
    });

    it.each(['Barnet är född i mars 2014.', 'pojken föddes i maj -16 och går i tvåan', 'She was born in October 2015.'])(
      'refuses a month and a year of birth: "%s"',
      (text) => {
        expect(guard.inspectText(text).categories).toContain('date-of-birth');
      },
    );

    it.each([
      'he was born on the 12th of May',
      'född den tolfte i femte 2014',
      'född 2014 05 12',
      'bday 12/5',
      'b-day 12 may',
      'hon fyller 10 om två dagar',
      'född den 12 i 5 2014',
      'född tolv maj 2014',
      'hon har födelsedag på torsdag',
      'D.O.B. 12/5/14',
      'née 12 May 2014',
      'she turned 9 on May 12',
      'Ali, som föddes på Danderyd, 12/5 -14, har',
      'lillasyster föddes i tisdags',
      'han blir 8 år den 2 oktober',
      'she will be 7 on the 2nd of October',
      'firar sin 6-årsdag den 2 oktober',
      'hennes födis är 2/10',
      'född 3:dje oktober',
    ])('refuses a birth word and a day and month however they are written: "%s"', (text) => {
      expect(guard.inspectText(text).categories).toContain('date-of-birth');
    });

    it.each([
      'fyll i blanketten senast 12/5',
      'hon är född i Somalia och kom hit 12 maj 2019',
      'he was born in Syria and arrived on 3 June 2020',
      'när barnet fyller 3 har det rätt till 15 timmar, från 1 juli',
      'vi hade födelsedagsfirande på fredag för hela klassen',
      'turns out the meeting on 12 May is cancelled',
      'b. Kontakta mottagningen 12/5',
      'de som är födda 2019 ska ha fått brev 1 mars',
      'det blir 20 barn i gruppen den 3 maj',
      'vad gäller när man blir 15 den 1 juli?',
      'skolan firar 100-årsdag den 12 september',
      'hon föddes i Syrien och flydde förra veckan',
    ])('does not read a date that belongs to something else as a birth: "%s"', (text) => {
      expect(guard.inspectText(text).categories).not.toContain('date-of-birth');
    });

    it.each([
      'fodd 3 okt 2012 enligt mamman',
      'fd 2015-06-21, flicka',
      'född 2016 den 4:e juli på BB',
      'Born 2014, on the 3rd of May, in Örebro',
    ])('refuses a birth date in any order or spelling: "%s"', (text) => {
      expect(guard.inspectText(text).categories).toContain('date-of-birth');
    });
  });
  describe('when a full date is set off in brackets or commas right after a name', () => {
    it.each(['Kenza Haddad (2015/09/21) har berättat om våld', 'Lina Berg (den 3:e maj 2016) är borta igen', 'Omar, 2013-11-02, kommer utan mat'])(
      'refuses it as a date of birth too: "%s"',
      (text) => {
        expect(guard.inspectText(text).categories).toEqual(expect.arrayContaining(['date-of-birth', 'name']));
      },
    );

    it('does not read the date of a document as a birth', () => {
      expect(guard.inspectText('Rutinen (2023-05-01) gäller fortfarande').identifying).toBe(false);
    });
  });
});
