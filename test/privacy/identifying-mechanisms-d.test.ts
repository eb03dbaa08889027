import { describe, expect, it } from 'vitest';
import { PrivacyGuard, type PrivacyVerdict } from '../../privacy/index.js';

// Variants written for these tests, several per mechanism behind set D's misses; no corpus message is copied.
const guard = new PrivacyGuard({ allowedPhoneNumbers: ['08-530 622 55', '08-530 610 00'] });
const inspect = (text: string): PrivacyVerdict => guard.inspectText(text);

describe('identifying mechanisms found by set D', () => {
  describe('when a first name and a surname no list has stand together in a person context', () => {
    it.each([
      'Wanchai Srisuk (10 år) har inte ätit frukost på hela veckan',
      'Somchai Boonmee i 5B kommer ofta för sent',
      'kan någon ringa mig om Mulugeta Gebrehiwot? det är bråttom',
      'vi behöver ett möte om Siriporn Kaewkla före lovet',
      'Tesfaye Haile berättade att pappan slår',
    ])('refuses "%s"', (text) => {
      expect(inspect(text).categories).toContain('name');
    });
  });

  describe('when an English sentence opens with a name or gives its genitive', () => {
    it.each([
      'Xiaoming has not eaten lunch all week, should I report?',
      'Zhiwei said his father hits him when he is drunk',
      "Ruoxi's father picks her up drunk, what do I do?",
      "Is Haoran's mum allowed to take him out of school?",
    ])('refuses "%s"', (text) => {
      expect(inspect(text).categories).toContain('name');
    });
  });

  describe('when a name in lower case stands where a person is talked about', () => {
    it.each([
      'har ringt och pratat med ebbis igen, hon verkar rädd',
      'vi är oroliga för zeynu men vet inte hur vi ska gå vidare',
      'kan du ringa mig om ketsela abraha? det gäller hemmet',
      'tesfit i åttan säger att hon inte får gå ut',
      'jag undrar om kanokwan på avdelning ekorren, hon fryser alltid',
      'vet ni om det finns en anmälan kring familjen wu? vi är oroliga',
    ])('refuses "%s"', (text) => {
      expect(inspect(text).categories).toContain('name');
    });
  });

  describe('when a name is joined to a person noun, placed in a class after "en" or broken after its capital', () => {
    it.each([
      'Kanokwan-tjejen i sexan har blåmärken på armarna',
      'Det finns en Sten i fyran som aldrig har matsäck med sig',
      'jag delar upp namnet: S\namira, hon går i 5C',
    ])('refuses "%s"', (text) => {
      expect(inspect(text).categories).toContain('name');
    });
  });

  describe('when numbers, dates and plates are disguised', () => {
    it.each([
      ['ring henne på noll sju noll fyra streck ett två tre fyra fem sex', 'phone'],
      ['barnet är fött 2Ol5-O4-l2 enligt mamman', 'date-of-birth'],
      ['bilen med regnr K T R 1 1 8 står utanför skolan', 'identifier'],
      ['reg.nr ABC 12 D syntes vid grinden', 'identifier'],
      ['födelsedatum 1 2 . 0 3 . 2 0 1 6, flicka', 'date-of-birth'],
      ['han kallar sig night_rider_09 på Discord', 'identifier'],
      ['hon har TikTok-namnet tumba.girl12 och får hot där', 'identifier'],
    ])('refuses "%s" (%s)', (text, category) => {
      expect(inspect(text).categories).toContain(category);
    });
  });

  describe('when a street is written in lower case or ends in a less common word', () => {
    it.each(['de har flyttat till tumba byväg 12b', 'hon sover hos mormor på tallbrinken 44'])('refuses "%s"', (text) => {
      expect(inspect(text).categories).toContain('address');
    });
  });

  describe('when the message is ordinary text near these contexts', () => {
    it.each([
      'Ring 5 3 0  6 2 2  5 5 för mottagningen Norr',
      'Vi har pratat med mentorn igen idag',
      'Vi är oroliga för frånvaron men vet inte vad vi ska göra',
      'vi är oroliga för ekonomin men vet inte vad vi kan göra',
      'har pratat med terapin igen, de hör av sig',
      'pratat med dagis igen om hämtningen',
      'fråga om lov igen, när börjar det?',
      'Vi har en Lucia i trean i år också',
      'Kan någon ringa mig om mötet? det gäller rutinen',
      'Familjen är trött efter flytten, vad kan vi erbjuda?',
      'Det enda som hjälper är att prata lugnt med barnet',
      'Kan vi ha ett möte om Google Classroom?',
      'Has the social worker called back yet?',
      'Botkyrka has a new routine for reports, where is it?',
      'ring noll åtta streck fem tre noll för växeln',
      'vi ses i salen 12 på tisdag',
      'Finns det t.ex. på Instagram eller bara på webben?',
      'Hur många barn är 2.5 timmar om dagen på TikTok?',
      'I\nthink the routine is clear, thanks',
    ])('does not refuse "%s"', (text) => {
      expect(inspect(text).identifying).toBe(false);
    });
  });

  describe('when details narrow a child down without naming them', () => {
    it.each([
      'Han är kusin till en av de häktade i skjutningen och vågar inte gå ut',
      'Min grannes dotter går i min klass och jag hör bråk genom väggen',
      'Pojken som är den enda med hörapparat i klassen blir retad',
      'Dottern till en av politikerna i nämnden är ofta borta',
    ])('warns on "%s"', (text) => {
      expect(inspect(text)).toEqual({ identifying: false, quasi: true, categories: [] });
    });
  });
});
