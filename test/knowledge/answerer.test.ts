import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answerer, checkPhrasedAnswer, ModelOutputRefusedError } from '../../knowledge/answerer.js';
import { createAnswerer } from '../../knowledge/create-answerer.js';
import { loadKnowledge, type KnowledgeBase } from '../../knowledge/load-knowledge.js';
import { builtInQuestionWords } from '../../knowledge/question-words.js';
import { OpenAiPhraser } from '../../model/openai-phraser.js';
import { isAkutOro } from '../../triage/akut-oro-detector.js';
import { startLocalModelServer, type LocalModelServer } from '../helpers/openai-compatible-server.js';

const knowledgeDir = path.resolve(import.meta.dirname, '../../knowledge');
const QUESTION = 'Måste vi vara säkra innan vi anmäler?';

describe('Answerer', () => {
  let knowledge: KnowledgeBase;
  let extractive: Answerer;
  beforeAll(async () => {
    knowledge = await loadKnowledge(knowledgeDir);
    extractive = await createAnswerer(knowledge, knowledgeDir);
  });

  describe('without a model', () => {
    it('answers from the best entry and cites it with document, section, review date and the whole entry', async () => {
      const answer = await extractive.answer(QUESTION);
      expect(answer.kind).toBe('answer');
      expect(answer.aiGenerated).toBe(false);
      expect(answer.citations[0]?.id).toBe('anmalningsskyldighet');
      const entry = knowledge.byId('anmalningsskyldighet')!;
      expect(answer.text).toContain('Du behöver inte vara säker och inte ha bevis');
      expect(answer.citations[0]).toMatchObject({ lastReviewed: entry.lastReviewed, excerpt: entry.body, shortSource: 'Kraftsamling 2016, Anmälningsskyldighet' });
      expect(answer.citations[0]?.source).toContain(entry.source.section);
    });

    it('declines a question about how one case is going, which only the socialsekreterare can answer', async () => {
      expect((await extractive.answer('Hur går det med anmälan vi gjorde om pojken i trean?')).kind).toBe('no-answer');
      expect((await extractive.answer('hur gar det med anmalan vi gjorde om pojken i trean')).kind).toBe('no-answer');
    });

    it('finds the entry on who answers for a report whether the question says "ansvarar", "ansvarig" or the entry "ansvar"', async () => {
      for (const question of ['Vem ansvarar för att anmälan görs efter en konsultation?', 'Vem är ansvarig för orosanmälan när vi har konsulterat soc?']) {
        expect((await extractive.answer(question)).citations[0]?.id, question).toBe('ansvaret-for-anmalan');
      }
    });

    it('declines whether, or which of two, holds for an area of the municipality when no entry names the area', async () => {
      for (const question of ['Tillhör Tumba mottagningssektion Södra?', 'Är det Norr eller Södra som tar emot anmälningar från Alby?']) {
        expect((await extractive.answer(question)).kind, question).toBe('no-answer');
      }
      // An entry that names the area still answers.
      expect((await extractive.answer('Är Tullinge en lokal samverkansgrupp?')).citations[0]?.id).toBe('lokala-samverkansgrupper');
    });

    it('declines which schools an area or a section has, and who holds a post in an area, which the routines do not say', async () => {
      for (const question of ['Vilka grundskolor ligger under LSG Tullinge?', 'Vilka förskolor hör till mottagningssektion Södra?', 'Vem är sektionschef från socialförvaltningen i LSG Tumba?', 'Who currently leads the LSG in Tullinge?', 'Vem leder LSG Alby/Fittja just nu?']) {
        expect((await extractive.answer(question)).kind, question).toBe('no-answer');
      }
      // "Who now handles …?" asks who does a task, which the routines say, not who holds a post.
      expect((await extractive.answer('Who now handles reports of concern in Norr?')).citations[0]?.id).toBe('kontakter-mottagningssektionen');
      // The areas themselves, and the schools a document covers without an area, are still answered.
      expect((await extractive.answer('Vilka LSG-områden finns det?')).citations[0]?.id).toBe('lokala-samverkansgrupper');
      expect((await extractive.answer('Vilka förskolor omfattas av Kraftsamling?')).kind).toBe('answer');
      // Whose task something is in an area is the routines' to say.
      expect((await extractive.answer('Vem är ansvarig för att kalla till anmälningsmötet i Norr?')).citations[0]?.id).toBe('anmalningsmote-planering');
    });

    it('reads a question for a waiting time as one for a length of time, which an entry stating none does not answer', async () => {
      for (const question of ['Vad är väntetiden för stöd från sektionen för öppenvård?', 'What is the waiting time for a group at the resursenhet?']) {
        expect((await extractive.answer(question)).kind, question).toBe('no-answer');
      }
    });

    it('answers a question for a year only from an entry that states one', async () => {
      for (const question of ['Vilket år kom checklistan för anmälan?', 'Vilket år började ledningsgruppen för Kraftsamling träffas?']) {
        expect((await extractive.answer(question)).kind, question).toBe('no-answer');
      }
      expect((await extractive.answer('Vilket år kom den nya socialtjänstlagen?')).citations[0]?.id).toBe('ny-socialtjanstlag');
    });

    it('declines a number for a part of a unit the contacts lack, though its word read without å/ä/ö is near one the entries have', async () => {
      expect((await extractive.answer('Vilket telefonnummer har socialjourens växel?')).kind).toBe('no-answer');
      expect((await extractive.answer('Vilket telefonnummer har socialjouren?')).kind).toBe('answer');
    });

    it('declines a question for the language something is offered in when no entry of the answer names a language', async () => {
      for (const question of ['På vilket språk kan vi få checklistan?', 'Which languages do the parent support groups run in?']) {
        expect((await extractive.answer(question)).kind, question).toBe('no-answer');
      }
    });

    it('declines who decides or appoints, whether something is compulsory, who signs, who calls, attends or hosts a meeting, a deadline, the next occasion or where a place is when no entry of the answer states it', async () => {
      for (const question of ['Vem avgör om ett referenssamtal behövs?', 'Är referenssamtalet obligatoriskt för pedagogen?', 'Vem skriver under checklistan innan den faxas?', 'Var ligger Team skolnärvaro?', 'Vem kallar till ett trepartssamtal?', 'Vilka ska vara med på ett möte med Team skolnärvaro?']) {
        expect((await extractive.answer(question)).kind, question).toBe('no-answer');
      }
      // Who appoints: the contact persons' entry says what they do, not who appoints them; the meeting's says who decides who leads it.
      expect((await extractive.answer('Vem utser kontaktpersonen från socialtjänsten till skolan?')).kind).toBe('no-answer');
      expect((await extractive.answer('Vem utser den som leder anmälningsmötet?')).citations[0]?.id).toBe('vem-leder-anmalningsmotet');
      // Whether a meeting is held at a place: only an entry saying where one is held answers; the planning entry does.
      expect((await extractive.answer('Hålls mötet på skolan när eleven har ett SIP-möte?')).kind).toBe('no-answer');
      expect((await extractive.answer('Hålls anmälningsmötet på förskolan?')).citations[0]?.id).toBe('anmalningsmote-planering');
      // When the next occasion is, asked in a second part: the local groups' entry names no month they meet in.
      expect((await extractive.answer('Vad gör den lokala samverkansgruppen och när är nästa tillfälle den träffas?')).kind).toBe('no-answer');
      // A deadline: the statement's entry says who sends it back and how, not by when; the preliminary assessment's says within how long.
      expect((await extractive.answer('Vilket är sista datum för att skicka tillbaka BBIC-utlåtandet?')).kind).toBe('no-answer');
      expect((await extractive.answer('Finns det en sista dag för när förhandsbedömningen ska vara klar?')).kind).toBe('answer');
      // That socialtjänsten assesses a need is no decision: it answers who settles a question, not who decides.
      expect((await extractive.answer('Vem tar beslut om att ett barn placeras på institution?')).kind).toBe('no-answer');
      // An entry that states it still answers.
      expect((await extractive.answer('Vem beslutar om en utredning ska inledas?')).citations[0]?.id).toBe('forhandsbedomning');
      expect((await extractive.answer('Är det obligatoriskt för rektorer att ingå i en lokal samverkansgrupp?')).citations[0]?.id).toBe('lokala-samverkansgrupper');
      // A duty stated answers whether something is compulsory.
      expect((await extractive.answer('Is reporting mandatory for teachers?')).citations[0]?.id).toBe('vem-ar-anmalningsskyldig');
      expect((await extractive.answer('Är det obligatoriskt för lärare att anmäla oro?')).text).toContain('skyldig');
      expect((await extractive.answer('Var ligger ansvaret för att anmälan görs?')).citations[0]?.id).toBe('ansvaret-for-anmalan');
      expect((await extractive.answer('Vem kallar till anmälningsmötet?')).citations[0]?.id).toBe('anmalningsmote-planering');
      expect((await extractive.answer('Vilka ska vara med på anmälningsmötet?')).citations[0]?.id).toBe('anmalningsmote-planering');
    });

    it('declines a question about a name only one other entry writes, though the best entry has its other words', async () => {
      // "MiniMaria" is named (a keyword with a capital) only in the entry on the resource unit's sections; the entry on
      // Kraftsamling's target group has the ages but says nothing of it.
      expect((await extractive.answer('vilken alder har ungdomar som gar till minimaria, typ hogstadiet?')).kind).toBe('no-answer');
      // A question the named entry answers still gets it.
      expect((await extractive.answer('Vilket nummer har sektionen för öppenvård som har MiniMaria?')).citations[0]?.id).toBe('resursenhetens-sektioner');
    });

    it('answers a question whose words only look like asking such a kind', async () => {
      // "sign up" is no signing, "who calls social services" asks who phones, "var ligger fokus" asks no place.
      const answered = {
        'How do I sign up for Kraftsamlingsdagen?': 'arlig-handlingsplan',
        'Who calls social services when we are worried?': 'akut-oro',
        'Var ligger fokus i anmälningsmötet?': 'anmalningsmote-planering',
      };
      for (const [question, id] of Object.entries(answered)) expect((await extractive.answer(question)).citations[0]?.id, question).toBe(id);
    });

    it('takes the value a one-part question asks for from the best entry, not from an entry shown beside it', async () => {
      // "Vem kallar till ett nätverksmöte?" is answered from Östermalm's structures, with the entry on support during an
      // investigation beside it: a kind of value stated only in the one beside it is not given.
      const words = builtInQuestionWords();
      const askingFor = (states: string[]) =>
        createAnswerer({ ...knowledge, sourceKey: undefined }, knowledgeDir, { questionWords: { ...words, askedKinds: [{ asks: ['natverksmote'], states }] } });
      const question = 'Vem kallar till ett nätverksmöte?';
      expect((await (await askingFor(['samordnare'])).answer(question)).citations.map((c) => c.id)).toEqual(['ostermalm-bus-och-samverkansnivaer', 'stod-under-utredning']);
      expect((await (await askingFor(['genomforandeplan*'])).answer(question)).kind).toBe('no-answer');
    });

    it('answers which year only from an entry that states a year in a sentence naming what is asked about', async () => {
      // The entry on Stockholm's school social teams states years for its pilot and framework, not for a Botkyrka team.
      expect((await extractive.answer('Vilket år fick Team skolnärvaro sin första samordnare?')).kind).toBe('no-answer');
      expect((await extractive.answer('Vilket år tog Stockholm fram ramverket för de skolsociala teamen?')).kind).toBe('answer');
    });

    it('takes who decides in English as who settles it, which an entry saying who assesses it answers', async () => {
      expect((await extractive.answer('Who decides how serious the situation is when there is acute concern?')).kind).toBe('answer');
    });

    it('declines what is planned or done this or last year or season when no entry of the answer gives a date', async () => {
      for (const question of ['Vilken lokal samverkansgrupp ansvarar för årets Kraftsamlingsdag?', 'vilken lsg har ansvaret for kraftsamlingsdagen i host']) {
        expect((await extractive.answer(question)).kind, question).toBe('no-answer');
      }
      expect((await extractive.answer('Vilken lokal samverkansgrupp ansvarar för Kraftsamlingsdagen?')).citations[0]?.id).toBe('arlig-handlingsplan');
      // When it is this year: the month it is every year answers.
      expect((await extractive.answer('När är Kraftsamlingsdagen i höst?')).citations[0]?.id).toBe('arlig-handlingsplan');
    });

    it('answers "hur många X" from the entry that counts X, and declines when no entry counts it', async () => {
      const counted = await extractive.answer('Hur många lokala samverkansgrupper har Botkyrka?');
      expect(counted.citations[0]?.id).toBe('lokala-samverkansgrupper');
      expect(counted.text).toMatch(/^Det finns fyra lokala samverkansgrupper/);
      expect((await extractive.answer('Hur många kuratorer arbetar på mottagningssektion Södra?')).kind).toBe('no-answer');
    });

    it('counts what the question counts though the entry writes it in another form ("områden" asked, "de fyra områdena" written)', async () => {
      const answer = await extractive.answer('Hur många områden finns det för LSG?');
      expect(answer.citations[0]?.id).toBe('lokala-samverkansgrupper');
      expect(answer.text).toContain('fyra områdena');
    });

    it('answers "hur många dagar" only with days counted for what the question names', async () => {
      expect((await extractive.answer('Hur många dagar dröjer bekräftelsen från mottagningen?')).kind).toBe('no-answer');
      expect((await extractive.answer('Hur många dagar har socialtjänsten på sig att besluta om en utredning?')).text).toMatch(/^[^\n]*14 dagar/);
      expect((await extractive.answer('how many months can an investigation take')).text).toMatch(/four months/);
    });

    it('answers "hur länge" from a close entry that states a length of time', async () => {
      const answer = await extractive.answer('hur länge pågår en utredning');
      expect(answer.text).toContain('fyra månader');
    });

    it('reads "utr" as utredning, as staff abbreviate it', async () => {
      expect((await extractive.answer('hur länge får en utr pågå?')).text).toMatch(/^[^\n]*fyra månader/);
    });

    it('reads "hur lång är X" as a question for a length of time: the figure for X, or a decline when X is not in the routines', async () => {
      expect((await extractive.answer('Hur lång blir en utredning?')).text).toMatch(/^[^\n]*fyra månader/);
      expect((await extractive.answer('Hur lång är väntetiden till familjestödet?')).kind).toBe('no-answer');
    });

    it('answers "hur snabbt" from an entry that says "genast", not from a runner-up that names some number of days', async () => {
      const answer = await extractive.answer('Hur snabbt måste förskolan göra en orosanmälan?');
      expect(answer.kind).toBe('answer');
      expect(answer.citations[0]?.id).toBe('anmalningsskyldighet');
      expect(answer.text).toContain('genast');
    });

    it('answers "hur snabbt" from an entry that says "så snart ni kan": how soon, said without a number', async () => {
      const answer = await extractive.answer('Hur snabbt ska en muntlig anmälan bekräftas skriftligt?');
      expect(answer.citations[0]?.id).toBe('muntlig-anmalan');
      expect(answer.text).toContain('så snart ni kan');
    });

    it('answers "vad gör X med …?" from the entry that tells what X does, not from one that tells staff what to do', async () => {
      for (const question of ['Vad gör mottagningssektionen med en skriftlig anmälan?', 'Vad gör mottagningen med en orosanmälan, steg för steg?']) {
        const answer = await extractive.answer(question);
        expect(answer.citations[0]?.id, question).toBe('mottagningssektionens-uppdrag');
        expect(answer.text, question).toContain('skyddsbedömning');
      }
    });

    it('names the förhandsbedömning among the steps after a report comes in', async () => {
      const answer = await extractive.answer('Vad gör mottagningssektionen med en skriftlig anmälan?');
      expect(answer.text).toMatch(/skyddsbedömning[^.]*förhandsbedömning/);
    });

    it('keeps the entry naming the doer of "vad gör X med …?" above one telling what another group does', async () => {
      const answer = await extractive.answer('Vad gör de lokala samverkansgrupperna med den årliga handlingsplanen?');
      expect(answer.citations[0]?.id).toBe('arlig-handlingsplan');
    });

    it('shows both entries when the question does not tell them apart: feedback after the report and after the investigation', async () => {
      const answer = await extractive.answer('Vad får förskolan veta om utredningen?');
      expect(answer.citations.map((c) => c.id)).toEqual(expect.arrayContaining(['aterkoppling-efter-anmalan', 'aterkoppling-efter-utredning']));
      expect(answer.text).toContain('har inletts');
      expect(answer.text).toContain('utredningen är avslutad');
    });

    describe('when a question names another municipality', () => {
      it('answers about Botkyrka by its name', async () => {
        expect((await extractive.answer('Vilka lokala samverkansgrupper finns i Botkyrka?')).citations[0]?.id).toBe('lokala-samverkansgrupper');
      });

      it('says the routines are the pack municipality\'s and that the other municipality\'s socialtjänst answers for its own, then whom to call', async () => {
        for (const [question, other] of [
          ['Vilka tider har mottagningen i Lidingö för orosanmälningar?', 'Lidingö'],
          ['Hur gör Kungälvs kommun med anmälningsmöten?', 'Kungälv'],
        ] as const) {
          const answer = await extractive.answer(question);
          expect(answer.kind, question).toBe('no-answer');
          expect(answer.text, question).toMatch(new RegExp(`^Jag svarar bara utifrån rutinerna i Botkyrka och kan inte säga hur det går till i ${other}\\. Det kan socialtjänsten i ${other} berätta\\.\\n\\n`));
          expect(answer.text, question).toContain('ring mottagningssektionen under telefontid (Mottagningssektion Norr: 08-530 622 55');
          expect(answer.citations).toHaveLength(0);
        }
        // The municipality is the pack's, never written in code.
        const elsewhere = await createAnswerer({ ...knowledge, contacts: { ...knowledge.contacts, municipality: 'Exempelby' }, sourceKey: undefined }, knowledgeDir);
        expect((await elsewhere.answer('Vilka tider har mottagningen i Lidingö för orosanmälningar?')).text).toMatch(/^Jag svarar bara utifrån rutinerna i Exempelby och/);
        // A region, not a municipality, and a question outside the routines get the general reply.
        for (const question of ['Hur gör Region Halland med orosanmälningar?', 'Hur återställer jag mitt lösenord till lönesystemet?']) {
          expect((await extractive.answer(question)).text, question).toMatch(/^Det hittar jag inget svar på i rutinerna/);
        }
      });

      it('reads a municipality whose name is an everyday word as the word when it opens a sentence, unless "kommun" follows', async () => {
        const answer = await extractive.answer('Vara anonym när jag gör en orosanmälan, går det?');
        expect(answer.citations[0]?.id).toBe('anmalan-inte-anonym');
        expect((await extractive.answer('Vara kommun, hur gör de med orosanmälningar?')).kind).toBe('no-answer');
        expect((await extractive.answer('Hur gör man en orosanmälan i Vara?')).kind).toBe('no-answer');
      });

      it('answers from the example the routines give of that municipality', async () => {
        const answer = await extractive.answer('Vad gör den samverkande socialsekreteraren i Vänersborg?');
        expect(answer.citations[0]?.id).toBe('vanersborg-samverkande-socialsekreterare');
        expect(answer.text).toContain('anmälningsmöten');
      });

      it.each([
        'Hur lång tid tar en förhandsbedömning i Göteborg?',
        'Vilket telefonnummer har socialjouren i Bjuv?',
        // The unit and the detail come first and the place last: still another municipality's number.
        'Socialjourens telefonnummer för Angered?',
        'Mottagningens fax i Bjuv?',
        'Hur gör man en orosanmälan i Falun?',
        // A municipality named by its name alone, which no entry describes, in lower case, in the genitive, in two words,
        // or one whose name is near a word the entries have ("Motala" – "möte", "Tranås" – "träffas").
        'vilket nummer har mottagningen i huddinge?',
        'Har Nackas förskolor samma rutin för orosanmälan?',
        'Vilket faxnummer har socialtjänsten i Upplands Väsby?',
        'Hur ofta har skolorna i Motala anmälningsmöten?',
        'Hur många lokala samverkansgrupper har tranås?',
        'Hur gör förskolorna i Kalmar med orosanmälan?',
      ])('does not give Botkyrka\'s routine, nor an example about something else, for "%s"', async (question) => {
        expect((await extractive.answer(question)).kind).toBe('no-answer');
      });
    });

    it('declines a long message about something else even when its last question alone would pass', async () => {
      const message = 'Hej! Vi planerar en klassresa till Göteborg i maj och undrar vilka regler som gäller för övernattning och hur många vuxna som behöver följa med. Vem kan svara på det?';
      expect((await extractive.answer(message)).kind).toBe('no-answer');
    });

    it('reads "yrken" as the kind of thing asked for, not a topic the routines lack', async () => {
      const answer = await extractive.answer('Vilka yrken finns i elevhälsan enligt skollagen?');
      expect(answer.citations[0]?.id).toBe('elevhalsoteam');
      expect(answer.text).toContain('skolläkare');
    });

    it('tells, beside Östermalm\'s proposal on feedback without consent, the Botkyrka rule that the reporter hears whether an investigation starts', async () => {
      const answer = await extractive.answer('Vad får socialtjänsten säga till anmälaren när familjen inte har samtyckt?');
      expect(answer.citations[0]?.id).toBe('aterkoppling-utan-samtycke');
      expect(answer.text).toContain('inleds eller inte');
    });

    it('answers whether support after an investigation is voluntary from the entry on a family that turns it down', async () => {
      const answer = await extractive.answer('Är insatser som erbjuds efter en utredning frivilliga för familjen?');
      expect(answer.citations[0]?.id).toBe('uppfoljning-efter-utredning');
      expect(answer.text).toContain('respektera');
    });

    it('says with the report meeting that guardians are not told of an acute report', async () => {
      const answer = await extractive.answer('Blir det ett anmälningsmöte med familjen när oron är akut?');
      expect(answer.citations[0]?.id).toBe('anmalningsmote');
      expect(answer.text).toContain('inte informeras');
    });

    it('declines what to do when someone threatens the writer, a gap asked by a phrase ("hotar oss")', async () => {
      const answer = await extractive.answer('Vad gör vi när en pappa hotar oss i telefon?');
      expect(answer.kind).toBe('no-answer');
      expect(answer.text).toContain('hotar personalen');
      // A threat told of a child is no threat against the writer: the phrase is the words side by side.
      expect((await extractive.answer('Barnet berättar för mig att pappan hotar henne, ska vi ringa 112?')).kind).toBe('answer');
    });

    it('does not let the everyday words of how the writer came to ask choose an entry', async () => {
      // "fick", "olika" and "svar" are words some entry happens to use; here they tell only that colleagues disagreed.
      const story = 'God morgon! Vi fick olika svar när vi frågade runt i personalgruppen.';
      expect((await extractive.answer(`${story} Får vi stänga av en elev som har hotat en lärare?`)).kind).toBe('no-answer');
      expect((await extractive.answer(`${story} Vilket faxnummer har mottagningssektion Södra?`)).citations[0]?.id).toBe('kontakter-mottagningssektionen');
    });

    it('answers a question told inside a story about the writer as it answers the question alone', async () => {
      const story = 'Hej! Jag har bara jobbat här i två veckor och kollegorna var osäkra när vi pratade om det på mötet i går. Jag vill inte göra fel.';
      for (const [question, id] of [
        ['Vilket faxnummer har mottagningssektion Norr?', 'kontakter-mottagningssektionen'],
        ['Vad är en skyddsbedömning', 'skyddsbedomning'],
      ] as const) {
        expect((await extractive.answer(question)).citations[0]?.id).toBe(id);
        expect((await extractive.answer(`${story} ${question}`)).citations[0]?.id).toBe(id);
        expect((await extractive.answer(`${story} ${question.replace('?', '')}. Tack på förhand!`)).citations[0]?.id).toBe(id);
      }
    });

    it('gives the number asked for though the story before it tells of a worried writer and a pupil', async () => {
      const message = 'Hej, det har varit en rörig vecka och en elev i klassen har det svårt, jag är orolig. Vilket faxnummer har mottagningssektion Norr?';
      expect((await extractive.answer(message)).citations[0]?.id).toBe('kontakter-mottagningssektionen');
    });

    it('declines a vague question after a story about something the routines lack', async () => {
      expect((await extractive.answer('God morgon. Vi har problem med ventilationen i klassrummet och det luktar illa. Vem ska vi kontakta?')).kind).toBe('no-answer');
    });

    it('declines to name whoever holds a post, which the routines never say', async () => {
      expect((await extractive.answer('Vad heter rektorn på Tunaskolan?')).kind).toBe('no-answer');
      expect((await extractive.answer('Vem är kontaktperson för vår skola just nu?')).kind).toBe('no-answer');
      expect((await extractive.answer('Vem är socialjourens chef, med namn?')).kind).toBe('no-answer');
      expect((await extractive.answer('vem ar kontaktperson for var skola just nu')).kind).toBe('no-answer');
      expect((await extractive.answer('Vem är enhetschef på resursenheten?')).kind).toBe('no-answer');
      expect((await extractive.answer('Who is the head of the intake section?')).kind).toBe('no-answer');
      expect((await extractive.answer('Vilka är ledamöter i ledningsgruppen i år?')).kind).toBe('no-answer');
      expect((await extractive.answer('Vilka är sektionschefer på resursenheten för tillfället?')).kind).toBe('no-answer');
      // "e" for "är", as staff write in a hurry.
      expect((await extractive.answer('vem e kontaktperson för vår skola just nu')).kind).toBe('no-answer');
      expect((await extractive.answer('Vem är ansvarig för att anmälan görs?')).kind).toBe('answer');
      // A post named as the one who must do something is a question about the routines, not about a person.
      expect((await extractive.answer('Vem är förskolechefen skyldig att informera om en anmälan?')).kind).toBe('answer');
      // So is who must report now: "i år" and "just nu" ask for no name there.
      expect((await extractive.answer('Vilka är skyldiga att anmäla i år?')).kind).toBe('answer');
      expect((await extractive.answer('vilka ar anmalningsskyldiga just nu nar nya lagen galler')).kind).toBe('answer');
    });

    it('gives 112 first when asked which number to call for a child in immediate danger', async () => {
      for (const question of ['Vilket nummer ska jag ringa när ett barn är i omedelbar fara?', 'Vilket nummer ringer man om ett barn är i akut fara just nu?']) {
        const answer = await extractive.answer(question);
        expect(answer.kind).toBe('answer');
        expect(answer.text.split('\n')[0]).toContain('112');
      }
    });

    it('declines a question about a place the routines never mention, though it is one letter from a word they use', async () => {
      expect((await extractive.answer('Får eleverna vara på skolgården under lunchen?')).kind).toBe('no-answer');
    });

    it('declines a question about a building the routines lack, though its name starts with a word they use', async () => {
      expect((await extractive.answer('Hur bokar vi en lokal i kommunhuset till anmälningsmötet?')).kind).toBe('no-answer');
    });

    it('declines an English question whose only topic word is one many English summaries use', async () => {
      expect((await extractive.answer('How do I get a key to the school building?')).kind).toBe('no-answer');
    });

    it('declines a kind of telephone number the routines do not list, and still gives the ones they do', async () => {
      expect((await extractive.answer('Vilket mobilnummer har socialjouren?')).kind).toBe('no-answer');
      expect((await extractive.answer('Vilket telefonnummer har socialjouren?')).kind).toBe('answer');
    });

    it('gives hours only for what the routines give hours for', async () => {
      expect((await extractive.answer('Vilka öppettider har fritidsgården i Tumba?')).kind).toBe('no-answer');
      expect((await extractive.answer('vilka oppettider har familjecentralen i alby')).kind).toBe('no-answer');
      const intake = await extractive.answer('Vilka öppettider har mottagningssektionen?');
      expect(intake.text).toMatch(/08\.30/);
      expect((await extractive.answer('Vilka öppettider har socialjouren?')).text).toMatch(/kvällar/);
    });

    it('reads "öppen" before a noun as naming an open place, whose hours the mottagning\'s are not', async () => {
      expect((await extractive.answer('Vilka telefontider har öppna förskolan?')).kind).toBe('no-answer');
      expect((await extractive.answer('Vilka tider är mottagningen öppen?')).text).toMatch(/08\.30/);
    });

    it('declines sending something by e-mail when the routines only say how something else is sent', async () => {
      expect((await extractive.answer('Går det att e-posta en orosanmälan med kryptering?')).kind).toBe('no-answer');
      expect((await extractive.answer('kan man maila in anmälan till soc')).kind).toBe('no-answer');
      const utlatande = await extractive.answer('Kan vi skicka BBIC-utlåtandet med e-post?');
      expect(utlatande.citations[0]?.id).toBe('bbic-utlatande-instruktioner');
      expect(utlatande.text).toMatch(/post/);
    });

    it('gives a paragraph only of an act the routines cite', async () => {
      expect((await extractive.answer('Vilket kapitel i socialtjänstlagen 2025:400 handlar om samverkan kring barn?')).kind).toBe('no-answer');
      const cited = await extractive.answer('Vilken paragraf i SoL (2001:453) gäller anmälningsskyldigheten?');
      expect(cited.text).toMatch(/14 kap\. 1 §/);
    });

    it('answers a question that names a background report from that report, by what else it asks', async () => {
      const stockholm = await extractive.answer('Enligt Stockholmsrapporten, vilka är skyldiga att anmäla oro?');
      expect(stockholm.citations[0]?.shortSource).toMatch(/^Stockholms stad 2020/);
      expect(stockholm.text).toMatch(/skyldig/);
      const ostermalm = await extractive.answer('Vad gör familjeenheten efter anmälningsmötet enligt Östermalmsrapporten?');
      expect(ostermalm.citations[0]?.shortSource).toMatch(/^Östermalm 2007/);
      expect(ostermalm.text).toMatch(/enhetschefen/);
    });

    it('tells what a duty means when the asker names their own role after it', async () => {
      const answer = await extractive.answer('Vad innebär anmälningsskyldigheten för oss som jobbar på fritids?');
      expect(answer.citations[0]?.id).toBe('anmalningsskyldighet');
      expect(answer.text).toMatch(/genast/);
    });

    it('tells what the school learns after an investigation apart from what it learns while one runs', async () => {
      const after = await extractive.answer('Vad får förskolan veta efter utredningen om föräldrarna säger nej?');
      expect(after.citations[0]?.id).toBe('aterkoppling-efter-utredning');
      expect(after.text).toMatch(/avslutad/);
      const afterEnglish = await extractive.answer('If the parents say no, can we find out anything after the investigation?');
      expect(afterEnglish.citations[0]?.id).toBe('aterkoppling-efter-utredning');
      const during = await extractive.answer('Kan soc berätta något för förskolan under utredningen om vårdnadshavarna inte samtycker?');
      expect(during.citations[0]?.id).toBe('samtycke-till-samverkan');
      const afterReport = await extractive.answer('Vad händer efter att ni har anmält oro?');
      expect(afterReport.citations[0]?.id).toBe('vad-hander-efter-anmalan');
    });

    it('reads the pupil a concern is about as the case, not the topic, so a how-to question gets how to report', async () => {
      const english = await extractive.answer('What are the steps to file a report about a pupil?');
      expect(english.citations[0]?.id).toBe('orosanmalan');
      expect(english.text).toMatch(/skriftligen/);
      const swedish = await extractive.answer('Hur går en orosanmälan för en elev till?');
      expect(swedish.citations[0]?.id).toBe('orosanmalan');
    });

    it('answers which law from an entry that cites it, with the chapter and paragraph', async () => {
      const answer = await extractive.answer('Which law says we must report?');
      expect(answer.text).toMatch(/14 kap\. 1 § SoL/);
      const collaboration = await extractive.answer('Vilka lagar styr skyldigheten att samverka?');
      expect(collaboration.text).toMatch(/5 kap\. 1 a §/);
    });

    it('answers what to do with what to do, not with what a term means', async () => {
      for (const q of ['What should we do when we suspect that a child is being harmed?', 'Vad behöver man göra vid misstanke om att barn far illa?']) {
        const answer = await extractive.answer(q);
        expect(answer.citations[0]?.id).toBe('anmalningsskyldighet');
        expect(answer.text).toMatch(/genast/);
      }
      expect((await extractive.answer('Vad menas med att ett barn far illa?')).citations[0]?.id).toBe('barn-som-far-illa');
    });

    it('declines "how long" when no entry found says how long, and still gives the times the routines state', async () => {
      expect((await extractive.answer('Hur länge brukar ett anmälningsmöte pågå?')).kind).toBe('no-answer');
      expect((await extractive.answer('How long does the investigation take?')).text).toMatch(/fyra månader/);
      expect((await extractive.answer('hur länge svarar mottagningen på måndagar')).text).toMatch(/18\.00/);
    });

    it('answers how long something runs from the end the entry states ("till juni 2022"), not how long something else takes', async () => {
      expect((await extractive.answer('Hur länge varar projektet Samverkan för ökad skolnärvaro?')).text).toMatch(/juni 2022/);
      expect((await extractive.answer('Hur länge ska skolan spara frånvarolistorna från projektet Samverkan för ökad skolnärvaro?')).kind).toBe('no-answer');
    });

    it('answers "vilken månad" and "när" from a close entry that names the month', async () => {
      expect((await extractive.answer('När hålls Kraftsamlingsdagen?')).text).toMatch(/oktober/i);
      const answer = await extractive.answer('Vilken månad följer ledningsgruppen upp handlingsplanen?');
      expect(answer.citations[0]?.id).toBe('arlig-handlingsplan');
      expect(answer.text).toMatch(/maj/i);
    });

    it('reads a time of day written as a compound with "-tid" as that time, so the number for evenings and weekends is found', async () => {
      for (const question of ['Vem kan vi nå kvällstid när vi är oroliga för en elev?', 'Vilket nummer ringer man nattetid vid akut oro?']) {
        const answer = await extractive.answer(question);
        expect(answer.kind, question).toBe('answer');
        expect(answer.text, question).toContain('08-778 48 60');
      }
    });

    it('answers "vad gör X för …?" from the entry whose own question asks it, not from one telling what else X does', async () => {
      const answer = await extractive.answer('Vad gör socialförvaltningen för förebyggande arbete?');
      expect(answer.citations[0]?.id).toBe('forebyggande-arbete-socialforvaltningen');
      expect(answer.text).toContain('föräldrastödsprogram');
    });

    it('reads socialförvaltningen as the administration, so its own preventive work is found by its name', async () => {
      const answer = await extractive.answer('Vilket förebyggande stöd har socialförvaltningen?');
      expect(answer.citations[0]?.id).toBe('forebyggande-arbete-socialforvaltningen');
    });

    describe('when a yes/no question shares little more than its subject with the best entry', () => {
      it('declines: the entry does not say whether what is asked holds', async () => {
        // The socialjour entry tells when to call it, not whether it fetches children from a youth centre.
        expect((await extractive.answer('Kan socialjouren hämta barnet på fritidsgården?')).kind).toBe('no-answer');
      });

      it('still answers a yes/no question the entry covers', async () => {
        const answer = await extractive.answer('Ska vårdnadshavarna bjudas in till anmälningsmötet?');
        expect(answer.citations[0]?.id).toBe('anmalningsmote-planering');
      });

      it('names in the planning steps which meeting the time is agreed for, as the routine does', async () => {
        const answer = await extractive.answer('Hur planerar skolan ett anmälningsmöte?');
        expect(answer.citations[0]?.id).toBe('anmalningsmote-planering');
        expect(answer.text).toContain('om tid för anmälningsmötet');
      });
    });

    describe('when a question compares two things that two documents each define', () => {
      it('shows the other document\'s entry beside the best', async () => {
        const answer = await extractive.answer('Vilken skillnad finns mellan främjande arbete och förebyggande arbete?');
        const documents = new Set(answer.citations.map((c) => knowledge.byId(c.id)?.source.document.key));
        expect(documents.size).toBeGreaterThanOrEqual(2);
      });

      it('does not add another document\'s entry to a question that does not compare', async () => {
        const answer = await extractive.answer('Vad är främjande insatser?');
        expect(answer.citations).toHaveLength(1);
      });
    });

    describe('when a question asks how far in advance something is done', () => {
      it('declines when no entry states a lead time, even if one gives a deadline for the same thing', async () => {
        expect((await extractive.answer('Hur långt i förväg ska skolan boka in ett trepartssamtal?')).kind).toBe('no-answer');
        expect((await extractive.answer('Hur tidigt ska utlåtandet vara klart före mötet?')).kind).toBe('no-answer');
        // A length of time asked without "i förväg" is still answered from the deadline.
        expect((await extractive.answer('Hur lång tid har socialtjänsten på sig att besluta om utredning?')).text).toMatch(/14 dagar/);
      });

      it('reads "… långt i förväg?" without "hur" as a lead time too', async () => {
        expect((await extractive.answer('Ska förskolan planera ansökningsmötet med socialsekreteraren långt i förväg?')).kind).toBe('no-answer');
      });

      it('reads "hur många dagar innan …" as a lead time too', async () => {
        expect((await extractive.answer('Hur många dagar före ett anmälningsmöte bör rektorn påminna familjen?')).kind).toBe('no-answer');
        expect((await extractive.answer('How many days before the meeting must the guardians be invited?')).kind).toBe('no-answer');
        expect((await extractive.answer('Förhandsbedömningen – hur många dagar får den ta?')).text).toMatch(/14 dagar/);
      });
    });

    describe('when a yes/no question names someone or something the best entry lacks, and shares only everyday words with it', () => {
      it('declines: an entry about what the guardians may see does not say what the mentor may', async () => {
        expect((await extractive.answer('Får mentorn se vad skolan skrivit?')).kind).toBe('no-answer');
      });

      it('still answers when the entry shares the word that names the topic', async () => {
        expect((await extractive.answer('Får föräldrarna se vad skolan skrivit i utlåtandet?')).citations[0]?.id).toBe('gemensamt-mote-om-bbic');
      });

      it('counts a number word the question checks as a topic word, not an everyday one', async () => {
        expect((await extractive.answer('Får utredningen hålla på längre än fyra månader?')).citations[0]?.id).toBe('utredning');
      });

      it('reads a verb with its particle ("dra tillbaka"), which the entry writes as "ta tillbaka"', async () => {
        const answer = await extractive.answer('Kan en förälder dra tillbaka sitt samtycke efteråt?');
        expect(answer.citations[0]?.id).toBe('samtycke-definition');
        expect(answer.text).toMatch(/^\*\*Ja\.\*\*/);
      });
    });

    describe('when a may/must question asks about an everyday action no entry writes', () => {
      it('declines: no entry says whether someone may do it', async () => {
        for (const question of ['Får socialsekreteraren titta på barnet direkt på förskolan utan att vårdnadshavarna vet?', 'Kan rektorn läsa orosanmälan innan den skickas?']) {
          expect((await extractive.answer(question)).kind, question).toBe('no-answer');
        }
      });

      it('still answers when an entry asks the same in other words', async () => {
        expect((await extractive.answer('Kan vårdnadshavarna läsa vad förskolan har dokumenterat i BBIC-utlåtandet?')).citations[0]?.id).toBe('gemensamt-mote-om-bbic');
      });
    });

    describe('when a question asks which of two ways, and the best entry names one of them', () => {
      it('answers from that entry, though the routines lack the other way', async () => {
        expect((await extractive.answer('Ska utlåtandet skickas med post eller med bud?')).citations[0]?.id).toBe('bbic-utlatande-instruktioner');
      });

      it('still declines when neither way is one the entry names', async () => {
        expect((await extractive.answer('Får vi bjuda på fika eller lunch på anmälningsmötet?')).kind).toBe('no-answer');
      });
    });

    describe('when a question asks when the next occasion of something is', () => {
      it('declines, as no entry states a calendar date, even when one tells how often it happens', async () => {
        for (const question of ['När hålls nästa möte i samverkansgruppen för vårt område?', 'När blir nästa arbetsplatsträff?', 'When is the next LSG meeting?']) {
          expect((await extractive.answer(question)).kind, question).toBe('no-answer');
        }
      });

      it('still answers how often it happens', async () => {
        expect((await extractive.answer('Hur ofta träffas de lokala samverkansgrupperna?')).citations[0]?.id).toBe('lokala-samverkansgrupper');
      });

      it('declines a question for a date ("vilka datum", "what dates") as well, and still gives a date an entry states', async () => {
        expect((await extractive.answer('What dates does the school year start?')).kind).toBe('no-answer');
        expect((await extractive.answer('Vilket datum har Kraftsamlings styrdokument?')).text).toContain('2016-03-17');
      });
    });

    describe('when a question asks for the exact wording of a document', () => {
      it('declines, as the entries tell documents in their own words and quote none of them', async () => {
        for (const question of ['Vilka exakta punkter tar checklistan för orosanmälan upp?', 'Vad står det exakt i checklistan för orosanmälan?', 'Give me the exact wording of the consent form']) {
          expect((await extractive.answer(question)).kind, question).toBe('no-answer');
        }
        // Asking what it holds, in the entries' own words, is still answered.
        expect((await extractive.answer('Finns det en checklista för orosanmälan?')).citations[0]?.id).toBe('checklista-anmalan');
      });
    });

    describe('when a question counts the days of a step from a point in time', () => {
      it('declines when the days an entry gives are for another step, though the starting point is in both', async () => {
        for (const question of ['Hur många dagar efter mötet ska skolan skicka sitt utlåtande?', 'Inom hur många dagar efter beslutet ska skolan få besked?']) {
          expect((await extractive.answer(question)).kind, question).toBe('no-answer');
        }
      });

      it('still answers when the entry times the step the question names, in the title or with the step named back', async () => {
        expect((await extractive.answer('Inom hur många dagar efter anmälan ska beslutet om utredning fattas?')).text).toMatch(/14 dagar/);
        expect((await extractive.answer('Hur många månader har socialtjänsten på sig för en barnavårdsutredning?')).text).toMatch(/fyra månader/);
      });

      it('declines a count in a unit of time no entry counts in, though an entry is about the step', async () => {
        expect((await extractive.answer('Hur många timmar har man på sig för en förhandsbedömning?')).kind).toBe('no-answer');
      });

      it('reads a count of per cent the same way: the share must be of what the question names', async () => {
        expect((await extractive.answer('Hur många procent frånvaro krävs för att polisen ska kopplas in?')).kind).toBe('no-answer');
        expect((await extractive.answer('Hur många procent ogiltig frånvaro räknar stadens riktlinje som allvarlig?')).text).toMatch(/20 procent/);
      });
    });

    describe('when a question asks how long something takes that no entry times', () => {
      it('declines when the entries share only the words asking how long', async () => {
        expect((await extractive.answer('Hur lång tid tar det att få en tid hos skolläkaren?')).kind).toBe('no-answer');
      });

      it('still answers when an answering entry names what is timed', async () => {
        const answer = await extractive.answer('Hur lång tid tar en skyddsbedömning?');
        expect(answer.citations.map((c) => c.id)).toContain('skyddsbedomning');
      });
    });

    describe('when a question cites the document to look in', () => {
      it('answers from an entry of that document that has more of the asked words than a better-scoring one', async () => {
        const followUp = await extractive.answer('Hur ska insatser följas upp enligt samverkansöverenskommelsen?');
        expect(followUp.citations[0]?.id).toBe('overenskommelse-typer-av-samverkan');
        const meeting = await extractive.answer('Vad är ett anmälningsmöte enligt Kraftsamlings styrdokument?');
        expect(knowledge.byId(meeting.citations[0]!.id)?.source.document.key).toBe('kraftsamling-2016');
      });

      it('does not answer a vague "vad säger styrdokumentet om …?" from the document alone', async () => {
        expect((await extractive.answer('Vad säger styrdokumentet om elever?')).kind).toBe('no-answer');
      });

      it('keeps the best entry of the document cited when another of it only ties on the asked words', async () => {
        const answer = await extractive.answer('Hur går ett anmälningsmöte till enligt Stockholmsrapporten?');
        expect(answer.citations[0]?.id).toBe('anmalningsmote-stockholmsrapporten');
      });
    });

    describe('when a question names how many of a thing it asks for', () => {
      it('answers from the close entry that states that count of that thing ("två sätt")', async () => {
        const answer = await extractive.answer('Socialsekreteraren vill veta hur eleven har det i skolan. Vilka två sätt används för att få det från oss?');
        expect(answer.citations[0]?.id).toBe('referenssamtal');
        expect(answer.text).toMatch(/^Vill socialtjänsten ha information om barnet från förskolan\/skolan finns det två sätt/);
      });
    });

    describe('when a yes/no question names who does what it asks', () => {
      it('does not answer from an entry that never names that subject while a close one does', async () => {
        const answer = await extractive.answer('Kan socialjouren hämta en elev på fritidsgården?');
        expect(answer.citations[0]?.id).not.toBe('faltforlagt-socialt-arbete');
      });

      it('still lets an entry about either of two subjects answer ("kuratorn och soc")', async () => {
        const answer = await extractive.answer('Får skolsköterskan och socialsekreteraren utbyta uppgifter om ett barn utan samtycke?');
        expect(answer.citations.map((c) => c.id)).toContain('sekretess-skola-socialtjanst');
      });
    });

    describe('when a question asks about the older routine\'s field work', () => {
      it('answers from the entry on fältförlagt socialt arbete, which says it is outreach where the young are', async () => {
        const answer = await extractive.answer('Vad gör socialtjänstens uppsökande fältarbetare?');
        expect(answer.citations[0]?.id).toBe('faltforlagt-socialt-arbete');
        expect(answer.text).toContain('fritidsgårdar');
      });
    });

    describe('when an entry states a fact in its seed section\'s own terms', () => {
      it('says that kontaktpersoner do not exist for each förskola, and that a protective factor has the reverse effect', async () => {
        expect((await extractive.answer('Finns det en kontaktperson från soc för varje förskola?')).text).toContain('kontaktpersoner finns inte för varje enskild förskola');
        expect((await extractive.answer('Hur verkar skyddsfaktorer mot riskfaktorer?')).text).toMatch(/^Skyddsfaktorer .* omvänd effekt/);
      });

      it('says that follow-up after a placement may be done whether or not there is consent', async () => {
        const answer = await extractive.answer('Kan socialtjänsten följa upp en ung person efter att placeringen avslutats utan att familjen samtycker?');
        expect(answer.text).toContain('oberoende av om samtycke från vårdnadshavaren eller barnet/den unge finns');
      });

      it('says what the consent to collaborate covers in the seed\'s words: what the investigation leads up to', async () => {
        const answer = await extractive.answer('Vilken information om utredningen får förskolan med vårdnadshavarnas samtycke till samverkan?');
        expect(answer.text).toContain('vad utredningen leder fram till');
      });

      it('says who summons the guardians to the report meeting in the seed\'s words', async () => {
        expect((await extractive.answer('Vem skickar kallelsen till anmälningsmötet?')).text).toContain('kallar vårdnadshavare till mötet');
      });
    });

    describe('when a short topic and a dash come before the yes/no question', () => {
      it('compares the claims with the question after the dash, so the topic\'s verb does not give another claim\'s yes', async () => {
        const answer = await extractive.answer('förskolechefen ska skicka utlåtandet – får han mejla det?');
        expect(answer.text).not.toMatch(/^\*\*Ja\.\*\*/);
        expect(answer.text).toContain('per post');
      });
    });

    describe('when a question asks what a law says about a thing', () => {
      it('declines when the best entry is about the law but never names the thing', async () => {
        expect((await extractive.answer('Vad säger 2025 års socialtjänstlag om samverkansgrupperna?')).kind).toBe('no-answer');
      });

      it('still answers when the entry names the thing', async () => {
        expect((await extractive.answer('Vad säger lagen från 2025 om skyddsbedömningen?')).kind).toBe('answer');
      });
    });

    describe('when a later part asks for the number of whoever the first part named, by a pronoun', () => {
      it('declines when no entry gives that unit a number, rather than giving the mottagningssektion\'s', async () => {
        expect((await extractive.answer('Vad gör Team skolnärvaro, och vilket nummer har de?')).kind).toBe('no-answer');
      });

      it('answers with the entry about the unit named, which gives its numbers', async () => {
        const answer = await extractive.answer('Resursenhetens sektioner, vad erbjuder de och vilket telefonnummer har de?');
        expect(answer.citations.map((c) => c.id)).toEqual(['resursenhetens-sektioner']);
      });
    });

    describe('when a second, yes/no question follows a comma and "och"', () => {
      it('answers each question from its own entry', async () => {
        const answer = await extractive.answer('Vem tar emot orosanmälningar, och sitter polisen med på anmälningsmötet?');
        expect(answer.citations.map((c) => c.id)).toEqual(['mottagningssektionens-uppdrag', 'anmalningsmote-planering']);
      });
    });

    describe('when a second question follows a comma without "och"', () => {
      it('answers each question from its own entry', async () => {
        const answer = await extractive.answer('Vad händer efter anmälan, vem gör skyddsbedömningen?');
        expect(answer.citations.map((c) => c.id)).toEqual(['vad-hander-efter-anmalan', 'skyddsbedomning']);
        expect((await extractive.answer('Vem leder anmälningsmötet, vilka bjuds in?')).citations[0]?.id).toBe('vem-leder-anmalningsmotet');
      });
    });

    describe('when each part of a two-part question has an entry of its own, and the whole question\'s best is neither', () => {
      it('leads with the first part\'s entry', async () => {
        // "när", not "hur ofta": how often the leadership group meets is a gap of the routines (entry-gaps.test.ts).
        const groups = await extractive.answer('Vad gör de lokala samverkansgrupperna, och när träffas ledningsgruppen?');
        expect(groups.citations[0]?.id).toBe('lokala-samverkansgrupper');
        expect(groups.citations.map((c) => c.id)).toContain('ledningsgrupp-kraftsamling');
        expect((await extractive.answer('Vad gör Team skolnärvaro, och hur kontaktar vi dem?')).citations[0]?.id).toBe('team-skolnarvaro');
      });
    });

    describe('when a question, or its first part, asks what happens at an event the routines have an entry on', () => {
      it('answers from the event\'s entry, not from the one whose title asks what happens after a report', async () => {
        expect((await extractive.answer('Vad sker vid ett anmälningsmöte?')).citations[0]?.id).toBe('anmalningsmote');
        const parts = await extractive.answer('vad hander vid ett anmalningsmote, och vem kallar familjen?');
        expect(parts.citations[0]?.id).toBe('anmalningsmote');
      });
    });

    describe('when a later part of a two-part question asks how long something takes', () => {
      it('answers it from a close entry that states a length of time, as a question asking only that is answered', async () => {
        for (const question of ['Vem frågar om samtycke, och hur länge pågår utredningen?', 'Vad gör socialtjänsten med anmälan, och hur länge pågår utredningen sedan?']) {
          const answer = await extractive.answer(question);
          expect(answer.citations.map((c) => c.id), question).toContain('utredning');
          expect(answer.text, question).toContain('fyra månader');
        }
      });
    });

    describe('when a part\'s words alone tie the whole question\'s best entry with another', () => {
      it('answers the part from the best entry, so it leads and the other part\'s fact is not left to a side entry', async () => {
        const answer = await extractive.answer('Vad gäller om samtycke, och kan det återkallas?');
        expect(answer.citations.map((c) => c.id)).toEqual(['samtycke-definition']);
        expect(answer.text).toContain('frivillig');
        expect(answer.text).toContain('när som helst återkalla');
      });
    });

    describe('when a later part names its thing only by "där" or a pronoun', () => {
      it('reads it as the thing the part before named, not as another entry that shares the part\'s verb', async () => {
        const ids = async (question: string) => (await extractive.answer(question)).citations.map((c) => c.id);
        expect(await ids('Vad gör ledningsgruppen för Kraftsamling, och vilka sitter där?')).toEqual(['ledningsgrupp-kraftsamling']);
        expect(await ids('Vad är Team skolnärvaro, och hur når vi dem?')).toEqual(['team-skolnarvaro']);
      });
    });

    describe('when a second question sentence leans on the first ("… vad gör soc då?")', () => {
      it('answers it from an entry about what the first named, besides the entry that answers the first', async () => {
        const answer = await extractive.answer('Ska vi låta bli att informera föräldrarna vid akut oro? Vad gör soc då?');
        expect(answer.citations.map((c) => c.id)).toEqual(['informera-vardnadshavare', 'akut-oro']);
        expect(answer.text).toContain('skyddsbedömning');
        const joined = await extractive.answer('Informerar vi inte vårdnadshavarna vid akut oro, och vad gör socialtjänsten då?');
        expect(joined.citations.map((c) => c.id)).toEqual(['informera-vardnadshavare', 'akut-oro']);
      });
    });

    describe('when a message speaks of conflicts in the family', () => {
      it('reads them as the relationship problems the routines count among the ways a child fares badly', async () => {
        for (const question of [
          'Kan svåra konflikter i familjen vara ett skäl till oro för att barnet far illa?',
          'Hemma bråkar föräldrarna hela tiden och det är stora konflikter mellan dem. Eleven är ledsen och trött i skolan. Kan konflikter i hemmet innebära att ett barn far illa?',
        ]) {
          const answer = await extractive.answer(question);
          expect(answer.citations[0]?.id, question).toBe('barn-som-far-illa');
        }
      });
    });

    describe('when a message asks what the older routine says about a child moving home from a placement', () => {
      it('answers from the older routine\'s own section, and a question naming no routine from the current one', async () => {
        const older = await extractive.answer('En elev har bott på institution och flyttar nu hem. Enligt den äldre rutinen, vad gör skolan och socialtjänsten inför hemflytten?');
        expect(older.citations[0]?.id).toBe('flytt-hem-aldre-rutin');
        expect(older.text).toContain('hemskolan');
        const current = await extractive.answer('Vad händer när en placering på institution upphör och eleven flyttar hem igen?');
        expect(current.citations.map((c) => c.id)).toContain('flytt-hem-efter-placering');
        expect(current.citations.map((c) => c.id)).not.toContain('flytt-hem-aldre-rutin');
      });
    });

    describe('when a question calls parenting support programmes "föräldrakurser"', () => {
      it('finds the entry on the programmes, which no entry calls courses', async () => {
        const answer = await extractive.answer('Vilka föräldrakurser finns för föräldrar till förskolebarn?');
        expect(answer.citations[0]?.id).toBe('foraldrastod-information');
        expect(answer.text).toContain('föräldrastödsprogram');
      });
    });

    describe('when the number is asked for with "nå" (reach)', () => {
      it('reads "når" as asking for the number, not as the thing the number is for', async () => {
        const answer = await extractive.answer('Vi vill nå sektionen för nätverk och familjevåld – vilket nummer?');
        expect(answer.kind).toBe('answer');
        expect(answer.text).toContain('530 623 61');
      });

      it('gives the section\'s own number when a section of the resursenhet is reached', async () => {
        const answer = await extractive.answer('Till öppenvården, på vilket nummer nås de?');
        expect(answer.text).toContain('530 622 26');
      });
    });

    describe('when a short topic and a dash come before "hur många"', () => {
      it('reads the count asked for, so the entry that states it comes first', async () => {
        const answer = await extractive.answer('Lokal samverkan – hur många ordförande leder mötena?');
        expect(answer.citations[0]?.id).toBe('lokala-samverkansgrupper');
        expect(answer.text).toContain('två ordföranden');
      });
    });

    describe('when a question uses everyday words the entries lack', () => {
      it('skips "annanstans" and the forms of "sort", which name no topic', async () => {
        expect((await extractive.answer('Får mötet med vårdnadshavarna hållas annanstans än i skolan?')).citations[0]?.id).toMatch(/^(?:anmalningsmote-planering|vem-leder-anmalningsmotet)$/);
        expect((await extractive.answer('Vilka sorters insatser kan resursenheten ge?')).kind).toBe('answer');
      });

      it('skips "sådant" and "sånt", which point back at what was named and name no topic themselves', () => {
        for (const text of ['Vad är syftet med ett sådant möte?', 'vem leder sånt']) {
          expect(extractive.search.analyze(text).terms.filter((t) => /^(?:sådan|sån)/u.test(t.term)), text).toEqual([]);
        }
      });

      it('skips "klockslag", "förklara", "dyka upp" and "vilja", which name no topic', async () => {
        expect((await extractive.answer('Vid vilka klockslag går det att nå mottagningen på tisdagar?')).citations[0]?.id).toBe('telefontider-mottagningen');
        expect((await extractive.answer('Kan någon förklara vad en skyddsfaktor är?')).citations[0]?.id).toBe('risk-och-skyddsfaktorer');
        const dyker = extractive.search.analyze('om något nytt dyker upp');
        expect(dyker.terms.filter((t) => !t.known)).toEqual([]);
        expect(extractive.search.analyze('vi skulle vilja veta mer').terms.filter((t) => !t.known)).toEqual([]);
      });

      it('lets the conjunction "fast" (though) weigh little, so it does not crowd out what is asked', async () => {
        const answer = await extractive.answer('Behöver vi anmäla fast vi bara misstänker?');
        expect(answer.citations[0]?.id).toBe('anmalningsskyldighet');
      });

      it('reads a plural noun before a particle as a noun, not as a verb the routines lack ("följs insatserna upp")', () => {
        const query = extractive.search.analyze('Hur följs serviceinsatser upp på skolan?');
        expect(query.terms.filter((t) => !t.known)).toEqual([]);
      });

      it('reads "tillräcklig" as "räcker": both ask whether something is enough', async () => {
        for (const question of ['Räcker det att vi ringer in en orosanmälan?', 'Är det tillräckligt med en muntlig anmälan?']) {
          const answer = await extractive.answer(question);
          expect(answer.citations[0]?.id, question).toBe('muntlig-anmalan');
          expect(answer.text, question).toMatch(/^\*\*Nej\.\*\*/);
        }
      });

      it('declines "Vad gäller för X?" when no entry speaks of X, and answers it when one does', async () => {
        expect((await extractive.answer('Vilka regler gäller för lägerskola med övernattning för eleverna?')).kind).toBe('no-answer');
        // Without X read as the thing asked, an entry sharing only "elever" and "förskoleklass" answered this.
        expect((await extractive.answer('Vad gäller för lunchen för elever i förskoleklass?')).kind).toBe('no-answer');
        expect((await extractive.answer('Vad gäller vid akut oro?')).citations[0]?.id).toBe('akut-oro');
      });

      it('lets "förhålla sig till" (relate to) weigh little, so what is related is what is asked', async () => {
        const answer = await extractive.answer('Hur förhåller sig anmälningsplikten till skolans sekretess?');
        expect(answer.kind).toBe('answer');
        expect(answer.citations[0]?.id).toBe('sekretess-skola-socialtjanst');
      });

      it('reads "vilket verktyg" as asking for a means, not about tools the routines never name', async () => {
        const answer = await extractive.answer('Vilket verktyg använder man för en samordnad individuell plan?');
        expect(answer.kind).toBe('answer');
        expect(answer.citations[0]?.id).toBe('sip');
      });

      it('reads "nått" as the colloquial "något" and lets "nyss" weigh little', () => {
        const query = extractive.search.analyze('har nyss skickat blanketten, är det nått mer jag måste göra?');
        expect(query.terms.map((t) => t.term)).not.toContain('nått');
        const nyss = query.terms.find((t) => t.term === 'nyss');
        expect(nyss?.weight).toBeLessThan(extractive.search.weightOf('nyss') / 2);
      });
    });

    describe('when a message shortens a word the shipped lists do not', () => {
      it('splits a message into sentences with the shortenings it was given', async () => {
        // "orosanm." is no shortening of the shipped lists: its full stop ends a sentence, and what follows asks nothing yes or no.
        const message = 'Kan personal på fritids göra en orosanm. anonymt till socialtjänsten?';
        expect((await extractive.answer(message)).text).not.toMatch(/^\*\*Nej\.\*\*/);
        const words = builtInQuestionWords();
        const wider = await createAnswerer({ ...knowledge, sourceKey: undefined }, knowledgeDir, {
          questionWords: { ...words, shortenedInSentence: [...words.shortenedInSentence, 'orosanm'] },
        });
        expect((await wider.answer(message)).text).toMatch(/^\*\*Nej\.\*\* En person som i sin tjänst har anmälningsskyldighet/);
      });
    });

    describe('when a question abbreviates a chair, an act or a month', () => {
      it('reads "ordf", "HSL" and "dec" as the words they stand for', () => {
        const termOf = (word: string) => extractive.search.analyze(word).terms.find((t) => t.known)?.term;
        expect(termOf('ordf')).toBe(termOf('ordförande'));
        expect(termOf('HSL')).toBe(termOf('sjukvårdslagen'));
        expect(termOf('dec')).toBe(termOf('december'));
        expect(termOf('Sthlm')).toBe(termOf('Stockholm'));
        expect(termOf('Ö-malms')).toBe(termOf('Östermalm'));
        expect(termOf('ordf')).toBeDefined();
      });
    });

    describe('when an English question uses another form of a word the lexicon lists inflected', () => {
      it('reads "receives" as "received" is read, so the entry about who receives reports answers', async () => {
        const answer = await extractive.answer('Who receives the reports at social services?');
        expect(answer.kind).toBe('answer');
        expect(answer.text).toMatch(/intake section|mottagningssektion/);
      });
    });

    describe('when an English question refers a child somewhere', () => {
      it('reads a referral to social services as a report, and one to a clinic as a remiss the routines lack', async () => {
        expect((await extractive.answer('Should we refer this boy to social services?')).kind).toBe('answer');
        expect((await extractive.answer('When should the school refer a girl to psychiatry?')).kind).toBe('no-answer');
      });
    });

    describe('when an English question asks about family therapy', () => {
      it('reads it as the therapy the routines do not describe, not as the family therapist they name', async () => {
        expect((await extractive.answer('How many sessions of family therapy does a child usually get after the decision?')).kind).toBe('no-answer');
      });
    });

    describe('when an English question names a routine the way British or American staff do', () => {
      it('reads enquiry, handover meeting, care order, liaison officer and persistent unexcused absence as the routines\' words', async () => {
        const cases: readonly (readonly [string, string])[] = [
          ['How long may a child protection enquiry go on?', 'utredning'],
          ['Who takes part in a handover meeting?', 'anmalningsmote'],
          ['What does a care order mean?', 'lvu'],
          ['Who is the liaison officer that social services assign to our school?', 'kontaktpersoner-fran-socialtjansten'],
          ['What do we do when a pupil has persistent unexcused absence?', 'upprepad-franvaro'],
        ];
        for (const [question, id] of cases) {
          expect(extractive.search.analyze(question).terms.filter((t) => !t.known), question).toEqual([]);
          expect((await extractive.answer(question)).citations[0]?.id, question).toBe(id);
        }
      });

      it('does not send a pupil who seems suicidal to a routine about something else; the bot says whom to call', async () => {
        const answer = await extractive.answer('A girl in my class talks as if she were suicidal, what do I do?');
        expect(answer.kind).toBe('no-answer');
        expect(answer.text).toContain('112');
      });

      it('still declines a staff matter that only shares a word with them', async () => {
        for (const question of ['Who does the hearing screening for year one?', 'Where is the key to the front door?', 'Is the staff party mandatory?']) {
          expect((await extractive.answer(question)).kind, question).toBe('no-answer');
        }
      });
    });

    describe('when an English question opens with the writer\'s role', () => {
      it('leaves the role out of what is asked, so the entry on how to report answers, not the one on who reports', async () => {
        for (const question of ['I am a teacher. How do I make a report?', 'As a teacher, how do I file a report about a child?']) {
          expect((await extractive.answer(question)).citations[0]?.id, question).toBe('orosanmalan');
        }
      });
    });

    describe('when an English question asks whether the writer\'s role must report', () => {
      it('answers from the entry on who must report, with the yes its claim about that role gives', async () => {
        for (const question of ['As a school nurse, am I obliged to report?', 'As a special needs teacher, is it my duty to report?']) {
          const answer = await extractive.answer(question);
          expect(answer.citations[0]?.id, question).toBe('vem-ar-anmalningsskyldig');
          expect(answer.text, question).toMatch(/^\*\*Yes\.\*\*/);
        }
      });
    });

    describe('when an English question asks who invites someone to a meeting', () => {
      it('reads "invite" as the routines\' "kalla" too, so the entry that says who summons the guardians answers', async () => {
        const answer = await extractive.answer('When we report, who invites the parents to the meeting with social services?');
        expect(answer.citations[0]?.id).toBe('anmalningsmote-planering');
        expect(answer.text).toContain('kallar vårdnadshavare');
      });
    });

    describe('when an English question says "by phone"', () => {
      it('reads it as the telephone only, so a question about when the line answers is not read as about an oral report', async () => {
        expect(extractive.search.analyze('Can I get through by phone?').terms.map((t) => t.term)).not.toContain(extractive.search.analyze('muntlig').terms[0]?.term);
        const answer = await extractive.answer('How late on a Monday can we reach the intake section by phone?');
        expect(answer.citations[0]?.id).toBe('telefontider-mottagningen');
        expect(answer.text).toContain('18.00');
      });
    });

    describe('when an English question names the administrations\' agreement or asks for a share', () => {
      it('reads a collaboration agreement as the överenskommelse, not a consent, and a percentage as procent', async () => {
        const agreement = await extractive.answer('Which goals does the cooperation agreement set?');
        expect(agreement.citations[0]?.id).toBe('overenskommelse-mal-och-malgrupp');
        expect(extractive.search.analyze('Above which percentage does absence count as serious?').terms.filter((t) => !t.known)).toEqual([]);
        const share = await extractive.answer('Above which percentage does absence count as serious?');
        expect(share.text).toContain('20 procent');
      });

      it('knows trust, a proportion, the reporter and playing a role as the routines\' words', () => {
        for (const question of ['How does trust grow?', 'Which proportion?', 'Is the reporter told?', 'Does the school play a role?', 'Does the school play a part?']) {
          expect(extractive.search.analyze(question).terms.filter((t) => !t.known), question).toEqual([]);
        }
      });
    });

    describe('when an English question asks whether consent can be taken back', () => {
      it('reads "revoke" and "take back" as återkalla, so the definition of consent answers with its yes', async () => {
        for (const question of ['Is it possible to revoke a consent that was given?', 'Are guardians allowed to take back a consent they gave?']) {
          const answer = await extractive.answer(question);
          expect(answer.citations[0]?.id).toBe('samtycke-definition');
          expect(answer.text).toMatch(/^\*\*Yes\.\*\*/);
          expect(answer.text).toContain('när som helst återkalla');
        }
      });
    });

    describe('when a question asks for the number an act has in the statute book', () => {
      it('answers from the entry on the Social Services Acts, which gives both SFS numbers', async () => {
        const answer = await extractive.answer('Vad har socialtjänstlagen för SFS-nummer?');
        expect(answer.citations[0]?.id).toBe('ny-socialtjanstlag');
        expect(answer.text).toContain('SFS 2001:453');
      });
    });

    describe('when a question asks what a SIP holds according to the agreement', () => {
      it('answers from the agreement\'s starting points, which say what the plan must contain', async () => {
        const answer = await extractive.answer('Vad innehåller en samordnad individuell plan enligt samverkansöverenskommelsen?');
        expect(answer.citations[0]?.id).toBe('overenskommelse-utgangspunkter');
        expect(answer.text).toContain('mål, insats/er, ansvar, tid');
      });
    });

    describe('when a question asks which form a consent takes', () => {
      it('answers from the definition of consent, which names its forms', async () => {
        for (const question of ['Vilken form har ett samtycke?', 'Kan samtycket ha olika former?']) {
          const answer = await extractive.answer(question);
          expect(answer.citations[0]?.id, question).toBe('samtycke-definition');
          expect(answer.text, question).toMatch(/skriftligt, muntligt eller presumerat/);
        }
      });
    });

    describe('when a question says when in passing ("de närmaste dagarna", "efteråt")', () => {
      it('lets those words weigh little, so the entry on what the reporter does in the days after answers alone', async () => {
        const answer = await extractive.answer('Vad gäller för mig som anmälare de närmaste dagarna?');
        expect(answer.citations.map((c) => c.id)).toEqual(['efter-anmalan-var-tillganglig']);
      });
    });

    describe('when a question names its topic in two everyday words', () => {
      it('answers from the entry that writes them, as no word of the question is unknown', async () => {
        for (const question of ['Vad innebär en tidig insats?', 'Vad är tidigt stöd?']) {
          const answer = await extractive.answer(question);
          expect(answer.citations[0]?.id, question).toBe('rad-och-stod-tidig-insats');
        }
      });
    });

    describe('when a question asks what a term means', () => {
      it('reads "vad menas med" as asking, so the entry defining the term answers rather than one that says "men"', async () => {
        const answer = await extractive.answer('Vad menas med ett samtycke egentligen?');
        expect(answer.citations[0]?.id).toBe('samtycke-definition');
      });

      it('does not join the term to the words saying where to look ("… i rutinen")', async () => {
        const answer = await extractive.answer('vad betyder samverkan i dokumentet');
        expect(answer.citations[0]?.id).toBe('samverkan-definition');
      });

      it('weighs "definieras" as an asking verb, even though an entry says a term "är inte definierat"', async () => {
        expect((await extractive.answer('hur definieras samverkan i dokumentet')).citations[0]?.id).toBe('samverkan-definition');
        expect((await extractive.answer('Hur definieras barn som far illa?')).citations[0]?.id).toBe('barn-som-far-illa');
      });
    });

    describe('when a question asks what a thing includes, what it is for or where something is written', () => {
      it('answers from the entry about the thing, not from one that only shares the asking verb', async () => {
        expect((await extractive.answer('Vad ingår i ett samtycke?')).citations[0]?.id).toBe('samtycke-definition');
        expect((await extractive.answer('Vad syftar en förhandsbedömning till?')).citations[0]?.id).toBe('forhandsbedomning');
        expect((await extractive.answer('Var står det vad vi ska göra vid akut oro?')).citations[0]?.id).toBe('akut-oro');
      });

      it('still leads with the sentence that uses the asking verb of the thing', async () => {
        const answer = await extractive.answer('Vad omfattar uppgiftsskyldigheten?');
        expect(answer.citations[0]?.id).toBe('uppgiftsskyldighet');
        const lead = answer.text.split('\n')[0];
        expect(lead).toContain('omfattar också');
        expect(lead).toContain('skyldig att lämna');
      });
    });

    it('reads a blankett as a form, not as the BBIC-utlåtande', async () => {
      expect((await extractive.answer('Finns det en blankett för anmälan?')).citations[0]?.id).toBe('orosanmalan');
    });

    it('does not read a word spelt right as the beginning of a longer one', async () => {
      // "vårdnad" (custody) is not "vårdnadshavare" cut short.
      expect((await extractive.answer('Kan skolan hjälpa en mamma som vill ha ensam vårdnad?')).kind).toBe('no-answer');
    });

    it('counts a name with digits in it as a topic the routines lack', async () => {
      expect((await extractive.answer('Hur rapporterar jag sjukfrånvaro i Skola24?')).kind).toBe('no-answer');
    });

    it('declines what a question asks when only its "när …" situation is in the routines, and still answers a situation the routines name', async () => {
      // The placement entry says who tells the school, not who arranges a fritids place.
      const fritids = await extractive.answer('Vem ordnar fritidsplats när ett barn har placerats på institution i en annan kommun?');
      expect(fritids.kind).toBe('no-answer');
      const closed = await extractive.answer('Vem ringer jag när mottagningen har stängt?');
      expect(closed.text).toMatch(/socialjour/i);
    });

    describe('when a question asks for something the entries sharing its words do not say', () => {
      it('declines when the thing asked about is not what the entry sharing the other words speaks of', async () => {
        // The entries name the group, the police or the decision, but not a budget, a priority order or a kontaktfamilj.
        for (const question of [
          'Vilken budget har styrgruppen för samverkan i kommunen?',
          'Hur mycket pengar har de lokala samverkansgrupperna att röra sig med?',
          'Hur prioriterar polisen mellan olika anmälningar om barn?',
          'Hur lång tid tar det för nämnden att besluta om ett stödboende för en ungdom?',
          'Hur många veckor dröjer det innan nämnden beviljar en kontaktfamilj?',
          'Hur beställer man taxi åt en elev som ska på anmälningsmöte?',
        ]) {
          expect((await extractive.answer(question)).kind, question).toBe('no-answer');
        }
        // The same shapes about what the entries do speak of are answered.
        expect((await extractive.answer('Hur lång tid får det ta innan socialtjänsten bestämt om barnet ska utredas?')).citations[0]?.id).toBe('forhandsbedomning');
        expect((await extractive.answer('Hur ofta har de lokala samverkansgrupperna möte?')).citations[0]?.id).toBe('lokala-samverkansgrupper');
      });

      it('declines how a thing works when the entry only names it in passing, and answers from an entry about it', async () => {
        // The information entry lists "inskolning" among its keywords; it is not about how one goes.
        expect((await extractive.answer('Hur fungerar inskolningen av nya barn på förskolan?')).kind).toBe('no-answer');
        expect((await extractive.answer('Hur fungerar ett trepartssamtal?')).citations[0]?.id).toBe('trepartssamtal');
      });

      it('asks the thing of the best entry, not of an entry shown beside it', async () => {
        // The best entry gives a time limit for another decision; a report shown beside it names "bevilja".
        expect((await extractive.answer('Hur lång tid tar det innan ett stöd beviljas familjen?')).kind).toBe('no-answer');
      });

      it('answers "hur ofta" only from an entry that states how often, and declines when none does', async () => {
        const lsg = await extractive.answer('Hur ofta har de lokala samverkansgrupperna möte?');
        expect(lsg.citations[0]?.id).toBe('lokala-samverkansgrupper');
        expect((await extractive.answer('Hur ofta ska kuratorn träffa eleven efter en anmälan?')).kind).toBe('no-answer');
      });

      it('declines a question for an e-mail or postal address, which no entry states', async () => {
        expect((await extractive.answer('Vilken mejladress har ansvarig socialsekreterare för BBIC-utlåtandet?')).kind).toBe('no-answer');
        expect((await extractive.answer("What's the email address of the social worker who gets the BBIC statement?")).kind).toBe('no-answer');
        expect((await extractive.answer('Kan vi mejla BBIC-utlåtandet till socialsekreteraren?')).kind).toBe('answer');
      });

      it('gives a number only when the line that holds it names what it is for, and a fax number only as a fax number', async () => {
        // The mottagning's entry names socialjouren below its fax numbers, and the resursenhet's lines hold telephone numbers.
        expect((await extractive.answer('Vilket faxnummer har socialjouren på kvällen?')).kind).toBe('no-answer');
        expect((await extractive.answer('Vilket faxnummer har resursenhetens öppenvård?')).kind).toBe('no-answer');
        expect((await extractive.answer('Vilket faxnummer har mottagningssektion Södra?')).text).toContain('530 618 16');
        expect((await extractive.answer('Vilket nummer har öppenvården på resursenheten?')).text).toContain('530 622 26');
      });

      it('declines who holds a chef post, a name the routines never give, and still answers who has a duty', async () => {
        expect((await extractive.answer('Vem är sektionschef för öppenvården på resursenheten?')).kind).toBe('no-answer');
        expect((await extractive.answer('Who is the manager of the intake section Norr?')).kind).toBe('no-answer');
        expect((await extractive.answer('Vem är kurator på Tullinge gymnasium?')).kind).toBe('no-answer');
        expect((await extractive.answer('Who is the principal of Alby school?')).kind).toBe('no-answer');
        expect((await extractive.answer('Vem är anmälningsskyldig på förskolan?')).kind).toBe('answer');
      });

      it('answers a question for opening hours only from an entry that gives hours, not one that only names the place', async () => {
        expect((await extractive.answer('Vilka öppettider har fritidsgården i Tumba?')).kind).toBe('no-answer');
        // What the hours are asked of may stand between the asking words: the pharmacy in Tumba is not the mottagning there.
        expect((await extractive.answer('När har apoteket i Tumba öppet?')).kind).toBe('no-answer');
        expect((await extractive.answer('När har mottagningen i Tumba öppet?')).kind).toBe('answer');
        expect((await extractive.answer('Vilka öppettider har apoteket i Tumba?')).kind).toBe('no-answer');
        expect((await extractive.answer('Vilka telefontider har mottagningen?')).citations[0]?.id).toBe('telefontider-mottagningen');
      });

      it('answers a question about someone refusing only from an entry that tells what happens when someone says no', async () => {
        expect((await extractive.answer('Hur gör vi om föräldrarna vägrar att delta i trepartssamtalet?')).kind).toBe('no-answer');
        const consent = await extractive.answer('Vad gäller om vårdnadshavarna vägrar ge samtycke till samverkan?');
        expect(consent.kind).toBe('answer');
        expect(consent.citations.map((c) => c.id).join(' ')).toMatch(/samtycke/);
        // A word for refusing that no entry uses ("neka") is asked through the same check, not counted as a topic they lack.
        const refused = await extractive.answer('Kan föräldrarna neka till att skolan och soc samverkar?');
        expect(refused.citations[0]?.id).toMatch(/samtycke/);
        expect((await extractive.answer('Får vi neka en förälder att läsa elevens journal?')).kind).toBe('no-answer');
        // The routine's own words for no consent, "utan det samtycket", tell what happens when someone says no.
        const withoutIt = await extractive.answer('Vårdnadshavarna vägrar samtycka till att skolan och socialtjänsten samverkar, vad betyder det?');
        expect(withoutIt.citations[0]?.id).toBe('samtycke-till-samverkan');
      });

      it('declines how one becomes a foster or contact family, which is recruitment, not the routines', async () => {
        expect((await extractive.answer('Hur gör man för att bli familjehem?')).kind).toBe('no-answer');
        expect((await extractive.answer('How do we become a foster family?')).kind).toBe('no-answer');
        expect((await extractive.answer('Hur blir man kallad till anmälningsmötet?')).kind).toBe('answer');
      });

      it('names the places the report says were inspired by the Scottish model, Örebro among them', async () => {
        const answer = await extractive.answer('Vilka kommuner har inspirerats av Skottlandsmodellen?');
        expect(answer.citations[0]?.id).toBe('skottlandsmodellen');
        expect(answer.text).toContain('Falun, Örebro län och Region Kronoberg');
      });

      it('reads "Hur blir ett barn …?" as a question about the child, not about becoming something', async () => {
        const placed = await extractive.answer('Hur blir ett barn omhändertaget?');
        expect(placed.kind).toBe('answer');
        expect(placed.text).toMatch(/placer/i);
        expect((await extractive.answer('Hur blir en familj kontaktfamilj?')).kind).toBe('no-answer');
      });

      it('declines a term of art ("kränkande behandling") that the best entry only shares the noun of, and answers from the entry that has it', async () => {
        expect((await extractive.answer('Vem på skolan ska utreda kränkande behandling enligt skollagen?')).kind).toBe('no-answer');
        const plan = await extractive.answer('Vad säger planen mot kränkande behandling om förebyggande arbete?');
        expect(plan.citations[0]?.id).toBe('framjande-och-forebyggande');
      });

      it('declines a question for a value of a thing only another entry names, and still gives the value of the thing asked', async () => {
        // The förhandsbedömning's 14 days are not how long it takes to get a time at the kvinnorådgivning.
        expect((await extractive.answer('Hur många dagar tar det att få en tid hos kvinnorådgivningen?')).kind).toBe('no-answer');
        expect((await extractive.answer('Hur många dagar tar förhandsbedömningen?')).text).toMatch(/14 dagar|fjorton dagar/);
      });

      it('asks a paragraph only of an entry that cites one, and still says which act from an entry that names it', async () => {
        expect((await extractive.answer('Vilken paragraf i skollagen ger eleverna rätt till skolläkare och psykolog?')).kind).toBe('no-answer');
        expect((await extractive.answer('Vilket kapitel i SoL handlar om anmälningsskyldigheten?')).text).toContain('14 kap');
        expect((await extractive.answer('Vilken lag gäller från 1 juli 2025?')).citations[0]?.id).toBe('ny-socialtjanstlag');
        // "Which section …" in English asks for a part of an organisation, not of an act.
        expect((await extractive.answer('Which section of the resource unit handles family support?')).kind).toBe('answer');
      });

      it('declines a paragraph of the new act, which the routines do not cite, when the question names the old paragraph', async () => {
        expect((await extractive.answer('Vilket kapitel i SoL (2025:400) svarar mot 11 kap. 1 a § om förhandsbedömning?')).kind).toBe('no-answer');
      });
    });

    describe('when a question asks what a document says of a thing, or what Kraftsamling is', () => {
      it('answers from the section on the shared starting points, not from the background that names the principle in passing', async () => {
        const answer = await extractive.answer('Vad står det i styrdokumentet om barnets bästa?');
        expect(answer.citations[0]?.id).toBe('samverkan-utgangspunkter');
        expect(answer.text).toContain('barnkonventionen');
      });

      it('answers what a document says of a thing from its entry that names the thing, though entries about the document alone rank higher', async () => {
        for (const question of ['Vad skriver den övergripande överenskommelsen om föräldrarnas roll?', 'What does the overarching agreement say about the parents\' role?']) {
          const answer = await extractive.answer(question);
          expect(answer.citations[0]?.id, question).toBe('samverkan-med-vardnadshavare');
          expect(answer.text, question).toContain('viktigaste samarbetspartnern');
        }
      });

      it('still declines what a law says of a thing when only an entry from another source names it', async () => {
        expect((await extractive.answer('Vad säger nya socialtjänstlagen om anmälningsmöten?')).kind).toBe('no-answer');
      });

      it('says among the risks of placing social workers in schools that they are too few', async () => {
        expect((await extractive.answer('Vilka risker finns med att placera socialsekreterare på skolorna?')).text).toContain('för få');
      });

      it('says that Kraftsamling is the arena where school and social services meet', async () => {
        expect((await extractive.answer('Vad är Kraftsamling?')).text.split('\n')[0]).toContain('arena');
      });
    });

    describe('when staff write as they type', () => {
      const answeredBy = async (question: string) => {
        const answer = await extractive.answer(question);
        return answer.kind === 'answer' ? answer.citations[0]?.id : 'no-answer';
      };

      it('answers a short question of common words from the near-tied entry whose claims it matches, when words alone cannot tell', async () => {
        // "anmälan" and "utredning" are in most entries: the best by words (a new concern during an investigation) failed the
        // gate and the question was declined, though the entry stating that not every report is investigated was tied.
        expect(await answeredBy('Blir varje anmälan en utredning?')).toBe('forhandsbedomning');
        expect(await answeredBy('Innebär en anmälan att det alltid blir en utredning?')).toBe('forhandsbedomning');
        // A question with a telling word of its own is judged by it, not by a tied entry's example questions.
        expect(await answeredBy('Hur går en utredning av kränkande behandling till hos rektorn?')).toBe('no-answer');
      });

      it('reads a quantifier ("varje", "samtliga") as how many, not as what the question is about', async () => {
        // "i samtliga fall" was an unknown topic (declined); "varje" matched an entry about each school's contacts.
        expect(await answeredBy('Leder en anmälan till utredning i samtliga fall?')).toBe('forhandsbedomning');
        expect(await answeredBy('Blir det utredning efter varje orosanmälan?')).not.toBe('kontaktpersoner-fran-socialtjansten');
      });

      it('skips an everyday word the routines lack instead of declining', async () => {
        expect(await answeredBy('Ska det finnas en kontaktperson från socialtjänsten för varje skola?')).toBe('kontaktpersoner-fran-socialtjansten');
      });

      it('reads FHB as förhandsbedömning', async () => {
        expect(await answeredBy('Vad är en FHB?')).toBe('forhandsbedomning');
      });

      it('reads a number abbreviated "nr" as the number it names, and still declines a kind of number the routines lack', async () => {
        expect(await answeredBy('Vilket telefonnr har socialjouren?')).toBe('socialjouren');
        expect(await answeredBy('Vilket mobilnr har socialjouren?')).toBe('no-answer');
      });

      it('reads a short word with a doubled consonant written once as meant', async () => {
        const answer = await extractive.answer('Vem ringer man til när mottagningen är stängd?');
        expect(answer.text).toMatch(/socialjour/i);
      });

      it('reads a word left without å/ä/ö by a writer who uses them elsewhere', async () => {
        const answer = await extractive.answer('Hur länge pagar en förhandsbedömning?');
        expect(answer.citations[0]?.id).toBe('forhandsbedomning');
        expect(answer.text).toContain('14 dagar');
      });

      it('reads "på grund av" as a reason, not as the word "grund"', async () => {
        const terms = extractive.search.analyze('Hon är hemma på grund av sjukdom').terms.map((t) => t.term);
        expect(terms).not.toContain(extractive.search.analyze('grund').terms[0]!.term);
      });

      it('reads "vilka är" as who, not as "vilka år" asking for a year', async () => {
        expect(await answeredBy('Vilka är med på ett anmälningsmöte?')).toBe('anmalningsmote');
      });

      it('skips adverbs, colloquial verbs and stop words without å/ä/ö that the routines lack', async () => {
        expect(await answeredBy('Vilka är med på ett anmälningsmöte vanligtvis?')).toBe('anmalningsmote');
        expect(await answeredBy('Vad gör ett skolsocialt team rent konkret?')).toBe('skolsociala-team');
        expect(await answeredBy('När är telefontiden pa fredagar?')).toBe('telefontider-mottagningen');
        expect(await answeredBy('Vad krävs för att samverkan ska funka bra?')).toBe('samverkan-forutsattningar');
      });

      it('understands office hours and what the school gets to know in English', async () => {
        expect(await answeredBy('Who do we phone after office hours when a pupil is in danger?')).toMatch(/^(akut-oro-mottagningen-stangd|socialjouren)$/);
        expect(await answeredBy('What will the preschool get to know once the investigation is closed?')).not.toBe('no-answer');
      });

      it('skips prepositions and subjunctions the routines lack, colloquial "medans" and "innans" too', async () => {
        expect(await answeredBy('Kan barnet få hjälp medans socialtjänsten utreder?')).toBe('stod-under-utredning');
        expect(await answeredBy('Ska vi ringa mottagningen innans vi skickar anmälan, oavsett hur akut det är?')).not.toBe('no-answer');
      });

      it('reads "far illa av" as the routines\' "far illa", not as an unknown verb "illa av", and "slipper" as an everyday verb', async () => {
        expect(await answeredBy('Måste förskolan anmäla när ett barn far illa av föräldrarnas missbruk?')).not.toBe('no-answer');
        expect(await answeredBy('Slipper vi anmäla när eleven har fyllt 18?')).toBe('anmalan-over-18');
      });

      it('reads a short present tense typed without the e of "-er" ("ledr") as the verb meant', async () => {
        expect(await answeredBy('Vem ledr trepartsmötet?')).not.toBe('no-answer');
      });

      it('reads a short stop word typed without its last letter ("fö", "til") as the stop word, not as a topic the routines lack', async () => {
        const withSlip = await extractive.answer('Vilket telefonnummer har mottagningen fö anmälningar?');
        expect(withSlip.kind).toBe('answer');
        expect(withSlip.text).toContain('08-530 622 55');
        expect(await answeredBy('Vad gör vi om vi är oroliga fö ett barn en fredag kväll?')).not.toBe('no-answer');
        // Written without å/ä/ö "ma" is "må", not a stop word typed short: a question about staff feeling bad stays declined.
        expect(await answeredBy('Vart vander man sig om en personal verkar ma daligt efter en anmalan?')).toBe('no-answer');
      });

      it('answers which of two ways holds when the routines name one of them and lack the other, and only then', async () => {
        const answer = await extractive.answer('Får vi skriva utlåtandet på surfplattan eller för hand?');
        expect(answer.citations[0]?.id).toBe('bbic-utlatande-instruktioner');
        expect(answer.text).toContain('för hand');
        // No entry names either way of holding the meeting: still declined.
        expect(await answeredBy('Kan anmälningsmötet hållas på Zoom eller måste det vara på plats?')).toBe('no-answer');
      });

      it('reads a function word typed with a slip ("elelr") as the word, so the question of two ways is still read', async () => {
        const answer = await extractive.answer('Fyller vi i utlåtandet för hand elelr i datorn?');
        expect(answer.citations[0]?.id).toBe('bbic-utlatande-instruktioner');
        expect(answer.text).toContain('för hand');
        // Retrieval alone reads it the same way.
        expect(extractive.relevant('Fyller vi i utlåtandet för hand elelr i datorn?')[0]?.id).toBe('bbic-utlatande-instruktioner');
      });

      it('says who takes part in a treparts överlämnandemöte, in the entry about trepartssamtal', async () => {
        const answer = await extractive.answer('Vem deltar i ett treparts överlämnandemöte på Östermalm?');
        expect(answer.citations[0]?.id).toBe('trepartssamtal');
        expect(answer.text).toContain('socialtjänst, anmälare och familj');
      });

      it('skips "normalt" as an everyday word, not a topic the routines lack', async () => {
        const answer = await extractive.answer('Hur många dagar brukar en förhandsbedömning normalt ta?');
        expect(answer.citations[0]?.id).toBe('forhandsbedomning');
        expect(answer.text).toMatch(/fjorton dagar|14 dagar/u);
      });

      it('declines how long something is kept when no entry says it is kept, rather than giving another duration', async () => {
        expect(await answeredBy('Hur länge sparas skolans orosanmälningar hos socialtjänsten efter ett beslut att inte inleda utredning?')).toBe('no-answer');
        // A duration the routines give is still answered.
        expect(await answeredBy('Hur länge pågår en utredning?')).toBe('utredning');
      });

      it('declines what an entry says its source does not give, saying what the routines do give and whom to call', async () => {
        for (const question of ['Vad innehåller checklistan?', 'Vilka punkter tar checklistan upp?']) {
          const answer = await extractive.answer(question);
          expect(answer.kind, question).toBe('no-answer');
          expect(answer.citations).toHaveLength(0);
          expect(answer.text).toContain('återger inte vad som står i den');
          expect(answer.text).toContain('08-530 622 55');
        }
        expect(extractive.relevant('Vad innehåller checklistan?')).toEqual([]);
        // Where the checklist is, the routines do say.
        expect(await answeredBy('Var hittar jag checklistan för orosanmälan?')).toBe('checklista-anmalan');
        expect(await answeredBy('Var står det att vi ska använda checklistan?')).toBe('checklista-anmalan');
      });

      it('declines what happens in a situation no entry speaks of, though an entry names the meeting it happens at', async () => {
        expect(await answeredBy('Vad händer om vårdnadshavarna kommer för sent till anmälningsmötet?')).toBe('no-answer');
        // A situation the routines speak of is still answered.
        expect(await answeredBy('Vad händer om vårdnadshavarna inte vill samtycka till samverkan?')).toBe('samtycke-till-samverkan');
      });

      it('declines whether one may do something no entry of the answer speaks of doing', async () => {
        expect(await answeredBy('Får vi berätta för föräldrarna i klassen att en elev har placerats?')).toBe('no-answer');
        // An action an entry speaks of is still answered.
        expect(await answeredBy('Får vi skicka anmälan med fax?')).not.toBe('no-answer');
      });

      it('declines what something costs when no entry of the answer gives a cost', async () => {
        expect(await answeredBy('Kostar socialförvaltningens drogförebyggande arbete med fältsekreterare något för skolan?')).toBe('no-answer');
        expect(await answeredBy('Kostar resursenhetens råd och stöd i tidigt skede något för vårdnadshavarna?')).toBe('no-answer');
        // The same topics are still answered when no cost is asked.
        expect(await answeredBy('Arbetar fältsekreterarna drogförebyggande med skolan?')).not.toBe('no-answer');
      });

      it('reads "anmäla sig" as signing up, which no entry tells how to do, not as reporting a concern', async () => {
        expect(await answeredBy('Hur anmäler man sig till en samverkansgrupp i sitt område?')).toBe('no-answer');
        expect(await answeredBy('Hur anmäler jag min oro till socialtjänsten?')).not.toBe('no-answer');
      });

      it('declines how a municipality or region no entry names works ("… kommun", "Region …")', async () => {
        expect(await answeredBy('Erbjuder Norrtälje kommun föräldrastöd via resursenheten till familjer med barn i skolan?')).toBe('no-answer');
        // A city an entry tells of is still answered.
        expect(await answeredBy('Hur ser samverkan mellan skolan och socialtjänsten ut i Stockholms stad?')).not.toBe('no-answer');
      });

      it('does not take the words that compare for a topic the routines lack', async () => {
        expect(await answeredBy('Hur skiljer sig en skyddsbedömning och en förhandsbedömning åt?')).not.toBe('no-answer');
        expect(await answeredBy('Hur hänger anmälningsmötet ihop med förhandsbedömningen?')).not.toBe('no-answer');
      });

      it('answers from the document that writes a coordinated name the question uses ("barn- och utbildningsförvaltningen")', async () => {
        expect(await answeredBy('Vad har barn- och utbildningsförvaltningen och socialförvaltningen för mål med samverkan?')).toBe('overenskommelse-mal-och-malgrupp');
        expect(await answeredBy('Hur styrs samverkan mellan barn- och utbildningsförvaltningen och socialförvaltningen?')).toBe('overenskommelse-styrning');
      });

      it('answers a call to socialtjänsten without saying which child from the anonymous consultation', async () => {
        expect(await answeredBy('Hur ringer vi soc utan att uppge vilket barn det är?')).toBe('anonym-konsultation');
      });

      it('defines a term of art few entries write from an entry that writes it, not from one sharing its stemmed words', async () => {
        expect(await answeredBy('Vad innebär åtgärdande insatser när förvaltningarna har en samverkansöverenskommelse?')).toBe('overenskommelse-typer-av-samverkan');
      });

      it('reads a participle with its particle in front as the verb the routines use', async () => {
        // Who signs it the routines do not say (askedKinds); who sends it back they do.
        expect(await answeredBy('Vem skickar tillbaka det ifyllda utlåtandet?')).toBe('bbic-utlatande-instruktioner');
      });
    });

    it('answers whether to tell the guardians of a report for suspected abuse with the no and the acute stage it holds for', async () => {
      const answer = await extractive.answer('Misstänker vi barnmisshandel, ska vi då berätta för vårdnadshavarna att vi har anmält?');
      expect(answer.citations.map((c) => c.id)).toContain('akut-oro');
      expect(answer.text).toMatch(/^\*\*Nej\.\*\*/);
      expect(answer.text).toContain('Informera **inte** vårdnadshavarna i det akuta skedet');
    });

    it('answers a question opening with a verb like "Slipper" with its no, as a question opening with "Måste" would be', async () => {
      const answer = await extractive.answer('Slipper skolan anmäla efter en konsultation?');
      expect(answer.citations.map((c) => c.id)).toContain('konsultation');
      expect(answer.text).toMatch(/^\*\*Nej\.\*\*/);
    });

    it('follows a "Nej." with the routine in force, not with an aside on what the older routine said', async () => {
      const answer = await extractive.answer('Får förskolan veta mer om utredningen utan vårdnadshavarnas samtycke?');
      expect(answer.text).toMatch(/^\*\*Nej\.\*\* Mer än så/);
      expect(answer.text).toContain('Den äldre rutinen');
    });

    it('does not answer taking back one thing with a claim about taking back another ("ett samtycke" for "en anmälan")', async () => {
      expect((await extractive.answer('Kan vi ta tillbaka en anmälan?')).kind).toBe('no-answer');
      const utlatande = await extractive.answer('Kan vi ta tillbaka ett utlåtande?');
      expect(utlatande.citations[0]?.id).toBe('bbic-utlatande-instruktioner');
      expect(utlatande.text).not.toContain('samtycke');
      expect((await extractive.answer('Kan man återkalla ett samtycke?')).text).toMatch(/^\*\*Ja\.\*\*/);
    });

    it('does not follow a "Ja." with a sentence saying what is not done', async () => {
      const answer = await extractive.answer('Kan vi boka ett anmälningsmöte?');
      expect(answer.text).toMatch(/^\*\*Ja\.\*\*/);
      expect(answer.text).not.toMatch(/^\*\*Ja\.\*\* Vid akut oro planeras inget/);
    });

    it('does not lead with a sentence that only introduces a list', async () => {
      const answer = await extractive.answer('När far ett barn illa?');
      expect(answer.text).not.toMatch(/^[^\n]*:\s*\[1\]/);
      expect(answer.text).toContain('inte får sina behov tillgodosedda inom familjen');
    });

    describe('when a yes/no claim is about another doer, another way or another thing', () => {
      it('does not answer "Är det X som …?" with a claim about another doer', async () => {
        const counsellor = await extractive.answer('Är det kuratorn som väljer ut eleverna till det skolsociala teamet?');
        expect(counsellor.citations[0]?.id).toBe('skolsociala-team');
        expect(counsellor.text).not.toMatch(/^\*\*(?:Ja|Nej)\.\*\*/);
        expect((await extractive.answer('Är det rektorn som bestämmer vad skolan får veta när ett barn vårdas enligt LVU?')).text).not.toMatch(/^\*\*(?:Ja|Nej)\.\*\*/);
        // "Är det någon som …?" asks whether anyone does: that one doer need not is no answer.
        expect((await extractive.answer('Är det någon som följer upp barnet efter en avslutad placering?')).text).not.toMatch(/^\*\*Nej\.\*\*/);
      });

      it('does not answer whether something should be done one way with a claim or a sentence about the other way', async () => {
        const orally = await extractive.answer('Bör anmälan göras muntligt?');
        expect(orally.kind).toBe('answer');
        expect(orally.text).not.toMatch(/^\*\*Ja\.\*\*/);
        expect((await extractive.answer('Bör anmälan göras skriftligt?')).text).toMatch(/^\*\*Ja\.\*\*/);
      });

      it('does not answer whether a rule covers someone with a claim about whether a definition exists', async () => {
        expect((await extractive.answer('Ingår barn som riskerar att fara illa i rutinen?')).text).not.toMatch(/^\*\*Nej\.\*\*/);
        // A claim about whether there is a thing still answers a question that names it, whatever words stand before it.
        expect((await extractive.answer('Finns det en åldersgräns för föräldrarnas insyn?')).text).toMatch(/^\*\*Nej\.\*\*/);
        expect((await extractive.answer('Finns det stöd från socialtjänsten vid hög ogiltig frånvaro?')).text).toMatch(/^\*\*Ja\.\*\*/);
      });
    });

    describe('when a long message tells of a child and then asks', () => {
      it('answers a question that is one of the routines\' own, whatever the story\'s details', async () => {
        const sprit = 'Vår förskolebarn kommer ofta med sår i ansiktet och pappan luktar sprit vid hämtningen. Behöver vi ha bevis innan vi anmäler?';
        const middag = 'Vi har en flicka i trean som säger att hon inte får äta middag när hon varit olydig. Måste vi vara säkra innan vi gör en orosanmälan?';
        for (const message of [sprit, middag]) {
          const answer = await extractive.answer(message);
          expect(answer.citations[0]?.id).toBe('anmalningsskyldighet');
          expect(answer.text).toContain('Du behöver inte vara säker');
        }
      });

      it('weighs the words of a sentence that goes on about the family by "de"/"dem" as the story\'s, not as another topic', async () => {
        const answer = await extractive.answer('En pappa på förskolan verkar behöva föräldrastöd. Men vi är rädda att vi sårar dem. Vad kan vi erbjuda?');
        expect(answer.citations[0]?.id).toBe('foraldrastod-information');
      });

      it('answers each part of a two-part question in the light of the story, not of the part\'s words alone', async () => {
        const message = 'En elev berättade i morse att hans pappa slog honom. Klockan är tio på en onsdag. Vem ringer jag, och ska jag ringa föräldrarna?';
        const answer = await extractive.answer(message);
        expect(answer.citations[0]?.id).toBe('akut-oro');
        expect(answer.citations.map((c) => c.id)).not.toContain('telefontider-mottagningen');
      });

      it('takes what the writer says they are unsure of as part of the question', async () => {
        const message =
          'En elev i trean luktar ofta illa och har samma kläder hela veckan, och pappa verkar stressad. Vi är osäkra på om vi ska anmäla eller bara prata med någon först. Vem ringer vi?';
        expect((await extractive.answer(message)).citations[0]?.id).toBe('konsultation');
      });

      it('reads a thing the story brought in ("ett möte") and the question names in the definite form ("mötet") as the story\'s', async () => {
        const message =
          'Rektorn har skickat ett utlåtande om en elev. Nu kallar handläggaren till ett möte med skolan och familjen. Läraren är nervös för att mamman ska bli besviken. Vad har mötet för syfte?';
        expect((await extractive.answer(message)).citations[0]?.id).toBe('gemensamt-mote-om-bbic');
      });

      it('reads "det mötet" at the end of the question as the meeting the story told of', async () => {
        const message =
          'Handläggaren har bett oss fylla i BBIC-formuläret om en kille i sexan. Nu vill hon träffas och gå igenom svaren, och mentorn är stressad inför det. Sitter föräldrarna med på det mötet?';
        const answer = await extractive.answer(message);
        expect(answer.citations[0]?.id).toBe('gemensamt-mote-om-bbic');
        expect(answer.text).toMatch(/Vårdnadshavarna (?:är med|närvarar)/);
      });

      it('lets the story choose the entry when the question sentence names no topic of its own', async () => {
        const message =
          'Rektor och jag ska boka ett anmälningsmöte för en pojke i sexan, men vi vet inte vem som ska bjuda in och var vi ska vara. Hur är det tänkt enligt våra rutiner?';
        const answer = await extractive.answer(message);
        expect(answer.citations[0]?.id).toBe('anmalningsmote-planering');
        expect(answer.text).toMatch(/förskolan\/skolan/);
      });

      it('lets the story choose the entry when the question names the story\'s person by a pronoun ("honom", "henne")', async () => {
        const message = 'En pappa har frågat mig om föräldrastöd. Han oroar sig för att socialtjänsten ska börja utreda familjen. Vart ska vi tipsa honom att vända sig?';
        expect((await extractive.answer(message)).citations[0]?.id).toBe('foraldrastod-information');
      });

      it('puts first a close entry whose title names what the question asks, above one the story lifted', async () => {
        const message =
          'Soc har inlett en utredning om en pojke i sexan efter vår anmälan. Hans föräldrar vill inte att skola och socialtjänst talar med varandra om honom. Vad gäller när vi saknar samtycke?';
        expect((await extractive.answer(message)).citations[0]?.id).toBe('samtycke-till-samverkan');
      });

      it('measures how close the titled entry is on the blend of message and question sentences, which ordered them', async () => {
        // The story's words give the entry on secrecy between school and socialtjänsten well over the titled ones by the
        // message alone; the question sentences, asking of missing consent, bring one naming samtycke close on the blend.
        const message =
          'Vi anmälde och socialtjänsten utreder. Föräldrarna motsätter sig att skolan och socialtjänsten utbyter uppgifter. Vi vill stötta eleven i skolan ändå. Vad får det för följder att samtycke saknas?';
        expect((await extractive.answer(message)).citations[0]?.title).toMatch(/samtycke/i);
      });

      it('lets no title choose for a fragment left after an abbreviation\'s full stop, which asks nothing', async () => {
        const answer = await extractive.answer('Förklara gången från att vi anmäler tills utr. är klar.');
        expect(answer.citations[0]?.id).toBe('vad-hander-efter-anmalan');
      });

      it('answers a question that points back at the entry\'s own subject, whatever the writer will do with the answer', async () => {
        for (const message of [
          'I styrdokumentet står det om risk- och skyddsfaktorer. På nästa APT ska jag gå igenom dem med personalgruppen. Vad menas med dem?',
        ]) {
          expect((await extractive.answer(message)).citations[0]?.id, message).toBe('risk-och-skyddsfaktorer');
        }
      });

      it('reads a story telling the case is already under investigation as the phase "under en pågående utredning"', async () => {
        for (const message of [
          'Soc utreder nu familjen till en av våra elever och i dag hände något nytt som oroar oss. Hur gör vi?',
          'Vi anmälde i våras och socialtjänsten inledde en utredning. Nu har pojken fått nya skador som han inte vill förklara. Vad gäller då?',
        ]) {
          const answer = await extractive.answer(message);
          expect(answer.citations[0]?.id, message).toBe('ny-oro-under-utredning');
          expect(answer.text, message).toMatch(/ny anmälan/);
        }
      });

      it('answers new concern told during an investigation, asking what to do or whether to wait, with the entry about it alone', async () => {
        for (const message of [
          'Vi anmälde oro för en flicka i trean och soc har en utredning igång sedan oktober. Nu har hon berättat nya saker om pappans drickande. Räcker det att vi avvaktar?',
          'Socialtjänsten utreder fortfarande familjen till en pojke på fritids. I går kom han utan mat igen och sa att ingen var hemma i helgen. Behöver vi göra något mer?',
          'Det pågår en utredning hos socialtjänsten om en elev i sjuan. Nu har eleven ytterligare frånvaro och berättar om bråk hemma. Ska vi vänta på utredningen?',
        ]) {
          const answer = await extractive.answer(message);
          expect(answer.citations.map((c) => c.id), message).toEqual(['ny-oro-under-utredning']);
          expect(answer.text, message).toMatch(/ny anmälan/);
        }
      });

      it('reads the situation of a message of one sentence from the pieces before its last comma, and answers its yes/no question with the situation\'s entry', async () => {
        const message = 'Socialtjänsten har en utredning igång om en pojke i fyran och nu har han fått nya blåmärken, behöver vi göra något mer?';
        const answer = await extractive.answer(message);
        expect(answer.citations.map((c) => c.id)).toEqual(['ny-oro-under-utredning']);
        expect(answer.text).toMatch(/ny anmälan/);
      });

      it('answers a situation told with the entry whose `situation` it is, whatever that entry is called', async () => {
        const message = 'Socialtjänsten utreder fortfarande familjen till en pojke i fyran. Nu har pojken börjat berätta nya saker om mamma. Vad gör vi nu?';
        expect((await extractive.answer(message)).citations[0]?.id).toBe('ny-oro-under-utredning');
        // The same knowledge with the situation claimed by another entry: that entry answers it.
        const moved = knowledge.entries.map((entry) =>
          entry.id === 'ny-oro-under-utredning' ? { ...entry, situation: undefined } : entry.id === 'anmalningsskyldighet' ? { ...entry, situation: 'new-concern-during-investigation' as const } : entry,
        );
        const elsewhere = await createAnswerer({ ...knowledge, entries: moved, sourceKey: undefined }, knowledgeDir);
        expect((await elsewhere.answer(message)).citations.map((c) => c.id)).toEqual(['anmalningsskyldighet']);
      });

      it('does not read an investigation by someone else than socialtjänsten, or of another kind, as socialtjänsten\'s', async () => {
        for (const message of [
          'Flickan har en utredning igång på habiliteringen. Nu har hon börjat berätta nya saker om mamma. Vad gör vi nu?',
          'Elevhälsan har redan påbörjat en utredning av eleven. I dag kom han igen utan mat. Vad ska vi göra?',
          'Vår elev har en NPF-utredning igång sedan i våras. Nu har han fått ännu mer frånvaro. Ska vi vänta på utredningen?',
        ]) {
          expect((await extractive.answer(message)).citations[0]?.id, message).not.toBe('ny-oro-under-utredning');
        }
        // Socialtjänsten named beside the other investigator, or alone, is still socialtjänsten's investigation.
        for (const message of [
          'Soc har redan påbörjat en utredning av eleven. I dag kom han igen utan mat. Vad ska vi göra?',
          'Både BUP och soc utreder pojken just nu. Nu har han nya märken på armen. Vad gör vi?',
        ]) {
          expect((await extractive.answer(message)).citations.map((c) => c.id), message).toEqual(['ny-oro-under-utredning']);
        }
      });

      it('does not read something new at school, or a new thing of the child unrelated to concern, as new concern', async () => {
        for (const message of [
          'Soc utreder familjen och vi har fått en ny vaktmästare. Vad ska vi göra med nycklarna?',
          'Soc har en utredning igång om en elev. Eleven har fått nya glasögon. Vad gör vi med skolfotot?',
        ]) {
          expect((await extractive.answer(message)).kind, message).toBe('no-answer');
        }
      });

      it('answers staff unsure whether what they see is enough to report, asking what they can do, with consulting socialtjänsten', async () => {
        for (const message of [
          'En pojke i fyran säger ofta att han inte fått frukost. Vi är osäkra på om vi ska anmäla. Hur ska vi göra?',
          'På fritids har en flicka länge verkat orolig och vill inte gå hem på eftermiddagarna. Jag vet inte om det räcker för att göra en orosanmälan. Vad kan vi göra?',
          // … or whom they can talk to, with "tillräckligt" (an everyday word, not a topic the routines lack).
          'Ett barn i förskoleklass somnar ofta på mattan och har smutsiga kläder. Vi vet inte om det är tillräckligt för en anmälan. Vem kan vi prata med?',
          // "inte är säkra på", with the verb between, and the report in the passive ("ska anmälas").
          'Vi har pratat om en pojke i klassen men är inte säkra på om det ska anmälas. Vad kan vi göra?',
          // Whom to talk to asked in the present tense, with no modal, after what to do.
          'En flicka i femman har tappat mycket i vikt och pappan verkar orolig. Jag vet inte om det räcker för en orosanmälan. Hur gör vi och vem ringer vi?',
        ]) {
          const answer = await extractive.answer(message);
          expect(answer.citations[0]?.id, message).toBe('konsultation');
          expect(answer.text, message).toMatch(/mottagningssektion/);
        }
        // Asking whether proof is needed is not asking what to do: the duty to report answers it.
        expect((await extractive.answer('Vi vet inte om det räcker för att anmäla. Måste vi ha bevis?')).citations[0]?.id).toBe('anmalningsskyldighet');
      });

      it('reads doubt whether to report with the word lists it was given', async () => {
        const message = 'En flicka i tvåan kommer ofta utan vantar i kylan. Vi vet ej om det räcker för en anmälan. Vem kan vi tala med?';
        expect((await extractive.answer(message)).citations[0]?.id).not.toBe('konsultation');
        const words = builtInQuestionWords();
        const wider = await createAnswerer({ ...knowledge, sourceKey: undefined }, knowledgeDir, { questionWords: { ...words, notKnowing: [...words.notKnowing, 'vet ej'] } });
        expect((await wider.answer(message)).citations[0]?.id).toBe('konsultation');
      });

      it('does not read what someone else does not know, or is unaware of, as the writer unsure whether to report', async () => {
        for (const message of ['Pappan vet inte om att vi har gjort en anmälan. Hur ska vi göra?', 'Mamman vet inte om vi har anmält. Vad ska vi göra?']) {
          expect((await extractive.answer(message)).citations[0]?.id, message).toBe('informera-vardnadshavare');
        }
      });

      it('does not read not knowing whether a report has arrived, or whether to sign up, as doubt whether to report', async () => {
        for (const message of [
          'Vi vet inte om anmälan har kommit fram till mottagningen. Vad ska vi göra?',
          'Vi vet inte om vi ska anmäla oss till temadagen i vår. Vem kan vi prata med?',
          // A report of something else than a concern for a child.
          'Jag vet inte om jag ska anmäla cykelstölden i förrådet. Vad ska jag göra?',
        ]) {
          expect((await extractive.answer(message)).citations[0]?.id, message).not.toBe('konsultation');
        }
      });

      it('does not answer doubt whether to report to someone else than socialtjänsten with consulting socialtjänsten', async () => {
        for (const message of [
          'Några elever har sprejat på gympasalens fasad i helgen. Vi vet inte om vi ska anmäla det till polisen. Vad kan vi göra?',
          'En vikarie lämnade barngruppen ensam en hel förmiddag. Jag är osäker på om jag ska anmäla henne till Skolinspektionen. Vem kan jag prata med?',
        ]) {
          expect((await extractive.answer(message)).kind, message).toBe('no-answer');
        }
        // A report to socialtjänsten's own units is still the doubt konsultation answers.
        const message = 'En pojke i ettan har ofta trasiga kläder och somnar på lektionerna. Vi vet inte om det räcker för en anmälan till mottagningen. Vad kan vi göra?';
        expect((await extractive.answer(message)).citations[0]?.id).toBe('konsultation');
      });

      it('still declines a story that names a subject of the routines and then asks about something they lack', async () => {
        for (const message of [
          'Vi har pratat om anmälningsskyldighet på skolan. Nu vill vi beställa pizza till fredagsfikat åt hela personalgruppen. Vem betalar den?',
          'Rektorn nämnde risk- och skyddsfaktorer på mötet. Nu ska vi måla om klassrummen i sommar och köpa nya gardiner. Vad gäller då?',
        ]) {
          expect((await extractive.answer(message)).kind, message).toBe('no-answer');
        }
      });

      it('still declines a story of something else that only its vague question ties to the routines', async () => {
        for (const message of [
          'En elevs pappa halkade på skolgården när han hämtade sin son och vill ha ersättning från kommunen. Vart vänder vi oss?',
          'En elev har tappat sin mobiltelefon på bussen och mamman är arg på skolan. Vem ansvarar för det?',
          'Eleven kom till skolan med feber och mamman svarar inte i telefon. Får vi skicka hem barnet själv?',
          'God morgon, jag är ny och har frågat runt i personalrummet men ingen vet, och jag oroar mig för en elev. Vilket datum är nästa Kraftsamlingsdag?',
        ]) {
          expect((await extractive.answer(message)).kind).toBe('no-answer');
        }
      });
    });

    it('reads "sitter med i" as membership, not as a topic word: the group named chooses the entry', async () => {
      const lsg = await extractive.answer('Vem sitter med i en lokal samverkansgrupp från socialförvaltningen?');
      expect(lsg.citations[0]?.id).toBe('lokala-samverkansgrupper');
      expect(lsg.text).toMatch(/sektionscheferna på utredningsenheten och resursenheten/);
      expect((await extractive.answer('Vilka sitter i Kraftsamlings ledningsgrupp?')).citations[0]?.id).toBe('ledningsgrupp-kraftsamling');
    });

    it('reads "utfallet" of an investigation as its result', async () => {
      const answer = await extractive.answer('Berättar soc om utfallet av utredningen för rektor?');
      expect(answer.citations[0]?.id).toBe('aterkoppling-efter-utredning');
      expect(answer.text).toMatch(/samtyck/);
    });

    it('reads "hört av sig" as the "hör av er" of the entry on confirmation of a report', async () => {
      const answer = await extractive.answer('Ingen på mottagningen har hört av sig sedan vi skickade anmälan. Hur vet vi att den kommit fram?');
      expect(answer.citations[0]?.id).toBe('bekraftelse-pa-anmalan');
      expect(answer.text).toMatch(/ring/);
    });

    it('reads "namnge" as giving the name, which an anonymous consultation leaves out', async () => {
      const answer = await extractive.answer('Måste vi namnge eleven när vi ringer soc för att rådfråga?');
      expect(answer.citations[0]?.id).toBe('anonym-konsultation');
      expect(answer.text).toMatch(/anonym/);
    });

    describe('when a question asks for a year or an age', () => {
      it('answers from the close entry that states a year rather than one that states none', async () => {
        const answer = await extractive.answer('Vilket år blev Kraftsamling en del av den ordinarie verksamheten?');
        expect(answer.citations[0]?.id).toBe('kraftsamling');
        expect(answer.text.split(/\n\s*\n/)[0]).toMatch(/2011/);
      });

      it('gives the age span the entry states, whichever form of "ålder" is asked with', async () => {
        const answer = await extractive.answer('Hur gamla barn riktar sig föräldrastödet till?');
        expect(answer.citations[0]?.id).toBe('foraldrastod-information');
        expect(answer.text).toMatch(/0–17 år/);
      });
    });

    describe('when a question asks for a fact the background reports state', () => {
      it('gives the figure the Stockholm report states', async () => {
        const answer = await extractive.answer('Hur stor andel av eleverna i Stockholm går i friskola?');
        expect(answer.citations[0]?.id).toBe('myndighetsutovning-och-service');
        expect(answer.text).toMatch(/24 procent/);
      });

      it('says that parents\' insight depends on the child\'s maturity, not a fixed age', async () => {
        const answer = await extractive.answer('Får en mamma läsa allt som står om hennes barn hos socialtjänsten?');
        expect(answer.citations.map((c) => c.id)).toContain('sekretess-mot-vardnadshavare');
        expect(answer.text).toMatch(/mognad/);
      });

      it('gives both the older routine\'s time for förhandsbedömning and the one that applies', async () => {
        const answer = await extractive.answer('Gäller fortfarande tre veckor för förhandsbedömningen, eller har tiden ändrats?');
        expect(answer.text).toMatch(/tre veckor/);
        expect(answer.text).toMatch(/14 dagar/);
      });

      it('tells of the court ruling on stödsamtal as service, and names its municipality only as an example', async () => {
        const ruling = await extractive.answer('Vad kom kammarrätten fram till om stödsamtal som service?');
        expect(ruling.citations[0]?.id).toBe('myndighetsutovning-och-service');
        expect(ruling.text).toMatch(/Kammarrätten i Jönköping/);
        expect((await extractive.answer('Hur gör man en orosanmälan i Norrköping?')).kind).toBe('no-answer');
      });

      it('names Socialstyrelsen\'s general advice on planning an investigation', async () => {
        const answer = await extractive.answer('Vad säger Socialstyrelsens allmänna råd om hur en utredning ska planeras?');
        expect(answer.text).toMatch(/SOSFS 2014:6/);
      });

      it('tells how Östermalm followed up collaboration after a closed case', async () => {
        const answer = await extractive.answer('Hur följde man upp samverkan på Östermalm efter att ett ärende avslutats?');
        expect(answer.citations[0]?.id).toBe('ostermalm-uppfoljning-och-utvecklingsideer');
        expect(answer.text).toMatch(/utvärdera kontakterna/);
      });

      it('gives what a SIP documents, in the words of the agreement', async () => {
        const answer = await extractive.answer('Vad ska dokumenteras i en samordnad individuell plan?');
        expect(answer.text).toMatch(/mål, insats\/er, ansvar, tid/);
      });

      it('tells what the Stockholm report says of when a report meeting is offered', async () => {
        const answer = await extractive.answer('Måste soc i Stockholm alltid erbjuda ett anmälningsmöte enligt rapporten från 2020?');
        expect(answer.citations[0]?.id).toBe('anmalningsmote-stockholmsrapporten');
        expect(answer.text).toMatch(/lämpligt utifrån barnets bästa/);
      });
    });

    it('declines a question the routines do not cover', async () => {
      const answer = await extractive.answer('Hur många semesterdagar har en lärare per år?');
      expect(answer.kind).toBe('no-answer');
      expect(answer.citations).toHaveLength(0);
      expect(answer.text).toMatch(/inget svar/);
    });
  });

  describe('with triage\'s akut detector wired in, when a message tells of akut oro and asks what to do', () => {
    let withDetector: Answerer;
    beforeAll(async () => {
      withDetector = await createAnswerer(knowledge, knowledgeDir, { acuteConcern: isAkutOro });
    });

    it('answers with the akut routine alone, even when the story shares no word with it', async () => {
      for (const message of [
        'Min elev sa att hennes farbror hotar att skicka henne till hemlandet om hon träffar killar. Vad ska vi göra?',
        'En pojke i tvåan sa att mammas sambo brukar slå honom när han inte lyder, och idag hade han ett märke på kinden. Vad gör vi nu, steg för steg?',
      ]) {
        const answer = await withDetector.answer(message);
        expect(answer.citations.map((c) => c.id), message).toEqual(['akut-oro']);
        expect(answer.text, message).toMatch(/mottagningssektion/);
      }
    });

    it('leads with the entry on new concern during an investigation, the akut routine after it, when the new concern is violence', async () => {
      const message = 'Vi gjorde en orosanmälan i våras och socialtjänsten utreder fortfarande. Nu har pojken berättat att pappa har slagit honom igen. Hur ska vi göra?';
      const answer = await withDetector.answer(message);
      expect(answer.citations.map((c) => c.id)).toEqual(['ny-oro-under-utredning', 'akut-oro']);
      expect(answer.text).toMatch(/ny anmälan/);
      expect(answer.text).toMatch(/mottagningssektion/);
    });

    it('answers new violence with the akut routine when the investigation under way is another body\'s, not socialtjänsten\'s', async () => {
      const message = 'Det pågår en utredning på BUP om en pojke i femman. Nu har han nya blåmärken på ryggen. Vad gör vi?';
      expect((await withDetector.answer(message)).citations[0]?.id).toBe('akut-oro');
    });

    it('leads with the akut routine when the writer is unsure whether what they heard is enough to report', async () => {
      const message = 'En flicka i sexan berättar att styvpappan sparkar henne och hon är rädd att gå hem i dag. Vi vet inte om det räcker för en anmälan. Vad ska vi göra?';
      expect((await withDetector.answer(message)).citations[0]?.id).toBe('akut-oro');
    });

    it('does not read "what to do with" something the routines lack as a question about the child', async () => {
      for (const message of [
        'En elev berättade att pappa slog henne i helgen. Vad ska vi göra med lönerevisionen i vår?',
        'En elev berättade att pappa slog henne i helgen. Hur många semesterdagar har en lärare per år?',
      ]) {
        expect((await withDetector.answer(message)).kind, message).toBe('no-answer');
      }
    });
  });

  describe('with a model behind an OpenAI-compatible endpoint', () => {
    let server: LocalModelServer;
    let fallbacks: string[];
    let details: string[];
    let phrased: Answerer;
    beforeAll(async () => {
      server = await startLocalModelServer({ kind: 'reply', content: () => '' });
      fallbacks = [];
      details = [];
      phrased = await createAnswerer(knowledge, knowledgeDir, {
        phraser: new OpenAiPhraser({ baseUrl: server.baseUrl, apiKey: 'local', model: 'local-model', timeoutMs: 800 }),
        phraserTimeoutMs: 800,
        events: {
          modelFallback: (code, detail) => {
            fallbacks.push(code);
            details.push(detail);
          },
        },
      });
    });
    afterAll(async () => {
      await server.close();
    });

    describe('when the model answers from the passages and cites them', () => {
      it('uses the model text, marks it AI generated and keeps only the cited sources', async () => {
        server.behave({ kind: 'reply', content: () => 'Nej, ni behöver inte vara säkra – det räcker med en misstanke för att anmäla [1].' });
        const answer = await phrased.answer(QUESTION);
        expect(answer.aiGenerated).toBe(true);
        expect(answer.text).toContain('det räcker med en misstanke');
        expect(answer.citations.map((c) => c.id)).toEqual(['anmalningsskyldighet']);
        expect(answer.text).toBe('Nej, ni behöver inte vara säkra – det räcker med en misstanke för att anmäla [1].');
        const prompt = server.requests.at(-1)!.messages.map((m) => m.content).join('\n');
        expect(prompt).toContain(knowledge.byId('anmalningsskyldighet')!.body);
        expect(prompt).toContain(QUESTION);
      });
    });

    describe('when the model cites a passage it was not given', () => {
      it('falls back to the extractive answer', async () => {
        server.behave({ kind: 'reply', content: () => 'Ni måste ha bevis innan ni anmäler [3].' });
        const answer = await phrased.answer(QUESTION);
        expect(answer.aiGenerated).toBe(false);
        expect(answer.text).toMatch(/^\*\*Nej\.\*\* Du behöver inte vara säker/);
        expect(fallbacks.at(-1)).toBe('MODEL_OUTPUT_REFUSED');
        expect(details.at(-1)).toBe('citation-outside-passages');
      });
    });

    describe('when the model adds a link, markup, an e-mail address or a phone number the passages do not have', () => {
      it.each([
        ['a URL', 'Nej, en misstanke räcker [1]. Läs mer på https://anmal.example/oro.', 'added-url', 'anmal.example'],
        ['a bare domain', 'Nej, en misstanke räcker [1]. Se anmal-oro.com.', 'added-url', 'anmal-oro.com'],
        ['a Markdown link', 'Nej, en [misstanke räcker](https://anmal.example/oro) [1].', 'added-markup', 'anmal.example'],
        ['an HTML tag', 'Nej, en misstanke räcker <script>location="//anmal.example"</script> [1].', 'added-markup', '<script>'],
        ['a phone number', 'Nej, en misstanke räcker – ring 08-123 456 78 [1].', 'added-phone', '123 456 78'],
        ['an e-mail address', 'Nej, en misstanke räcker – mejla oro@anmal.example [1].', 'added-email', 'oro@anmal.example'],
      ])('falls back to the extractive answer for %s, reporting only the reason', async (_kind, reply, reason, added) => {
        server.behave({ kind: 'reply', content: () => reply });
        const answer = await phrased.answer(QUESTION);

        expect(answer.aiGenerated).toBe(false);
        expect(answer.text).toMatch(/^\*\*Nej\.\*\* Du behöver inte vara säker/);
        expect(answer.text).not.toContain(added);
        expect(fallbacks.at(-1)).toBe('MODEL_OUTPUT_REFUSED');
        expect(details.at(-1)).toBe(reason);
      });
    });

    describe('when a question asks the date of a source document', () => {
      it('gives the date from the sources file, which the entry given to the model does not hold', async () => {
        server.behave({ kind: 'reply', content: () => 'Rapporten föreslår att en anmälan som regel ska vara skriftlig [1].' });
        const answer = await phrased.answer('Vilket år är Östermalmsrapporten från?');
        expect(answer.aiGenerated).toBe(false);
        expect(answer.text).toMatch(/^”Samverkan mellan förskola, skola och socialtjänst på Östermalm .*” är från 2007\./);
      });
    });

    describe('when the model repeats the mottagningssektionernas phone numbers from the passages', () => {
      it('uses the model text, however the numbers are written', async () => {
        server.behave({ kind: 'reply', content: () => 'Mottagningssektion Norr nås på 08–530 622 55 och Södra på +46 8 530 619 05 [1].' });
        const answer = await phrased.answer('Vilket telefonnummer har mottagningssektionen?');

        expect(answer.aiGenerated).toBe(true);
        expect(answer.text).toContain('+46 8 530 619 05');
        expect(answer.citations[0]?.id).toBe('kontakter-mottagningssektionen');
      });
    });

    describe('when the model invents a phone number', () => {
      it('falls back to the extractive answer', async () => {
        server.behave({ kind: 'reply', content: () => 'Ring 08-123 456 78 och anmäl direkt, en misstanke räcker [1].' });
        const answer = await phrased.answer(QUESTION);
        expect(answer.aiGenerated).toBe(false);
        expect(answer.text).not.toContain('123 456 78');
        expect(details.at(-1)).toBe('added-phone');
      });
    });

    describe('when the model gives no citation', () => {
      it('falls back to the extractive answer', async () => {
        server.behave({ kind: 'reply', content: () => 'Nej, en misstanke räcker gott och väl för att anmäla.' });
        expect((await phrased.answer(QUESTION)).aiGenerated).toBe(false);
      });
    });

    describe('when the model server errors', () => {
      it('falls back to the extractive answer and reports MODEL_ERROR', async () => {
        server.behave({ kind: 'error', status: 500 });
        const answer = await phrased.answer(QUESTION);
        expect(answer.kind).toBe('answer');
        expect(answer.aiGenerated).toBe(false);
        expect(fallbacks.at(-1)).toBe('MODEL_ERROR');
      });
    });

    describe('when the model server hangs', () => {
      it('gives up within the budget and answers extractively', async () => {
        server.behave({ kind: 'hang' });
        const answer = await phrased.answer(QUESTION);
        expect(answer.aiGenerated).toBe(false);
        expect(answer.citations[0]?.id).toBe('anmalningsskyldighet');
        expect(fallbacks.at(-1)).toBe('MODEL_TIMEOUT');
      });
    });

    describe('when nothing in the routines fits', () => {
      it('does not ask the model at all', async () => {
        server.behave({ kind: 'reply', content: () => 'Påhittat svar [1].' });
        const before = server.requests.length;
        const answer = await phrased.answer('Hur bokar jag en parkeringsplats vid kommunhuset?');
        expect(answer.kind).toBe('no-answer');
        expect(server.requests.length).toBe(before);
      });
    });
  });

  describe('checkPhrasedAnswer, when a passage itself carries a link, an e-mail address and markup', () => {
    const CHECKLIST_URL = 'https://www.botkyrka.se/barn-och-familj/checklista-orosanmalan';
    const withLinks = () => {
      const entry = knowledge.byId('checklista-anmalan')!;
      return { ...entry, body: `${entry.body}\n\nChecklistan: [Checklista för orosanmälan](${CHECKLIST_URL}). Frågor: mottagningen@botkyrka.se<br>` };
    };

    it('accepts model text that repeats them', () => {
      const text = `Använd [Checklista för orosanmälan](${CHECKLIST_URL}), som också finns på www.botkyrka.se [1]. Frågor: Mottagningen@botkyrka.se<br>`;
      const answer = checkPhrasedAnswer(text, [withLinks()], 'Var finns checklistan?');
      expect(answer.aiGenerated).toBe(true);
      expect(answer.text).toContain(CHECKLIST_URL);
    });

    it.each([
      ['added-url', 'Använd checklistan på https://www.botkyrka.se/annan-checklista [1].'],
      ['added-markup', `Använd [checklistan](${CHECKLIST_URL}?ref=modell) [1].`],
      ['added-email', 'Frågor: socialtjansten@botkyrka.se [1].'],
      ['added-markup', 'Frågor: mottagningen@botkyrka.se<hr> [1].'],
    ])('still refuses what is not there (%s)', (reason, text) => {
      let error: unknown;
      try {
        checkPhrasedAnswer(text, [withLinks()], 'Var finns checklistan?');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ModelOutputRefusedError);
      expect(error).toMatchObject({ code: 'MODEL_OUTPUT_REFUSED', reason });
    });
  });
});
