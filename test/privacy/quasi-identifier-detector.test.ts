import { describe, expect, it } from 'vitest';
import { PrivacyGuard } from '../../privacy/index.js';

const guard = new PrivacyGuard();

describe('quasi-identifier detection', () => {
  describe('when a specific class is given with other detail', () => {
    it.each([
      'En elev i 4B har berättat att pappa slår, hon är 10 år.',
      'En kille i 8A har slutat äta i skolan.',
      'Eleven går i klass 9c och har en tvilling.',
      'Den enda eleven i klassen med rullstol blir mobbad.',
      'En tjej i årskurs 6 på Hallundaskolan har berättat om självskada.',
      'Hon bor på Storgatan med sin pappa.',
      'eleven i 6a som har diabetes får ingen insulin med sig',
      'Vi har den enda familjen från Eritrea i förskoleklassen och mamma är rädd.',
      'Det är bara en flicka i förskoleklassen som har hörapparat och hon har blåmärken.',
      'Pojken i förskoleklass B vars mamma jobbar här kommer hungrig.',
    ])('warns but does not refuse "%s"', (text) => {
      expect(guard.inspectText(text)).toEqual({ identifying: false, quasi: true, categories: [] });
    });
  });

  describe('when a condition or life event few share is placed in a class, grade, group or school', () => {
    it.each([
      'en kille i sjuan med leukemi',
      'flickan i 3C som är adopterad från Vietnam',
      'the boy in 4A with epilepsy',
      'ett barn på avdelning Myran som har tourette',
      'en elev i åk 8 som bor i jourhem',
      'pojken på Falkbergsskolan vars pappa gick bort i helgen',
      'a girl in year 7 who is pregnant',
      'den nya flickan från Moldavien i tvåan',
      'the new boy from Chile in year 2',
      'syskonen i F-klass B som kom hit i höstas',
      'en 9-årig pojke i Fittja som bor hos sin farmor',
      'en flicka i femman som har två pappor',
      'the girl in 3B who lives with her aunt',
      'en pojke i åk 2 som har en tvillingbror i parallellklassen',
      'sonen till en av förskollärarna',
      'eleven som är den minsta i hela årskursen',
      'en elev i fyran som precis flyttat hit från Malmö',
      'an 8-year-old at Alby school, a boy, new this term',
      'vår enda elev från Bhutan',
      'the only wheelchair user in year 4',
      'en pojke vars pappa jobbar här på skolan',
      'a girl in 4B whose dad works at the school',
      'en flykting från Jemen i sjuan',
      'pojken som har två pappor',
      'familjen med tolv barn',
      'flickan som har en tvillingsyster i andra klassen',
      'en elev i åk 4 som blev mästare i karate',
    ])('warns but does not refuse "%s"', (text) => {
      expect(guard.inspectText(text)).toEqual({ identifying: false, quasi: true, categories: [] });
    });

    it.each(['Vi har elva barn i gruppen idag.', 'Hur gör vi när ett barn har två mammor?', 'Flera elever i nian verkar ha kontakt med ett gäng.', 'en 7-åring i Botkyrka har rätt till fritids', 'hur gör vi med barn som har diabetes?', 'har ni material om epilepsi för förskolan?', 'vi har flera elever med ADHD'])(
      'says nothing when the condition is asked about in general: "%s"',
      (text) => {
        expect(guard.inspectText(text)).toEqual({ identifying: false, quasi: false, categories: [] });
      },
    );
  });

  describe('when the child is described generally', () => {
    it.each([
      'En flicka i årskurs 3 har berättat att hon är rädd.',
      'En pojke i mellanstadiet verkar hungrig.',
      'Vi är en förskola i Tullinge.',
      'En skola anmälde oro för ett barn som snart fyller 13 år.',
    ])('says nothing about "%s"', (text) => {
      expect(guard.inspectText(text)).toEqual({ identifying: false, quasi: false, categories: [] });
    });
  });

  describe('when the message also identifies someone', () => {
    it('refuses and does not also warn', () => {
      expect(guard.inspectText('Sofia i 4B är 10 år.')).toEqual({ identifying: true, quasi: false, categories: ['name'] });
    });
  });
});

describe('quasi-identifiers weighed by narrowing detail', () => {
  describe('when a detail narrows a child down without naming them', () => {
    it.each([
      'Sonen till frisören på torget har blåmärken.',
      'Pojken vars mamma är lärare här på skolan har berättat om slag.',
      'Vår kurators brorson i 3A vill inte gå hem.',
      'Barnen till paret som äger pizzerian i centrum är ensamma om kvällarna.',
      'Flickan som var med i lokaltidningen förra veckan har slutat komma.',
      'Killen vars bror blev knivhuggen i somras mår dåligt.',
      'Eleven som blev påkörd av bussen i måndags har berättat om våld.',
      'Tjejen med cochleaimplantat på Myran gråter ofta.',
      'Trillingarna på avdelning Sjöstjärnan kommer ofta hungriga.',
      'Den nyanlända familjen med sex barn på förskolan verkar ha det svårt.',
      'The boy who won the chess championship last spring is not eating.',
      'The son of the local imam in 3A seems scared.',
      "Our caretaker's granddaughter in year 2 told me about hitting.",
      'The girl whose mum is the school nurse has bruises.',
      'Det är sonen till vår gamla populära idrottslärare.',
      'Pappan sitter i riksdagen och vill inte att vi anmäler.',
      'Mamman kör taxi här i Tumba och alla känner henne.',
      'Det är bara en elev med hörselslinga i gruppen, och det är han.',
      'Den enda i 5C som har blivit utvisad, alla vet vem.',
      'Sexåringen som var med på tv i våras har slutat komma.',
      'Eleven i åk 9 som spelar i landslaget i handboll har slutat äta.',
      'Ett barn vars föräldrar båda är präster har slutat komma.',
      'Det är barnbarnet till vårt kommunalråd.',
    ])('warns but does not refuse "%s"', (text) => {
      expect(guard.inspectText(text)).toEqual({ identifying: false, quasi: true, categories: [] });
    });
  });

  describe('when the same kind of detail is asked about in general', () => {
    it.each([
      'Hur gör vi om en förälder är polis?',
      'Ska vi anmäla om en elev har hörapparat som inte fungerar?',
      'Vår kurator är sjuk, vem kan vi prata med?',
      'Stod det något i tidningen om nya socialtjänstlagen?',
      'Personalen på avdelning Regnbågen har frågor om rutinen.',
      'Kan rektorn delta i mötet?',
      'Hur gör vi om föräldrar är poliser?',
    ])('says nothing about "%s"', (text) => {
      expect(guard.inspectText(text)).toEqual({ identifying: false, quasi: false, categories: [] });
    });
  });
});
