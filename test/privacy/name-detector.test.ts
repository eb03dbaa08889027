import { describe, expect, it } from 'vitest';
import { PrivacyGuard } from '../../privacy/index.js';

const guard = new PrivacyGuard();
const names = (text: string): boolean => guard.inspectText(text).categories.includes('name');

describe('name detection', () => {
  describe('when a listed first name or surname is written', () => {
    it.each([
      'Sofia i 3:an har varit borta mycket.',
      'Vi är oroliga för Ahmed.',
      'fatima har berättat att hon inte får gå ut',
      'ELEVEN SOFIA HAR INTE KOMMIT',
      'Abdirahman och hans syster Hodan är ofta ensamma.',
      'Zeynep säger att hon ska gifta sig i sommar.',
      'Eleven Şeyma vill inte åka på semester.',
      'Eleven Seyma vill inte åka på semester.',
      'Bozena, mamman till en elev, har hotat oss.',
      'Tesfay bor med sin farbror.',
      'Kacper har berättat om bråk hemma.',
      'Emir och Lejla är syskon.',
      'Aino och Veikko kommer från Finland.',
      'Familjen Lindqvist har flyttat.',
      'Eleven Ibrahimsson har hög frånvaro.',
    ])('finds the name in "%s"', (text) => {
      expect(names(text)).toBe(true);
    });
  });

  describe('when names are hyphenated, double or in the genitive', () => {
    it.each([
      'Anna-Karin på fritids har sett blåmärken.',
      'Mohammed Al-Hassan har hotat en lärare.',
      'Sofias mamma vill inte ha kontakt.',
      'Det var Hassans pappa som ringde.',
      'Bo:s pappa hämtar sent.',
      'Ros mamma är sjuk.',
      'Karl-Axel säger att han inte får äta.',
      'Elsa-mamman kom full till hämtningen.',
    ])('finds the name in "%s"', (text) => {
      expect(names(text)).toBe(true);
    });
  });

  describe('when a word that is also a name stands in a name context', () => {
    it.each([
      'hennes pappa Björn slog henne',
      'Bo säger att mamma slår honom.',
      'Björns mamma ringde.',
      'vi har en elev som heter sol',
      'Pojken heter Stig och är 7 år.',
      'Flickan heter Maj.',
      'Hon kallas för Ros av kompisarna.',
      'Stig, 8 år, kommer alltid för sent.',
      'Vi pratade med Björn igår.',
      'Vi har pratat med Bo Larsson.',
      'Förnamn: Bo',
      'Liv har slutat äta.',
      'Jan är pappa till eleven.',
      'stackars Liv på Humlan gråter varje morgon',
      'Zorvek (morbrodern) hämtar henne ibland.',
      'Mirza, styvpappan, har hotat personalen.',
      'Li i åk 2 har inte ätit lunch på en vecka.',
      'they call her Bee at home',
      'hon heter Ha-li-ma-tu fast hon skriver det annorlunda',
      'han heter typ Zorvek',
      'Tiyo i förskoleklassen sa att han inte fått frukost',
      'Blessing keeps telling us that she is hungry',
    ])('finds the name in "%s"', (text) => {
      expect(names(text)).toBe(true);
    });
  });

  describe('when an unknown name stands in a name context', () => {
    it.each([
      'Barnet heter Zyxo och är 4 år.',
      'Eleven Jwan har slutat komma.',
      'Idag berättade Zyxo att pappa har slagit henne.',
      'Kenza säger att pappa slår.',
      'Vi har en tjej, Kenza, som inte vill gå hem.',
      'Mamma till Kenza har ringt.',
      'Kenzas pappa har ringt.',
      'Zyxo (7 år) säger att han är ensam.',
    ])('finds the name in "%s"', (text) => {
      expect(names(text)).toBe(true);
    });
  });

  describe('when a name missing from the lists stands in a weaker person context', () => {
    it.each([
      'Vi är oroliga för Tesmira i åk 3.',
      'Jag är orolig för Tasreen, hon är så ledsen.',
      'Kan du hjälpa mig skriva en anmälan om Vundra?',
      'Hur gör vi med Qarlem? Han gråter varje morgon.',
      'Oshaniya och hennes bror hämtas alltid sent.',
      'Kelvido har inte kommit till skolan på en vecka.',
      'Hej! Tusmila i förskoleklassen kissar på sig.',
      'Ranouki och mamma kom inte till mötet.',
      'Zanouer kom inte idag heller.',
      'Zarhan säger att han inte får äta.',
    ])('finds the name in "%s"', (text) => {
      expect(names(text)).toBe(true);
    });

    it.each([
      'zyxo säger att pappa slår',
      'eleven tesmira är borta igen',
      'vundras pappa ringde igen och var arg',
      'oshaniya och hennes bror hämtas alltid sent',
      'kelvido har inte kommit på en vecka',
    ])('finds the lower-case name in "%s"', (text) => {
      expect(names(text)).toBe(true);
    });
  });

  describe('when words only look like names', () => {
    it.each([
      'Vi såg en björn på utflykten.',
      'Det var sol hela dagen.',
      'Nu bor de i Tumba.',
      'Vi bor i samma område.',
      'Familjen ska bo kvar i lägenheten.',
      'Vi fick ros av föräldrarna.',
      'I maj har vi utvecklingssamtal.',
      'Anmälan skickades i mars.',
      'Det går en stig bakom skolan.',
      'Hans mamma ringde och var arg.',
      'Mina kollegor tycker att vi ska vänta.',
      'Vi ser inga tecken på våld.',
      'Barnets liv verkar kaotiskt.',
      'Vi ska klara av det.',
      'Förhandsbedömningen får ta max 14 dagar.',
      'Barnen kastade sten.',
      'Ville bara säga tack för hjälpen!',
      'Mottagningssektion Norr och Södra tar emot barn 0-20 år.',
      'Är det LVU om barnet placeras utan samtycke?',
      'Enligt SoL och BBIC ska vi dokumentera.',
      'Enligt Sol ska vi anmäla genast.',
      'What does 5 kap. 1 § LSS say about SoL and LVU?',
      'Kan LO hjälpa till, eller är det FK som gäller?',
      'Vi i ledningsgruppen, rektorn och jag, har bestämt det.',
      'Is it OK to share the report with Save the Children?',
      'Eleverna såg Lilla Melodifestivalen i aulan.',
      'Vi jobbar i Alby, Fittja, Hallunda, Norsborg, Tumba och Tullinge.',
      'Mötet är på måndag den 12 mars kl 13.00.',
      'Vad heter blanketten för BBIC?',
      'Vad kallas det när socialtjänsten gör en skyddsbedömning?',
      'Det är en så kallad serviceinsats.',
      'Skolverket säger att vi ska anmäla.',
      'Tydligen kom pappan full till hämtningen.',
      'Grannar säger att det skriks mycket.',
      'Vi ritade solrosor med barnen.',
      'Barnen firade lucia.',
      'Skicka anmälan till Botkyrka kommun.',
      'Läs mer på https://www.botkyrka.se/sofia-och-ahmed',
      'Han har kontakt med Maria Ungdom.',
      'Vi brukar linda in honom i en filt när han får utbrott.',
      'Vi använder Eva-modellen i samtal med barn.',
      'Maj-juni har vi mycket frånvaro.',
      'I Bjuv har elevhälsan tagit ansvaret.',
      'Vi har samarbete med Skolfam om det här.',
      'Ska jag rapportera enligt Lex Sarah?',
      'Vi läser Alfons Åberg och Pippi Långstrump på samlingen.',
      'Barnet pratar Tigrinja hemma och missar Idrott varje vecka.',
      'Bråk har blivit ett problem i klassen.',
      'Eleverna i 7:orna har haft temadag om våld.',
      'En 11-åring i 5C har berättat om bråk hemma.',
      'Mamma och pappa ska separera och barnet gråter hela dagarna.',
      'Killen sover på en kompis soffa.',
    ])('does not refuse "%s"', (text) => {
      expect(names(text)).toBe(false);
    });
  });
});
