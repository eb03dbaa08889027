import { describe, expect, it } from 'vitest';
import { detectAkutOro, holdsText, type AkutKind } from '../../triage/akut-oro-detector.js';

// Acute phrasings as staff type them, with the kinds the detector must report.
const acutePhrasings: [string, AkutKind[]][] = [
  ['en elev säger att pappa slog henne med bälte i helgen, vad gör jag', ['child-abuse']],
  ['pappa slår', ['child-abuse']],
  ['slog henne med bälte', ['child-abuse']],
  ['hon har blåmärken och säger att mamma slår henne', ['child-abuse']],
  ['blåmärken på armarna och säger att mamma…', ['child-abuse']],
  ['pappa sparkar honom', ['child-abuse']],
  ['han får stryk hemma', ['child-abuse']],
  ['misstänkt misshandel', ['child-abuse']],
  ['han har brännmärken på armen', ['child-abuse']],
  ['hon vågar inte gå hem', ['child-abuse']],
  ['hon säger att hon inte vågar gå hem', ['child-abuse']],
  ['HON SÄGER ATT PAPPA SLÅR HENNE', ['child-abuse']],
  ['han är rädd för sin pappa', ['child-abuse']],
  ['jag vet inte om pappa slår henne', ['child-abuse']],
  ['pappa har tagit strypgrepp på honom', ['child-abuse']],
  ['mamma ger honom örfilar', ['child-abuse']],
  ['mammas nya kille slår barnen', ['child-abuse']],
  ['hon har ofta blåmärken som hon inte kan förklara', ['child-abuse']],
  ['eleven berättade att han blir slagen', ['child-abuse']],
  ['han kom till skolan med en blåtira och sa att pappa gjorde det', ['child-abuse']],
  ['hon säger att pappa gör illa henne', ['child-abuse']],
  ['barnet säger att pappa gör ont', ['child-abuse']],
  ['mamma låser in honom i rummet', ['child-abuse']],
  ['storebror slog henne för att hon pratade med en kille', ['child-abuse']],
  ['en tjej i 8an är rädd för att åka hem efter skolan pga sin bror', ['child-abuse']],
  ['pappa slåår henne', ['child-abuse']],
  ['Räknas det som misshandel om pappa slår henne med tofflan?', ['child-abuse']],
  ['Hon berättar om sin pappa. Han slår henne när hon inte lyder.', ['child-abuse']],
  ['styvpappan rör henne', ['sexual-abuse']],
  ['en vuxen tafsar på henne', ['sexual-abuse']],
  ['hon berättar att en släkting har förgripit sig på henne', ['sexual-abuse']],
  ['han säger att en tränare förgrep sig på honom i somras', ['sexual-abuse']],
  ['en äldre kusin har utnyttjat henne sexuellt', ['sexual-abuse']],
  ['hon har blivit utnyttjad sexuellt av en äldre kille', ['sexual-abuse']],
  ['vi tror att han har utnyttjats sexuellt', ['sexual-abuse']],
  ['misstanke om sexuella övergrepp', ['sexual-abuse']],
  ['hon säger att hon blivit våldtagen', ['sexual-abuse']],
  ['barnet berättar att pappa tar på henne där nere', ['sexual-abuse']],
  ['hon har skickat nakenbilder till en vuxen man', ['sexual-abuse']],
  ['hon säger att hon blir tafsad på av morfar', ['sexual-abuse']],
  ['hon ska giftas bort i sommar', ['honour-violence']],
  ['hon är bortgift', ['honour-violence']],
  ['en elev berättar att pappa hotar att ta med henne utomlands', ['honour-violence']],
  ['mamma har hotat att föra barnen ut ur landet', ['honour-violence']],
  ['hon får inte träffa killar', ['honour-violence']],
  ['vi misstänker hedersrelaterat våld', ['honour-violence']],
  ['hennes bröder kontrollerar allt hon gör', ['honour-violence']],
  ['hon ska skickas till hemlandet och inte komma tillbaka', ['honour-violence']],
  ['familjen pratar om att gifta bort henne med en kusin', ['honour-violence']],
  ['hon har blivit könsstympad', ['honour-violence']],
  ['hon har sett pappa slå mamma', ['domestic-violence']],
  ['det förekommer våld i hemmet', ['domestic-violence']],
  ['föräldrarna slåss hemma', ['domestic-violence']],
  ['mamma blir slagen av pappa', ['domestic-violence']],
  ['hennes pojkvän slår henne', ['domestic-violence']],
  ['mamma berättar att hennes kille slår henne inför barnen', ['domestic-violence']],
  ['barnen har bevittnat våld i hemmet', ['domestic-violence']],
  ['mamma har flytt till skyddat boende med barnen', ['domestic-violence']],
  ['brodern hotar henne', ['threat']],
  ['pappa hotar att döda mamma', ['threat']],
  ['hon har blivit hotad till livet', ['threat']],
  ['pappa sa att han skulle slå ihjäl henne', ['threat']],
  ['pappa har hotat att gifta bort henne', ['honour-violence', 'threat']],
];

// Concerns that are real but not akut oro by the routine, and talk about the subject without a case.
const nonAcutePhrasings: string[] = [
  'får vi ta med eleven utomlands på skolresan',
  'pappan hotar att ta bort hennes mobil',
  'hög frånvaro',
  'han skolkar',
  'hon är hungrig varje morgon',
  'han kommer ofta utan frukost',
  'barnet är alltid trött',
  'hon somnar på lektionerna',
  'dålig hygien',
  'luktar illa och har smutsiga kläder',
  'föräldrarna hämtar sent',
  'ingen hämtar henne i tid',
  'jag är orolig att hon far illa',
  'han blir mobbad',
  'hon blir utfrusen av tjejerna i klassen',
  'en kompis slog honom på rasten',
  'Mamma berättar att en klasskompis slog honom',
  'två elever slogs på skolgården',
  'killarna i klassen hotar att slå honom efter skolan',
  'en äldre elev hotar honom',
  'konflikt mellan eleverna',
  'han bråkar med alla',
  'föräldrarna bråkar mycket',
  'föräldrarna har separerat och bråkar om vårdnaden',
  'det är mycket konflikter hemma',
  'föräldrarna skriker på varandra',
  'mamma har druckit mycket på sistone',
  'han slår andra barn när han blir arg',
  'han slog en klasskompis',
  'han slår sin lillebror',
  'syskonen slåss ofta',
  'hon slog sig på knät när hon ramlade',
  'hon har blåmärken efter fotbollen',
  'skolan slår larm om frånvaron',
  'det slår mig att han verkar trött',
  'pappa slår på tv:n direkt när han kommer hem',
  'pappa sparkar boll med honom',
  'pappa hotar att ta mobilen',
  'pappa hotar med att ta ifrån honom datorn',
  'han hotar att ta livet av sig',
  'hon vill inte gå hem från fritids',
  'vi hjälper henne att ta på sig jackan',
  'frågan rör eleven i åk 3',
  'eleverna tittar på våldsamma filmer',
  'hennes storasyster ska gifta sig',
  'mamma blev vald till ordförande i föräldraföreningen',
  'familjen upplever hot från grannar',
  'hur länge får en utredning ta?',
  'kan jag konsultera anonymt?',
  'Pappa säger att det gör ont i knät',
  'Ska vi informera föräldrarna innan vi anmäler?',
  'Vem ringer jag om en elev har hög frånvaro?',
  'hon har självskadebeteende och skär sig',
  'han slog sönder en stol i klassrummet',
  'föräldrarna är oroliga för att han blir slagen på rasten',
];

const negations: string[] = [
  'ingen misstanke om våld',
  'inga tecken på sexuella övergrepp',
  'vi ser inga tecken på våld i hemmet',
  'hon har inte blivit slagen',
  'pappa har aldrig slagit henne',
  'pappa är sträng men slår inte',
  'det finns inga blåmärken',
  'inget tyder på att någon slår honom hemma',
  'hon är inte rädd för att gå hem',
];

const generalTalk: string[] = [
  'vad räknas som misshandel enligt lagen?',
  'vad är hedersrelaterat våld?',
  'hur definieras våld i nära relation?',
  'Vilka tecken på sexuella övergrepp ska vi vara uppmärksamma på?',
  'Vad är skillnaden mellan barnmisshandel och aga?',
  'vad säger rutinen om våld i nära relation?',
  'vi ska ha en utbildning om hedersrelaterat våld på torsdag',
];

describe('detectAkutOro', () => {
  describe('when staff describe akut oro in their own words', () => {
    it.each(acutePhrasings)('fires on %j', (text, kinds) => {
      expect(detectAkutOro(text)).toEqual({ acute: true, kinds });
    });
  });

  describe('when the concern is not akut oro', () => {
    it.each(nonAcutePhrasings)('stays quiet on %j', (text) => {
      expect(detectAkutOro(text)).toEqual({ acute: false, kinds: [] });
    });
  });

  describe('when a parent threatens staff, not the child', () => {
    it.each([
      'vårdnadshavaren blev hotfull mot personalen efter mötet',
      'pappan hotar mig efter anmälningsmötet',
      'mamman var hotfull mot oss på mötet',
      'jag blev hotad av pappan i hallen',
      'pappa är hotfull mot läraren',
      'foraldern ar hotfull mot personalen',
      'personalen hotas av pappan',
    ])('stays quiet on %j', (text) => {
      expect(detectAkutOro(text)).toEqual({ acute: false, kinds: [] });
    });

    it.each([
      ['pappa är hotfull mot barnet', ['threat']],
      ['pappan är hotfull hemma', ['threat']],
      ['hon blev hotad av pappan', ['threat']],
      ['hon berättar att pappa hotar oss', ['threat']],
      ['pappa hotar henne och är hotfull mot personalen', ['threat']],
      ['pappa blev hotfull mot mig och sa att han ska slå henne', ['child-abuse', 'threat']],
      ['pappa hotade mig och barnet', ['threat']],
      ['pappa är hotfull mot personalen och eleven', ['threat']],
      ['Pappa hotar mig, sa eleven.', ['threat']],
      ['Eleven sa: pappa hotar mig', ['threat']],
      ['"Pappa hotar oss", säger hon', ['threat']],
      ['pappan är hotfull mot mig och mot barnet', ['threat']],
      ['pappa hotar henne och jag är orolig', ['threat']],
      ['vi har hört hot från pappan mot flickan', ['threat']],
      ['pappan hotade oss i telefon och sa att dottern aldrig får komma tillbaka till skolan', ['threat']],
    ] as [string, AkutKind[]][])('still fires on a threat or violence against the child in %j', (text, kinds) => {
      expect(detectAkutOro(text)).toEqual({ acute: true, kinds });
    });
  });

  describe('when the text denies violence', () => {
    it.each(negations)('stays quiet on %j', (text) => {
      expect(detectAkutOro(text).acute).toBe(false);
    });

    it('still fires on doubt rather than denial', () => {
      expect(detectAkutOro('vi kan inte utesluta att pappa slår henne').acute).toBe(true);
      expect(detectAkutOro('hon vågar inte berätta att pappa slår henne').acute).toBe(true);
    });

    it('still fires when a later clause tells of violence', () => {
      expect(detectAkutOro('ingen misstanke om våld tidigare, men idag säger hon att pappa slår henne')).toEqual({
        acute: true,
        kinds: ['child-abuse'],
      });
    });
  });

  describe('when the text is a general question or talk about training', () => {
    it.each(generalTalk)('leaves %j to the answerer', (text) => {
      expect(detectAkutOro(text).acute).toBe(false);
    });

    it('fires when the same kind of question names a child', () => {
      expect(detectAkutOro('räknas det som misshandel om pappa slår henne?').acute).toBe(true);
      expect(detectAkutOro('vad gör jag, eleven säger att hon blivit våldtagen?').acute).toBe(true);
    });
  });

  describe('when typed in a hurry, with typos', () => {
    it.each([
      ['misstänkt mishandel', ['child-abuse']],
      ['pappa slåååår henne', ['child-abuse']],
      ['pappaaa slår henne', ['child-abuse']],
      ['misssshandlad hemma', ['child-abuse']],
      ['sexuela övergrep', ['sexual-abuse']],
      ['hedersrelatera förtryck', ['honour-violence']],
    ] as [string, AkutKind[]][])('still fires on %j', (text, kinds) => {
      expect(detectAkutOro(text)).toEqual({ acute: true, kinds });
    });
  });

  describe('when typed without å, ä and ö', () => {
    it.each([
      ['pappa slar henne', ['child-abuse']],
      ['sexuella overgrepp', ['sexual-abuse']],
      ['hon har blamarken och sager att pappa slar henne', ['child-abuse']],
      ['hon vagar inte ga hem', ['child-abuse']],
      ['hon far inte traffa killar', ['honour-violence']],
    ] as [string, AkutKind[]][])('still fires on %j', (text, kinds) => {
      expect(detectAkutOro(text)).toEqual({ acute: true, kinds });
    });

    it('still honours negation and doubt', () => {
      expect(detectAkutOro('ingen misstanke om vald i hemmet').acute).toBe(false);
      expect(detectAkutOro('vad raknas som misshandel enligt lagen?').acute).toBe(false);
      expect(detectAkutOro('hon vagar inte beratta att pappa slar henne').acute).toBe(true);
    });

    it('does not read "vald" (chosen) as "våld" when the rest is in Swedish letters', () => {
      expect(detectAkutOro('mamma blev vald till ordförande').acute).toBe(false);
    });
  });

  describe('when several kinds appear in one message', () => {
    it('reports each kind once, in a fixed order', () => {
      const detection = detectAkutOro(
        'Hon är rädd för sin bror som hotar henne. Han har hotat med kniv. Pappa slår mamma och hon ska giftas bort.',
      );
      expect(detection).toEqual({
        acute: true,
        kinds: ['child-abuse', 'honour-violence', 'domestic-violence', 'threat'],
      });
    });
  });

  describe('when the text is empty or only whitespace', () => {
    it('is not acute', () => {
      expect(detectAkutOro('')).toEqual({ acute: false, kinds: [] });
      expect(detectAkutOro('   \n ')).toEqual({ acute: false, kinds: [] });
    });
  });
});

describe('what the detector keeps of a message', () => {
  it('holds the text it read only until the current pass of the event loop ends', async () => {
    expect(detectAkutOro('Pappa slår henne hemma, vad gör vi?').acute).toBe(true);
    expect(holdsText()).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(holdsText()).toBe(false);
    // Read again, the same text gives the same answer.
    expect(detectAkutOro('Pappa slår henne hemma, vad gör vi?').acute).toBe(true);
  });
});
