import { describe, expect, it } from 'vitest';
import { asksToCompare, doneThingOf, shapeOf, withoutComparingWords, withoutSelfIntroduction, withoutWhereDefined } from '../../knowledge/question-shape.js';
import { builtInQuestionWords } from '../../knowledge/question-words.js';

const words = builtInQuestionWords();

describe('shapeOf', () => {
  describe('when a question compares', () => {
    it('tells it from one that does not', () => {
      expect(asksToCompare('Hur skiljer sig en konsultation från en anmälan?')).toBe(true);
      expect(asksToCompare('Vad är skillnaden mellan råd och stöd?')).toBe(true);
      expect(asksToCompare('Vad är en konsultation?')).toBe(false);
    });
  });

  describe('when a question can be answered yes or no', () => {
    it.each(['Får skolan ringa socialjouren?', 'Måste rektorn skriva under?', 'kurator här: kan vi ses på skolan?', 'Can we call after 16?', 'Säger rutinen att rektor ska skriva under?', 'Anser socialtjänsten att skolan ska vara med?', 'Ansåg rektorerna att samarbetet fungerade?', 'Ville socialtjänsten ha fler möten?', 'Slipper skolan anmäla efter en konsultation?', 'Bedömer socialtjänsten genast om barnet behöver skydd?', 'Bryts tystnadsplikten av en anmälan?'])('marks "%s" as yes/no', (q) => {
      expect(shapeOf(q, words).yesNo).toBe(true);
    });

    it.each(['Vad är en skyddsbedömning?', 'Ska anmälan vara skriftlig eller muntlig?', 'Var hålls mötet?'])('does not mark "%s"', (q) => {
      expect(shapeOf(q, words).yesNo).toBe(false);
    });

    it('reads a question after its condition, though no question mark ends it', () => {
      const shape = shapeOf('om en elev byter skola mitt i terminen, ska mentorn kontakta den nya skolan', words);
      expect(shape.yesNo).toBe(true);
      expect(shape.modal).toBeUndefined();
      expect(shapeOf('om vi vet vem som utreder, vem ringer vi då', words).yesNo).toBe(false);
    });

    it('reads the question at the end of a long message', () => {
      const shape = shapeOf('Vi har en elev som ofta är borta. Föräldrarna svarar inte. Finns det stöd att få?', words);
      expect(shape.yesNo).toBe(true);
      expect(shape.clause).toBe('Finns det stöd att få?');
    });

    it('reads the question of a long message that ends with thanks, or that asks without a question mark', () => {
      expect(shapeOf('Vi har ny personal i höst. Får fritids delta på mötet? Tack på förhand, mvh Lisa', words).clause).toBe('Får fritids delta på mötet?');
      expect(shapeOf('Jag är ny här. Vem bokar mötet med familjen. Vi ses på måndag och vill vara förberedda.', words).clause).toBe('Vem bokar mötet med familjen.');
      expect(shapeOf('Jag är ny här och har letat överallt. vem bokar mötet med familjen Tacksam för svar', words).clause).toBe('vem bokar mötet med familjen');
    });

    it('notices a question asked in the negative', () => {
      expect(shapeOf('Ska vi inte ringa först?', words).negated).toBe(true);
    });

    it('does not take a negation in a restatement (", alltså inte …") for one of the question', () => {
      const shape = shapeOf('Ska vi ringa socialjouren direkt, alltså inte skicka något mejl?', words);
      expect(shape.negated).toBe(false);
      expect(shape.innerNegation).toBe(false);
    });

    it.each([
      'BUP – träffar de rektorn?',
      'Vi har ringt mottagningen, räcker det?',
      'Rektor vill inte anmäla, men måste jag göra det då?',
      'Registreras samtalet någonstans?',
      'Kontrollerar socialtjänsten uppgifterna?',
      'Sitter rektorn med i gruppen?',
      'Pappa är arg och jag vet inte hur jag ska göra – kan jag ringa soc själv?',
    ])('finds the yes/no question in "%s"', (q) => {
      expect(shapeOf(q, words).yesNo).toBe(true);
    });

    it.each(['Vad händer sedan, och vem ringer?', 'Hur gör vi, ringer vi eller skriver vi?', 'Telefontider för mottagningen?', 'Vad är en SIP, och måste alla vara med?'])(
      'finds none in "%s"',
      (q) => {
        expect(shapeOf(q, words).yesNo).toBe(false);
      },
    );

    it('reads whether one must from the clause that asks it', () => {
      expect(shapeOf('Rektor vill inte anmäla, men måste jag göra det då?', words).modal).toBe('must');
      expect(shapeOf('Får vi ringa soc eller polisen?', words).modal).toBe('may');
    });
  });

  describe('when a question asks whether one may leave something undone', () => {
    it('reads "slipper", "vägra", "låta bli" as a negation inside what is asked', () => {
      expect(shapeOf('Slipper vi ringa om vi har faxat?', words).innerNegation).toBe(true);
      expect(shapeOf('Kan vi låta bli att ringa?', words).innerNegation).toBe(true);
      expect(shapeOf('Kan vi ringa?', words).innerNegation).toBe(false);
    });
  });

  describe('when a question holds a negation', () => {
    it('tells a negation inside what is asked about from the asker\'s "… inte …?"', () => {
      expect(shapeOf('Gäller rutinen barn som inte går i kommunens skolor?', words).innerNegation).toBe(true);
      expect(shapeOf('Om föräldrarna inte svarar, får vi ringa soc?', words).innerNegation).toBe(true);
      expect(shapeOf('Ska vi inte ringa först?', words).innerNegation).toBe(false);
      expect(shapeOf('Måste man inte anmäla då?', words).innerNegation).toBe(false);
    });
  });

  describe('when a long message tells a situation before it asks', () => {
    it('keeps the situation apart from the question', () => {
      const shape = shapeOf('Eleven har blåmärken på armarna. Ska vi ringa någon?', words);
      expect(shape.clause).toBe('Ska vi ringa någon?');
      expect(shape.situation).toBe('Eleven har blåmärken på armarna.');
    });

    it('reads a message of a few words as one question, though an abbreviation ends in a full stop', () => {
      const shape = shapeOf('telnr till mott. S vid konsultation?', words);
      expect(shape.clause).toBe('telnr till mott. S vid konsultation?');
      expect(shape.situation).toBeUndefined();
    });

    it('goes on with the sentence after a staff shortening with a full stop before a lower-case word ("enl. rutinen")', () => {
      const shape = shapeOf('Behöver vi ringa soc innan vi faxar anm. till mottagningen enl. vår rutin?', words);
      expect(shape.clause).toBe('Behöver vi ringa soc innan vi faxar anm. till mottagningen enl. vår rutin?');
      expect(shape.yesNo).toBe(true);
      // A full stop after a word that is no shortening still ends a sentence written in lower case.
      expect(shapeOf('vi ringde i förrgår om en elev. vad händer nu med anmälan?', words).clause).toBe('vad händer nu med anmälan?');
    });

    it('goes on with the sentence after a shortening followed by a dash and a lower-case word ("pågående utr. – ska vi …")', () => {
      const question = 'Eleven har en pågående utr. – ska vi ändå skicka en ny anm. till soc?';
      expect(shapeOf(question, words).clause).toBe(question);
      // So does "och" after any word shortened with a full stop: no sentence starts with it.
      expect(shapeOf('Hur lång tid tar förhandsbed. och hur lång tid får utr. ta?', words).parts).toHaveLength(2);
      // A dash before a capital still starts a new sentence.
      expect(shapeOf('Vi gjorde en anmälan i går. – Vad händer nu med den?', words).clause).toBe('– Vad händer nu med den?');
    });

    it('reads "repr." and "pga." as shortenings inside the sentence', () => {
      expect(shapeOf('Får elevens repr. på soc vara med på mötet?', words).clause).toBe('Får elevens repr. på soc vara med på mötet?');
      expect(shapeOf('Vi ringde inte pga. att det var stängt, vad gör vi?', words).clause).toBe('Vi ringde inte pga. att det var stängt, vad gör vi?');
    });

    it('reads "soc.sekr." as a shortening inside the sentence', () => {
      const question = 'Hur ofta brukar soc.sekr. ringa upp efter en konsultation?';
      expect(shapeOf(question, words).clause).toBe(question);
    });
  });

  describe('when a yes/no question asks what one must or may do', () => {
    it('tells a duty from a permission, and leaves "ska" (advice as often as duty) open', () => {
      expect(shapeOf('Måste vi anmäla genast?', words).modal).toBe('must');
      expect(shapeOf('Behöver vi ha bevis?', words).modal).toBe('must');
      expect(shapeOf('Får vi ringa socialjouren?', words).modal).toBe('may');
      expect(shapeOf('Ska vi ringa socialjouren?', words).modal).toBeUndefined();
      expect(shapeOf('Är det rektor som måste skriva under?', words).modal).toBe('must');
      expect(shapeOf('Är vi skyldiga att svara?', words).modal).toBe('must');
    });
  });

  describe('when a question asks for one number', () => {
    it.each([
      ['Vilket faxnummer har Södra?', 'phone'],
      ['När stänger telefonen på torsdagar?', 'time'],
      ['Hur många dagar har socialtjänsten på sig?', 'amount'],
      ['Ska anmälan skickas per fax?', undefined],
      ['Vilket SFS-nummer har lagen?', 'law'],
      ['Vilket kapitel i skollagen handlar om samverkan?', 'law'],
      ['Vilken lag styr samverkan?', 'law'],
      ['tel.tider på fredagar?', 'time'],
      ['Inom vilken tid ska beslutet komma?', 'amount'],
      ['Vilka klockslag gäller på helgen?', 'time'],
    ] as const)('reads "%s" as %s', (q, kind) => {
      expect(shapeOf(q, words).number).toBe(kind);
    });
  });

  describe('when a question cites a paragraph', () => {
    it('does not end the sentence at the full stop of "kap." before the paragraph number', () => {
      const q = 'Vilken paragraf i skollagen motsvarar 29 kap. 13 § i den gamla?';
      expect(shapeOf(q, words).clause).toBe(q);
      expect(shapeOf(q, words).number).toBe('law');
    });

    it('still ends a sentence at a full stop before a number that opens the next one', () => {
      // Seven words or more: a shorter message is read as one question whatever its stops.
      expect(shapeOf('Vi ringde mottagningen kl. 14. Vem svarar där?', words).clause).toBe('Vem svarar där?');
    });
  });

  describe('when a long message has no question mark', () => {
    it('takes its question from the first question word of its last part', () => {
      const story = 'vi har ett barn i gruppen som ofta kommer till förskolan trött och hungrig och har varit ledsen i flera veckor nu och vi har pratat om det i arbetslaget flera gånger under hösten och blir bara mer och mer oroliga för henne';
      expect(shapeOf(`${story} kan vi ringa socialtjänsten utan att säga vem barnet är`, words).clause).toBe('kan vi ringa socialtjänsten utan att säga vem barnet är');
    });
  });

  describe('when a question has two parts', () => {
    it('splits a comparison at the last "och" before the end', () => {
      expect(shapeOf('Vad är skillnaden mellan råd och stöd och en beslutad insats?', words).parts).toEqual(['råd och stöd', 'en beslutad insats']);
    });

    it('splits an English comparison the same way', () => {
      expect(shapeOf("What's the difference between consultation and a report?", words).parts).toEqual(['consultation', 'a report']);
    });

    it('splits two questions joined by "och"', () => {
      expect(shapeOf('Vem fyller i utlåtandet, och hur skickas det?', words).parts).toEqual(['Vem fyller i utlåtandet', 'hur skickas det']);
    });

    it('keeps a one-part question whole', () => {
      expect(shapeOf('Vem kallar vårdnadshavarna?', words).parts).toEqual([]);
    });

    it('splits a message of two question sentences into them', () => {
      expect(shapeOf('Får vi ringa anonymt? Vem svarar då?', words).parts).toEqual(['Får vi ringa anonymt', 'Vem svarar då']);
    });

    it('keeps a story and the question after it one part', () => {
      expect(shapeOf('Vi är oroliga för en elev i åttan. Vem ringer vi?', words).parts).toEqual([]);
    });
  });
});

describe('shapeOf, when a definition is asked for', () => {
  it.each([
    ['Vad innebär uppgiftsskyldighet?', 'uppgiftsskyldighet'],
    ['vad ar en skyddsbedomning', 'skyddsbedomning'],
    ['What is BBIC?', 'BBIC'],
    ['Vad innebär uppgiftsskyldigheten för oss som arbetar på förskolan?', 'uppgiftsskyldigheten'],
    ['vad betyder samtycke för mig?', 'samtycke'],
    ['vad innebar uppgiftsskyldigheten for oss pa forskolan', 'uppgiftsskyldigheten'],
    ['Vad är en skyddsbedömning enligt Kraftsamlings styrdokument?', 'skyddsbedömning'],
    ['Vad innebär BBIC enligt rapporten från Östermalm?', 'BBIC'],
  ])('reads "%s" as asking what %s is', (q, subject) => {
    expect(shapeOf(q, words).defines).toBe(subject);
  });

  it('does not read a question about doing something as a definition', () => {
    expect(shapeOf('Vad gör mottagningen?', words).defines).toBeUndefined();
  });
});

describe('shapeOf, when a question asks something of a thing', () => {
  it.each([
    ['Vad ingår i ett samtycke?', 'ingår', 'samtycke'],
    ['vad innehaller checklistan', 'innehaller', 'checklistan'],
    ['Vilka roller ingår i begreppet elevhälsa?', 'ingår begreppet', 'elevhälsa'],
    ['Vad är syftet med en förhandsbedömning?', 'syftet', 'förhandsbedömning'],
    ['Vad syftar ett anmälningsmöte till?', 'syftar', 'anmälningsmöte'],
    ['Vad innehöll deras handlingsplan?', 'innehöll', 'handlingsplan'],
    ['Vad ingick i hennes uppdrag?', 'ingick', 'uppdrag'],
  ])('reads "%s" as asking with "%s" about %s', (q, asking, subject) => {
    expect(shapeOf(q, words).asksOf).toEqual({ words: asking, subject });
  });

  it('reads what happens at an event as asking with "händer"/"sker" about the event, not what follows something', () => {
    expect(shapeOf('Vad sker vid en skyddsbedömning?', words).asksOf).toEqual({ words: 'sker', subject: 'skyddsbedömning' });
    expect(shapeOf('vad hander pa motet med familjen', words).asksOf).toEqual({ words: 'hander', subject: 'motet' });
    expect(shapeOf('Vad händer efter en anmälan?', words).asksOf).toBeUndefined();
  });

  it('reads where something is written as asking words without a subject', () => {
    expect(shapeOf('Var står det vem som kallar till mötet?', words).asksOf).toEqual({ words: 'står' });
    expect(shapeOf('var star det skrivet hur man anmaler', words).asksOf).toEqual({ words: 'star skrivet' });
  });

  it('does not read a passive "omfattas av", which asks about what comes before it, nor a plain question', () => {
    expect(shapeOf('Vilka åldrar omfattas av rutinen?', words).asksOf).toBeUndefined();
    expect(shapeOf('Var finns blanketten?', words).asksOf).toBeUndefined();
    expect(shapeOf('Vem ingår i ledningsgruppen?', words).asksOf).toEqual({ words: 'ingår', subject: 'ledningsgruppen' });
  });
});

describe('withoutSelfIntroduction', () => {
  it('drops the writer introducing their role', () => {
    expect(withoutSelfIntroduction('Jag är skolsköterska. Vad gör jag nu?')).toBe('Vad gör jag nu?');
    expect(withoutSelfIntroduction('rektor här: vem kallar till mötet?')).toBe('vem kallar till mötet?');
  });

  it('drops a role written as a label before a colon, and keeps a role the question asks about', () => {
    expect(withoutSelfIntroduction('skolsköterska/EHT: när gör man en SIP?')).toBe('när gör man en SIP?');
    expect(withoutSelfIntroduction('Förskolechef: vart faxar vi anmälan?')).toBe('vart faxar vi anmälan?');
    expect(withoutSelfIntroduction('Vad gör kuratorn i elevhälsoteamet?')).toBe('Vad gör kuratorn i elevhälsoteamet?');
  });

  it('drops the role introduced in English, and keeps a role the question asks about', () => {
    expect(withoutSelfIntroduction("I'm a school counsellor here. Who do we call after 16?")).toBe('Who do we call after 16?');
    expect(withoutSelfIntroduction('As a class teacher, must I tell the head?')).toBe('must I tell the head?');
    expect(withoutSelfIntroduction('I work as a nurse at a preschool. What is a SIP?')).toBe('What is a SIP?');
    expect(withoutSelfIntroduction('Can the teacher make the report?')).toBe('Can the teacher make the report?');
  });

  it('keeps "as <role>" before a question whether that role must or may report, and drops it before any other question', () => {
    for (const question of ['As a school nurse, am I obliged to report?', 'As preschool teachers, do we have to report too?', 'As a principal, is it my duty to make the report?']) {
      expect(withoutSelfIntroduction(question)).toBe(question);
    }
    expect(withoutSelfIntroduction('As a school nurse, am I obliged to report?', 'drop')).toBe('am I obliged to report?');
    expect(withoutSelfIntroduction('As a mentor, can I report anonymously?')).toBe('can I report anonymously?');
    expect(withoutSelfIntroduction('As a mentor, do I have to report if I am only a little worried?')).toBe('do I have to report if I am only a little worried?');
    expect(withoutSelfIntroduction("I'm a school nurse. Am I obliged to report?")).toBe('Am I obliged to report?');
  });
});

describe('withoutComparingWords', () => {
  it('leaves what is compared and drops the words that compare', () => {
    expect(withoutComparingWords('Hur skiljer sig en skyddsbedömning från en förhandsbedömning?')).toBe('Hur en skyddsbedömning från en förhandsbedömning?');
    expect(withoutComparingWords('Vad är skillnaden mellan råd och stöd respektive en insats?')).toBe('Vad är mellan råd och stöd en insats?');
    expect(withoutComparingWords('Hur hänger anmälningsmötet ihop med utredningen?')).toBe('Hur anmälningsmötet med utredningen?');
    expect(withoutComparingWords('What is the difference between consent and information?')).toBe('What is the between consent and information?');
  });
});

describe('withoutWhereDefined', () => {
  it('drops the closing words that say where to look from a definition question', () => {
    expect(withoutWhereDefined('Vad menas med skyddsbedömning i rutinerna?')).toBe('Vad menas med skyddsbedömning?');
    expect(withoutWhereDefined('vad betyder förhandsbedömning i styrdokumentet')).toBe('vad betyder förhandsbedömning');
  });

  it('drops a routine or document named with a word before it ("i den äldre samverkansrutinen")', () => {
    expect(withoutWhereDefined('Hur definieras anmälningsmöte i den gamla samverkansrutinen?')).toBe('Hur definieras anmälningsmöte?');
    expect(withoutWhereDefined('Vad betyder skyddsbedömning i Kraftsamlings styrdokument?')).toBe('Vad betyder skyddsbedömning?');
    expect(shapeOf('Vad är en förhandsbedömning i den nya rutinen?', words).defines).toBe('förhandsbedömning');
  });

  it('leaves other questions as they are', () => {
    expect(withoutWhereDefined('Vem ringer vi enligt rutinen när det är akut i rutinen?')).toBe('Vem ringer vi enligt rutinen när det är akut i rutinen?');
  });
});

describe('doneThingOf', () => {
  it('reads the thing a short yes/no question asks about doing something to, as written', () => {
    expect(doneThingOf('Kan vi ta tillbaka en anmälan?')).toBe('anmälan');
    expect(doneThingOf('far man skicka ett utlatande')).toBe('utlatande');
    expect(doneThingOf('Kan vi ta tillbaka en anmälan om mamman blir arg?')).toBeUndefined();
    expect(doneThingOf('Vem läser en anmälan?')).toBeUndefined();
  });

  it('reads the thing without å/ä/ö where folding shortens the text (a stray combining mark), never a shifted slice', () => {
    expect(doneThingOf('Kan vi t\u0303a tillbaka en anmälan?')).toBe('anmalan');
  });
});
