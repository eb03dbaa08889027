import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../../knowledge/answerer.js';
import { createAnalyzer, createAnswerer, createLanguageResources } from '../../../knowledge/create-answerer.js';
import type { KnowledgeEntry } from '../../../knowledge/knowledge-entry.js';
import { loadKnowledge } from '../../../knowledge/load-knowledge.js';
import { parseBlindQaCases, parseQaCases } from '../../../knowledge/qa-evaluation.js';
import { Retriever } from '../../../knowledge/search/retriever.js';

const knowledgeDir = path.resolve(import.meta.dirname, '../../../knowledge');

describe('Retriever (on the shipped knowledge base)', () => {
  let answerer: Answerer;
  let retriever: Retriever;
  beforeAll(async () => {
    answerer = await createAnswerer(await loadKnowledge(knowledgeDir), knowledgeDir);
    retriever = answerer.search;
  });

  const top = (question: string) => retriever.search(question, 1)[0]?.entry.id;

  describe('when staff leave out å, ä and ö', () => {
    it('finds the same entry as with them', () => {
      expect(top('nar far forskolan ringa socialjouren')).toBe(top('när får förskolan ringa socialjouren'));
      expect(top('vad ar en forhandsbedomning')).toBe('forhandsbedomning');
    });

    it('finds a form the entries never write by its stem with å/ä/ö ("motes": "mötes")', () => {
      const meeting = retriever.analyze('möte').terms[0]!.term;
      expect(retriever.analyze('hur ofta motes gruppen').terms.map((t) => t.term)).toContain(meeting);
    });

    it('keeps an everyday verb form an everyday word, though its stem with å/ä/ö is a term ("forsokte")', () => {
      const attempt = retriever.analyze('försök').terms[0]!.term;
      expect(retriever.analyze('vi forsokte ringa mottagningen').terms.map((t) => t.term)).not.toContain(attempt);
    });

    it('does not fold words of a writer who uses them ("i rad" is not "råd")', () => {
      const terms = retriever.analyze('flera dagar i rad på förskolan').terms.map((t) => t.term);
      expect(terms).not.toContain(retriever.analyze('råd').terms[0]?.term);
    });
  });

  describe('when a short word has a typo', () => {
    it('still finds the entry', () => {
      expect(top('vem kalar vårdnadshavarna till anmälningsmötet')).toBe(top('vem kallar vårdnadshavarna till anmälningsmötet'));
      expect(top('hur fyler man i utlåtandet')).toBe('bbic-utlatande-instruktioner');
    });

    it('reads a short word with two letters in the wrong order as the everyday word it is ("mde", "ohc")', async () => {
      const terms = (question: string) => retriever.analyze(question).terms.map((t) => t.term);
      expect(terms('vem leder mötet tillsammans mde rektorn ohc')).toEqual(terms('vem leder mötet tillsammans med rektorn och'));
      await expect(answerer.answer('vem ringer mottagningen mde anmälan?')).resolves.toMatchObject({ kind: 'answer' });
    });
  });

  describe('when a slip is as close to two known words', () => {
    it('reads it as the one whose term the entries use most ("beskrv": "beskriv", not "beskrev")', () => {
      expect(retriever.analyze('beskrv').terms[0]?.term).toBe(retriever.analyze('beskriver').terms[0]?.term);
    });
  });

  describe('when a word has a slip no stricter rule accepts', () => {
    it('reads it as the known word it is one edit from, at a lower weight', () => {
      const slipped = retriever.analyze('hur lång tid tar en utredhing').terms.find((t) => t.term === retriever.analyze('utredning').terms[0]!.term);
      expect(slipped?.via).toBe('typo');
      expect(top('hur lång tid tar en utredhing')).toBe(top('hur lång tid tar en utredning'));
    });

    it('does not read a compound of two correctly spelt words as a slip ("skolgården" is not "skolgången")', () => {
      const skolgang = retriever.analyze('skolgången').terms[0]!.term;
      const query = retriever.analyze('får eleverna vara på skolgården under lunchen');
      expect(query.terms.map((t) => t.term)).not.toContain(skolgang);
      expect(query.unknownWeight).toBeGreaterThan(0);
    });

    it('reads a letter left out of a known word as that word, though another letter makes an everyday word as close', () => {
      const insats = retriever.analyze('insats').terms[0]!.term;
      expect(retriever.analyze('vem ordnar en inats för barnet').terms.map((t) => t.term)).toContain(insats);
    });

    it('weighs a slip of a weak word as little as the word spelt right ("styrdokumnetet")', () => {
      const weight = (question: string) => retriever.analyze(question).terms.reduce((sum, t) => sum + t.weight, 0);
      expect(weight('i styrdokumnetet')).toBeCloseTo(weight('i styrdokumentet'), 5);
    });

    it('spells a slipped function word right for the question patterns, and leaves slips of the routines\' words alone', () => {
      expect(retriever.respellFunctionWords('Mpste vi ringa, elelr räcker det att skriva?')).toBe('Måste vi ringa, eller räcker det att skriva?');
      expect(retriever.respellFunctionWords('mpste vi ringa elelr skriva')).toBe('maste vi ringa eller skriva');
      expect(retriever.respellFunctionWords('hur lång tid tar en utredhing')).toBe('hur lång tid tar en utredhing');
      expect(retriever.respellFunctionWords('can i tell the parents about the report')).toBe('can i tell the parents about the report');
      // A name inside a sentence is no slip, though it is one letter from a function word ("Alma", "alla").
      expect(retriever.respellFunctionWords('Vi har en elev som heter Alma, vad gör vi?')).toBe('Vi har en elev som heter Alma, vad gör vi?');
    });

    it('does not count a short slip of an everyday word as a topic the routines lack', () => {
      const slipped = retriever.analyze('vad händer efer anmälan');
      expect(slipped.unknownWeight).toBeLessThan(retriever.analyze('vad händer bakom anmälan').unknownWeight + 0.01);
    });

    it('does not read a compound of words spelt right as two slips for a compound with another last word', () => {
      const budgetuppdrag = retriever.analyze('budgetuppdrag').terms[0]!.term;
      const query = retriever.analyze('var hittar jag ett budgetutdrag');
      expect(query.terms.map((t) => t.term)).not.toContain(budgetuppdrag);
      expect(query.unknownWeight).toBeGreaterThan(0);
    });

    it('still reads one slip in a compound as the compound meant ("budgetuppdarg")', () => {
      expect(retriever.analyze('budgetuppdarg').terms[0]?.term).toBe(retriever.analyze('budgetuppdrag').terms[0]?.term);
    });

    it('never reads a word spelt right as a slip for another word, however close ("bockar", "guppen", "läsbar", "avgår")', () => {
      for (const word of ['bockar', 'guppen', 'läsbar', 'avgår']) {
        const query = retriever.analyze(word);
        expect(query.terms.filter((t) => t.known), word).toEqual([]);
        expect(query.unknownWeight, word).toBeGreaterThan(0);
      }
    });

    it('still reads a word spelt right as the form of a known word it begins, or with a consonant doubled ("tillåtet", "kalar")', () => {
      expect(retriever.analyze('tillåtet').terms[0]?.term).toBe(retriever.analyze('tillåter').terms[0]?.term);
      expect(retriever.analyze('kalar').terms[0]?.term).toBe(retriever.analyze('kallar').terms[0]?.term);
    });

    it('keeps the å, ä and ö a writer typed: a close spelling without them is another word ("läsbar" is not "läsår")', () => {
      const lasar = retriever.analyze('läsår').terms[0]!.term;
      expect(retriever.analyze('är texten läsbar').terms.map((t) => t.term)).not.toContain(lasar);
    });

    it('reads a word two slips from a known one only as two letters left out ("telefnnumrt", not "anmärkning" for "anmälning")', () => {
      const anmalan = retriever.analyze('anmälning').terms[0]!.term;
      expect(retriever.analyze('fick eleven en anmärkning').terms.map((t) => t.term)).not.toContain(anmalan);
      expect(retriever.analyze('telefnnumrt').terms[0]?.term).toBe(retriever.analyze('telefonnumret').terms[0]?.term);
    });

    it('does not read a word with another first letter as a slip ("körskollärare" is no "förskollärare")', () => {
      const forskollarare = retriever.analyze('förskollärare').terms[0]!.term;
      expect(retriever.analyze('körskollärare').terms.map((t) => t.term)).not.toContain(forskollarare);
    });

    it('still reads a slip in a word with one å, ä or ö left out as the word meant ("förhandsbedomnig")', () => {
      expect(retriever.analyze('förhandsbedomnig').terms[0]?.term).toBe(retriever.analyze('förhandsbedömning').terms[0]?.term);
    });

    it('never reads a correctly spelt Swedish word as a slip ("väder" is not "vände")', () => {
      const weather = retriever.analyze('väder i morgon');
      expect(weather.terms.filter((t) => t.known)).toEqual([]);
      expect(weather.unknownWeight).toBeGreaterThan(0);
    });
  });

  describe('when a question names something the routines do not cover', () => {
    it('counts the unknown word against every entry', () => {
      const known = retriever.search('Vilka telefontider har mottagningen?', 1)[0]!;
      const unknown = retriever.search('Vilka telefontider har Skatteverket?', 1)[0]!;
      expect(unknown.coverage).toBeLessThan(known.coverage / 2);
    });

    it.each([
      'Får jag ha med en tolk på utvecklingssamtalet?',
      'Hur mycket semesterersättning får en lärare?',
      'Vad är telefonnumret till socialtjänsten i Nacka?',
      'Hur ansöker en familj om LSS?',
      'Vad är e-postadressen till skolskjutsen?',
    ])('declines "%s"', async (question) => {
      expect((await answerer.answer(question)).kind).toBe('no-answer');
    });
  });

  describe('when a question holds a word that only looks like another kind of word', () => {
    it('reads a noun ending in -te before a particle as the noun, not as a verb with the particle', () => {
      const mote = retriever.analyze('anmälningsmöte').terms[0]!.term;
      const terms = retriever.analyze('hur passar anmälningsmöte ihop med förhandsbedömningen').terms;
      expect(terms.find((t) => t.term === mote)?.known).toBe(true);
    });

    it('weighs the words of a comparison ("skiljer sig", "respektive") less than the topic compared', () => {
      const query = retriever.analyze('hur skiljer sig konsultation för förskolor respektive skolor');
      const weight = (word: string) => query.terms.find((t) => t.term === retriever.analyze(word).terms[0]?.term)?.weight ?? 0;
      expect(weight('skiljer')).toBeLessThan(weight('konsultation'));
      expect(weight('respektive')).toBeLessThan(weight('konsultation'));
    });

    it('reads "medans" as "medan", the phase it names', () => {
      const asWritten = retriever.analyze('får barnet hjälp medan utredningen pågår').terms.map((t) => t.term);
      const colloquial = retriever.analyze('får barnet hjälp medans utredningen pågår');
      expect(colloquial.terms.map((t) => t.term)).toEqual(asWritten);
      expect(colloquial.unknownWeight).toBe(0);
    });

    it('does not read a whole word as an abbreviation of the compound it begins ("handling" of "handlingsplan")', () => {
      const handlingsplan = retriever.analyze('handlingsplan').terms[0]!.term;
      const query = retriever.analyze('hur länge ska en handling arkiveras');
      expect(query.terms.map((t) => t.term)).not.toContain(handlingsplan);
      expect(query.unknownWeight).toBeGreaterThan(0);
    });

    it('does not read a word the dictionary has as an abbreviation joined to a known word', () => {
      const handlaggare = retriever.analyze('handläggare').terms[0]!.term;
      expect(retriever.analyze('det hänger på rektorn').terms.map((t) => t.term)).not.toContain(handlaggare);
    });
  });

  describe('when a question holds everyday words the routines do not use', () => {
    it('skips them also inflected or misspelt, so they do not count against answering', () => {
      for (const word of ['morgonen', 'förkortnigen', 'sammanhanget']) expect(retriever.analyze(word).terms, word).toEqual([]);
    });

    it('skips a misspelt everyday word that happens to split into short words spelt right ("etermiddag": "eter" + "middag")', () => {
      expect(retriever.analyze('kan vi ringa i etermiddag').unknownWeight).toBe(retriever.analyze('kan vi ringa i eftermiddag').unknownWeight);
      expect(retriever.analyze('kassrummet').terms).toEqual([]);
    });

    it('skips the conjunction "tills", which is no "till" (a part of "tillgång")', () => {
      expect(retriever.analyze('vänta tills mötet').terms).toEqual(retriever.analyze('vänta mötet').terms);
    });

    it('skips the everyday verbs of liking a place and of refusing, and the names for the pupils of a year ("trivs", "nekade", "åttorna")', () => {
      for (const word of ['trivs', 'nekade', 'åttorna']) expect(retriever.analyze(word).terms, word).toEqual([]);
    });

    it('skips an everyday adverb of emphasis ("överhuvudtaget")', () => {
      expect(retriever.analyze('fungerar faxen överhuvudtaget').unknownWeight).toBe(retriever.analyze('fungerar faxen').unknownWeight);
    });

    it('skips the shortenings staff write for everyday words ("ngn", "ngt", "ev", "pga", "nånstans")', () => {
      const plain = retriever.analyze('finns det någon mall för loggboken någonstans');
      const short = retriever.analyze('finns det ngn mall för loggboken nånstans');
      expect(short.terms).toEqual(plain.terms);
      expect(retriever.analyze('ringer vi ev imorgon pga sjukdom').unknownWeight).toBe(retriever.analyze('ringer vi imorgon sjukdom').unknownWeight);
    });

    it('weighs an unknown passive or participle less than an unknown noun', () => {
      expect(retriever.analyze('omorganiseras').unknownWeight).toBeLessThan(retriever.analyze('hyresgästen').unknownWeight);
    });

    it('weighs an everyday verb the routines happen to use ("finnas") at a fraction of its rarity', () => {
      const [finnas] = retriever.analyze('kan det finnas').terms;
      expect(finnas?.known).toBe(true);
      expect(finnas!.weight).toBeLessThan(retriever.weightOf(finnas!.term) / 2);
    });

    it('keeps the known parts of a hyphenated word the routines know as a whole', () => {
      const terms = retriever.analyze('BBIC-utlåtandet').terms.map((t) => t.term);
      expect(terms).toEqual(expect.arrayContaining([retriever.analyze('bbic').terms[0]!.term, retriever.analyze('utlåtande').terms[0]!.term]));
    });
  });

  describe('when a question ends with an abbreviation', () => {
    it('completes it before a question mark or at the end ("utr.?", "utr.")', () => {
      const utredning = retriever.analyze('utredning').terms[0]!.term;
      expect(retriever.analyze('vad händer under utr.?').terms.map((t) => t.term)).toContain(utredning);
      expect(retriever.analyze('vad händer under utr.').terms.map((t) => t.term)).toContain(utredning);
    });

    it('reads the staff shortening "grp" as "grupp", not as a word the routines lack', () => {
      const query = retriever.analyze('vem sitter i ledningsgrp. och samverkansgrp?');
      expect(query.terms.map((t) => t.term)).toContain(retriever.analyze('grupp').terms[0]!.term);
      expect(retriever.analyze('mott.grp.').unknownWeight).toBe(0);
    });
  });

  describe('when staff write the shortening of a role, a document or a term', () => {
    const termsOf = (question: string) => retriever.analyze(question).terms.map((t) => t.term);

    it('reads it as the word it stands for ("ssk", "specped", "psyk", "åp", "utl", "vhn")', () => {
      expect(termsOf('kan ssk vara med när vi ringer')).toEqual(termsOf('kan skolsköterskan vara med när vi ringer'));
      expect(termsOf('ska specped skriva i loggboken')).toEqual(termsOf('ska specialpedagogen skriva i loggboken'));
      expect(termsOf('har psyk tystnadsplikt')).toEqual(termsOf('har psykologen tystnadsplikt'));
      expect(termsOf('behöver eleven ett åp')).toEqual(termsOf('behöver eleven ett åtgärdsprogram'));
      expect(termsOf('vem fyller i utl')).toEqual(termsOf('vem fyller i utlåtandet'));
      expect(termsOf('får vhn läsa loggboken')).toEqual(termsOf('får vårdnadshavaren läsa loggboken'));
    });

    it('reads "resp." as "respektive", at its weight, and skips "obs" as the everyday note it is', () => {
      expect(retriever.analyze('vilka sitter i gruppen från soc resp. skolan').terms).toEqual(retriever.analyze('vilka sitter i gruppen från soc respektive skolan').terms);
      expect(retriever.analyze('obs vilka sitter i gruppen').terms).toEqual(retriever.analyze('vilka sitter i gruppen').terms);
    });

    it('reads one written with a full stop between its parts ("spec.ped") as the whole', () => {
      expect(retriever.analyze('spec.ped').unknownWeight).toBe(0);
      expect(termsOf('spec.ped')).toEqual(termsOf('specialpedagog'));
    });

    it('reads "dok upp" as "dök upp" written without ö, not as "dokumentation"; "dok" alone still is', () => {
      const documented = retriever.analyze('dokumentation').terms[0]!.term;
      expect(termsOf('frågan dok upp i arbetslaget')).not.toContain(documented);
      expect(termsOf('frågan dok upp i arbetslaget')).toEqual(termsOf('frågan dök upp i arbetslaget'));
      expect(termsOf('var sparas dok om eleven')).toContain(documented);
    });

    it('does not count them against answering ("fsk", "fth", "ehm", "ht", "förv")', () => {
      for (const word of ['fsk', 'fth', 'ehm', 'ht', 'förv', 'avd', 'ifo', 'klf', 'bou']) expect(retriever.analyze(word).unknownWeight, word).toBe(0);
      expect(termsOf('förv')).toEqual(termsOf('förvaltningen'));
    });

    it('skips the shortenings of everyday words ("ang.", "inkl", "ffa", "fr.o.m.") rather than reading them as slips', () => {
      expect(retriever.analyze('frågor ang. loggboken inkl bilagor').terms).toEqual(retriever.analyze('frågor loggboken bilagor').terms);
      expect(retriever.analyze('vad gäller fr.o.m. nu').terms).toEqual(retriever.analyze('vad gäller nu').terms);
    });
  });

  describe('when an abbreviated compound is written without its full stop', () => {
    it('reads it as the compound ("anmmöte", "teltider")', () => {
      expect(retriever.analyze('anmmöte').terms[0]?.term).toBe(retriever.analyze('anmälningsmöte').terms[0]?.term);
      expect(retriever.analyze('teltider').terms[0]?.term).toBe(retriever.analyze('telefontider').terms[0]?.term);
    });
  });

  describe('when a question names a product capitalised in mid-sentence', () => {
    const team = () => retriever.analyze('teamet').terms[0]!.term;

    it('reads an -s with no noun after it as part of the name, not as the Swedish word its stem is ("Teams")', () => {
      for (const question of ['Går det att boka tid via Teams?', 'Kan vi dela filen i en Teams-kanal med vårdnadshavarna']) {
        const query = retriever.analyze(question);
        expect(query.terms.find((t) => t.term === team())?.known, question).not.toBe(true);
        expect(query.unknownWeight, question).toBeGreaterThan(0);
      }
    });

    it('still reads a genitive before a noun as the name it is of ("Botkyrkas riktlinjer")', () => {
      const botkyrka = retriever.analyze('Botkyrka').terms[0]!.term;
      expect(retriever.analyze('Vad står i Botkyrkas riktlinjer om fax?').terms.find((t) => t.term === botkyrka)?.known).toBe(true);
    });
  });

  describe('when a stem or a form would make a word another word', () => {
    it('does not cut a long derivational ending ("ledighet" is not "leder")', () => {
      const leder = retriever.analyze('leder').terms[0]?.term;
      expect(retriever.analyze('ledighet').terms.map((t) => t.term)).not.toContain(leder);
    });

    it('does not find a form through å/ä/ö the writer did not leave out ("prov" in a question with "förälder")', () => {
      const provas = retriever.analyze('prövas').terms[0]?.term;
      expect(retriever.analyze('Får en förälder se barnets prov?').terms.map((t) => t.term)).not.toContain(provas);
    });
  });

  describe('when a question writes a form of a known word the stemmer does not bring to its stem', () => {
    it('reads a supine in -t through the present tense the entries write ("sökt": "söker")', () => {
      const seeks = retriever.analyze('söker').terms[0]!.term;
      expect(retriever.analyze('har eleven sökt stöd').terms.find((t) => t.term === seeks)?.known).toBe(true);
    });

    it('reads a plural the dictionary lacks as the word it has ("lektioner": "lektion")', () => {
      expect(retriever.analyze('lektioner').terms).toEqual(retriever.analyze('lektion').terms);
    });
  });

  describe('when an unknown word is the last part of a compound the entries write', () => {
    it('weighs it as an unknown compound with a known part, less than a word of no known compound ("byten" of "personalbyten")', () => {
      expect(retriever.analyze('byten').unknownWeight).toBeGreaterThan(0);
      expect(retriever.analyze('byten').unknownWeight).toBeLessThan(retriever.analyze('tandläkare').unknownWeight);
    });

    it('leaves a word known alone but read as a name as unknown as it was ("Teams")', () => {
      expect(retriever.analyze('via Teams-samtal').unknownWeight).toBe(retriever.analyze('via Kanotklubb-samtal').unknownWeight);
    });
  });

  describe('when a compound noun stands in its neuter definite form', () => {
    it('reads it as the bare form the entries write ("-et" off a long compound)', () => {
      const bare = retriever.analyze('föräldrastöd').terms[0]!.term;
      expect(retriever.analyze('vem i kommunen ordnar föräldrastödet').terms.map((t) => t.term)).toContain(bare);
    });

    it('leaves an everyday word an everyday word', () => {
      expect(retriever.analyze('i just det sammanhanget').terms).toHaveLength(0);
    });

    it('reads a shorter noun\'s definite form as its bare form too, also written without å/ä/ö ("förslaget", "forslaget")', () => {
      const bare = retriever.analyze('förslag').terms[0]!.term;
      expect(retriever.analyze('vad säger förslaget').terms.map((t) => t.term)).toContain(bare);
      expect(retriever.analyze('vad sager forslaget').terms.map((t) => t.term)).toContain(bare);
    });
  });

  describe('when a question tells of someone without saying who', () => {
    it('reads "utan att nämna namn", "utan att säga vem" as the routines\' "anonymt", not as "utan"', () => {
      const anonymt = retriever.analyze('anonymt').terms[0]!.term;
      const utan = retriever.analyze('utan samtycke').terms.find((t) => t.term !== retriever.analyze('samtycke').terms[0]!.term)?.term;
      for (const question of ['kan vi ringa utan att nämna barnets namn', 'får vi fråga utan att säga vem hen är', 'går det utan namn']) {
        const terms = retriever.analyze(question).terms.map((t) => t.term);
        expect(terms).toContain(anonymt);
        expect(terms).not.toContain(utan);
      }
      expect(retriever.analyze('kan vi dela uppgifter utan samtycke').terms.map((t) => t.term)).not.toContain(anonymt);
    });
  });

  describe('when a question hedges with "helst" or "gärna"', () => {
    it('weighs the hedge as a weak word, well under a word that names a topic', () => {
      const weight = (word: string) => retriever.analyze(word).terms[0]?.weight ?? 0;
      expect(weight('helst')).toBeLessThanOrEqual(weight('gärna'));
      expect(weight('helst')).toBeLessThan(weight('skyddsbedömning') / 2);
    });
  });

  describe('when a question writes an age out in words', () => {
    it('reads "sextonåring", "17-årig" and "har fyllt arton" as the ages the routines write in digits', () => {
      const termsOf = (text: string) => retriever.analyze(text).terms.map((t) => t.term);
      const [sixteen, seventeen, eighteen] = ['16', '17', '18'].map((digits) => retriever.analyze(digits).terms[0]!.term);
      expect(termsOf('en sextonåring i nian')).toContain(sixteen);
      expect(termsOf('en 17-årig elev')).toContain(seventeen);
      expect(termsOf('eleven har fyllt arton')).toContain(eighteen);
    });
  });

  describe('when a question says agreeing in other words', () => {
    it('reads "gått med på" as the routines\' samtycke, and "nåbar" as "tillgänglig"', () => {
      const samtycke = retriever.analyze('samtycke').terms[0]!.term;
      expect(retriever.analyze('om pappa gått med på det').terms.map((t) => t.term)).toContain(samtycke);
      expect(retriever.analyze('om de inte gick med pa det').terms.map((t) => t.term)).toContain(samtycke);
      expect(retriever.analyze('nåbar').terms[0]?.term).toBe(retriever.analyze('tillgänglig').terms[0]?.term);
      // Coming along to a meeting is no consent.
      expect(retriever.analyze('får mamma gå med på mötet').terms.map((t) => t.term)).not.toContain(samtycke);
    });
  });

  describe('when two words of a question make a known compound', () => {
    it('counts the compound too ("tid" … "telefon": "telefontid")', () => {
      const telefontid = retriever.analyze('telefontid').terms[0]!.term;
      expect(retriever.analyze('vilken tid svarar de i telefon').terms.map((t) => t.term)).toContain(telefontid);
    });
  });

  describe('when a verb takes a particle', () => {
    const stang = () => retriever.analyze('stängd').terms[0]!.term;

    it('reads a particle verb the routines never use as another word ("stänga av" is not "stängd")', () => {
      for (const question of ['hur stänger man av larmet på morgonen', 'kan vi stänga av wifi:t under lektionen']) {
        const query = retriever.analyze(question);
        expect(query.terms.find((t) => t.term === stang())).toBeUndefined();
        expect(query.unknownWeight).toBeGreaterThan(0);
      }
    });

    it('keeps the verb when the routines use it with that particle, or when the word before "av" is no verb', () => {
      const folja = retriever.analyze('följa').terms[0]!.term;
      expect(retriever.analyze('vem följer upp anmälan').terms.find((t) => t.term === folja)?.known).toBe(true);
      expect(retriever.analyze('när är mottagningen stängd av lunch').terms.find((t) => t.term === stang())?.known).toBe(true);
    });

    it('reads "av" after a verb of learning as where from ("få veta av rektorn"), not as a verb the routines lack', () => {
      const query = retriever.analyze('vad kan föräldrarna få veta av rektorn');
      expect(query.unknownWeight).toBe(0);
      expect(query.terms.some((t) => t.term === retriever.analyze('veta').terms[0]!.term)).toBe(true);
    });

    it('reads an everyday verb with a particle the routines never write after it as a thing they lack ("gå ner" in time)', () => {
      const query = retriever.analyze('kan en fritidspedagog gå ner till halvtid');
      expect(query.terms.find((t) => t.term.includes('ner'))?.known).toBe(false);
      expect(query.unknownWeight).toBeGreaterThan(retriever.analyze('kan en fritidspedagog till halvtid').unknownWeight);
    });

    it('keeps the particle as a word when the routines write it after that verb ("gå hem")', () => {
      const hem = retriever.analyze('hem').terms[0]!.term;
      expect(retriever.analyze('vågar eleven inte gå hem').terms.find((t) => t.term === hem)?.known).toBe(true);
    });
  });

  describe('when the verb a question asks about is one the routines lack', () => {
    it('weighs it more than the same word elsewhere in a question ("Vem betalar …?")', () => {
      expect(retriever.analyze('Vem betalar placeringen?').unknownWeight).toBeGreaterThan(retriever.analyze('Placeringen, betalar kommunen den?').unknownWeight);
    });
  });

  describe('when a question asks whether there is some thing the routines lack', () => {
    it('weighs the thing after "någon"/"något" as the thing asked for, unless a part of it is known', () => {
      expect(retriever.analyze('Finns det någon kanotuthyrning?').unknownWeight).toBeGreaterThan(retriever.analyze('Kanotuthyrning, finns det?').unknownWeight);
      expect(retriever.analyze('Har de något lunchuppehåll?').unknownWeight).toBe(retriever.analyze('Lunchuppehåll, har de det?').unknownWeight);
      expect(retriever.analyze('Jag vill inte göra något tokigt.').unknownWeight).toBe(retriever.analyze('Jag vill inte göra det tokigt.').unknownWeight);
    });
  });

  describe('when a hyphenated word has a part that retrieval skips', () => {
    it('counts the whole as a compound the routines lack, and one with a known or a counted unknown part as before', () => {
      expect(retriever.analyze('drop-in-mottagning').unknownWeight).toBeGreaterThan(0);
      expect(retriever.analyze('BBIC-utlåtandet').unknownWeight).toBe(0);
    });
  });

  describe('when a question uses a term of art the entries write', () => {
    it('notes a present participle and its noun written side by side in the entries as a phrase', () => {
      const phrase = `${retriever.analyze('kränkande').terms[0]!.term} ${retriever.analyze('behandling').terms[0]!.term}`;
      expect(retriever.analyze('Hur utreds kränkande behandling?').phrases).toEqual([phrase]);
      expect(retriever.analyze('Hur utreds behandling som är kränkande?').phrases).toBeUndefined();
    });
  });

  describe('when an unknown compound starts with a known word', () => {
    it('counts the known first part, and the whole as an unknown compound', () => {
      const query = retriever.analyze('lunchuppehåll');
      const lunch = retriever.analyze('lunch').terms[0]!.term;
      expect(query.terms.find((t) => t.term === lunch)?.via).toBe('head');
      expect(query.unknownWeight).toBeLessThan(retriever.analyze('kanotuthyrning').unknownWeight);
    });
  });

  describe('when a question is in English', () => {
    it('maps its domain words to the Swedish ones', () => {
      const query = retriever.analyze('Do I need consent from the parents?');
      expect(query.english).toBe(true);
      expect(query.terms.map((t) => t.term)).toEqual(expect.arrayContaining([retriever.analyze('samtycke').terms[0]!.term, retriever.analyze('vårdnadshavare').terms[0]!.term]));
    });

    it("finds a word the lexicon lacks in the entries' English summaries", () => {
      const query = retriever.analyze('Does consent have to be unambiguous?');
      expect(query.terms.find((t) => t.term.includes('unambiguous'))?.known).toBe(true);
      expect(top('Does consent have to be unambiguous?')).toBe('samtycke-definition');
    });

    it('counts an English word neither knows as less of a topic than an unknown Swedish word', () => {
      const english = retriever.analyze('Who handles the zebra?');
      const swedish = retriever.analyze('Vem hanterar zebran?');
      expect(english.unknownWeight).toBeGreaterThan(0);
      expect(english.unknownWeight).toBeLessThan(swedish.unknownWeight);
    });

    it('reads an adverb in -ly the lexicon does not translate as no topic', () => {
      expect(retriever.analyze('What if a pupil abruptly moves to a foster home?').unknownWeight).toBe(retriever.analyze('What if a pupil moves to a foster home?').unknownWeight);
      expect(retriever.analyze('Who handles the zebra gradually?').unknownWeight).toBe(retriever.analyze('Who handles the zebra?').unknownWeight);
    });

    it('reads a contraction as function words ("isn\'t" is no topic)', () => {
      expect(retriever.analyze("What if the investigation isn't finished?").terms.some((t) => t.term.includes('isn'))).toBe(false);
    });
  });

  describe('when a month and a weekday share a stem', () => {
    it('does not read "månad" as "måndag"', () => {
      expect(retriever.analyze('en månad').terms[0]?.term).not.toBe(retriever.analyze('måndag').terms[0]?.term);
    });

    it('reads "mån" after a number as months, alone as the weekday', () => {
      const termsOf = (question: string) => retriever.analyze(question).terms.map((t) => t.term);
      const [month, weekday] = [termsOf('månader')[0]!, termsOf('måndag')[0]!];
      expect(termsOf('räcker det med tre mån för en utredning')).toContain(month);
      expect(termsOf('blir utredningen klar på 2 mån.')).toContain(month);
      expect(termsOf('blir utredningen klar på 2 mån.')).not.toContain(weekday);
      expect(termsOf('har mottagningen telefontid på mån')).toContain(weekday);
      // "8-12 mån-fre" is a time and a range of weekdays.
      expect(termsOf('har ni telefontid 8-12 mån-fre')).toContain(weekday);
      expect(termsOf('har ni telefontid 8-12 mån-fre')).not.toContain(month);
    });
  });

  describe('when a slip falls on å, ä or ö', () => {
    const termOf = (word: string) => retriever.analyze(word).terms[0]?.term;

    it('reads a doubled å/ä/ö as the letter typed once', () => {
      expect(termOf('skyddsbedöömning')).toBe(termOf('skyddsbedömning'));
      expect(termOf('elevhäälsoteamet')).toBe(termOf('elevhälsoteamet'));
    });

    it('reads one of å/ä/ö typed for its neighbour on the keyboard as meant', () => {
      expect(termOf('skyddsbedämning')).toBe(termOf('skyddsbedömning'));
      expect(termOf('föröldrarna')).toBe(termOf('föräldrarna'));
    });

    it('still keeps a letter with a mark from becoming one without ("förstått" is no "fortsatt")', () => {
      expect(termOf('förstått')).not.toBe(termOf('fortsatt'));
    });
  });

  describe('when two letters are typed in the wrong order in a word known only in another form', () => {
    const termOf = (word: string) => retriever.analyze(word).terms[0]?.term;

    it('reads a compound with a swap in its last part as the compound ("gymnasie|rketorn")', () => {
      expect(termOf('gymnasierketorn')).toBe(termOf('gymnasierektorer'));
    });

    it('reads a letter typed two places late as meant ("dokumenerta")', () => {
      expect(termOf('dokumenerta')).toBe(termOf('dokumentera'));
    });

    it('reads a word spelt right that the routines lack as the swapped word they write, at a slip\'s weight ("temas": "teams")', () => {
      const [term] = retriever.analyze('temas').terms;
      expect(term).toMatchObject({ term: termOf('team'), known: true, via: 'near' });
    });

    it('reads a stop word put back in order as the stop word, not as a topic', () => {
      expect(retriever.analyze('vad inneäbr samtycke').terms.map((t) => t.term)).toEqual(retriever.analyze('vad samtycke').terms.map((t) => t.term));
    });
  });

  describe('when the inverted index ranks', () => {
    const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
    let questions: string[];
    beforeAll(async () => {
      questions = [
        ...parseQaCases(await readFile(path.join(fixtures, 'qa-eval.jsonl'), 'utf8')).map((c) => c.q),
        ...parseBlindQaCases(await readFile(path.join(fixtures, 'blind/qa-blind-2026-12-dev.jsonl'), 'utf8')).map((c) => c.q),
        ...parseBlindQaCases(await readFile(path.join(fixtures, 'blind/qa-blind-2026-12-test.jsonl'), 'utf8')).map((c) => c.q),
      ];
    });
    const ranking = (hits: ReturnType<Retriever['search']>) => hits.map((h) => ({ id: h.entry.id, score: h.score, coverage: h.coverage, matched: h.matched }));

    it('gives every evaluation question exactly the ranking of scoring every entry', () => {
      for (const q of questions) expect(ranking(retriever.search(q, 10)), q).toEqual(ranking(retriever.scan(q, 10)));
    });

    it('still does on a knowledge base ten times as large, where every score is tied ten ways', async () => {
      const knowledge = await loadKnowledge(knowledgeDir);
      const entries: KnowledgeEntry[] = [];
      for (let copy = 0; copy < 10; copy++) for (const e of knowledge.entries) entries.push({ ...e, id: `${e.id}-${copy}` });
      const large = new Retriever(entries, await createAnalyzer(knowledgeDir), await createLanguageResources(knowledgeDir));
      for (const q of questions) expect(ranking(large.search(q, 25)), q).toEqual(ranking(large.scan(q, 25)));
      // The large base's lists of example questions are long: the candidates' parts of them are found by binary search.
      for (const q of questions.slice(0, 60)) for (const hit of large.search(q, 10)) expect(hit.questionMatch, q).toBeCloseTo(closestExampleMatch(large, q, hit.entry), 12);
    });

    it('matches the example questions of each entry as comparing the question with every one of them does', () => {
      for (const q of questions) for (const hit of retriever.search(q, 10)) expect(hit.questionMatch, q).toBeCloseTo(closestExampleMatch(retriever, q, hit.entry), 12);
    });
  });
});

/** The IDF-weighted Dice overlap of a question's known terms with the closest of an entry's example and yes/no questions, one by one. */
function closestExampleMatch(retriever: Retriever, question: string, entry: KnowledgeEntry): number {
  const known = retriever.analyze(question).terms.filter((t) => t.known);
  const knownWeight = known.reduce((sum, t) => sum + t.weight, 0);
  let best = 0;
  for (const example of [...entry.questions, ...entry.yesNo.map((c) => c.question)]) {
    const terms = retriever.termsOf(example);
    const weight = [...terms].reduce((sum, term) => sum + retriever.weightOf(term), 0);
    const shared = known.filter((t) => terms.has(t.term)).reduce((sum, t) => sum + t.weight, 0);
    if (shared > 0) best = Math.max(best, (2 * shared) / (knownWeight + weight));
  }
  return best;
}
