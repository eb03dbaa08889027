import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../knowledge/answerer.js';
import { createAnswerer } from '../../knowledge/create-answerer.js';
import { loadKnowledge } from '../../knowledge/load-knowledge.js';

const knowledgeDir = path.resolve(import.meta.dirname, '../../knowledge');

/** The first paragraph of an answer: what a reader sees before anything else. */
function lead(text: string): string {
  return text.split(/\n\s*\n/)[0]!;
}

describe('AnswerComposer (through the Answerer, on the shipped knowledge base)', () => {
  let answerer: Answerer;
  beforeAll(async () => {
    answerer = await createAnswerer(await loadKnowledge(knowledgeDir), knowledgeDir);
  });

  describe('when a yes/no question is settled by an entry', () => {
    it.each([
      ['Får vi mejla utlåtandet till socialtjänsten?', 'Nej'],
      ['Kan vi prata med socialtjänsten anonymt om ett barn?', 'Ja'],
      ['Behöver vi ha bevis innan vi anmäler?', 'Nej'],
      ['Har förskolan någon egen kontaktperson på soc?', 'Nej'],
      ['Kan ett samtycke tas tillbaka?', 'Ja'],
    ])('"%s" starts with %s', async (question, word) => {
      const answer = await answerer.answer(question);
      expect(answer.text).toMatch(new RegExp(`^\\*\\*${word}\\.\\*\\*\\s+\\S`));
    });

    it('follows "Nej" with a sentence that says what is not so, rather than the earliest sentence on the topic', async () => {
      const answer = await answerer.answer('Ska gymnasierektorerna sitta med i de lokala samverkansgrupperna?');
      expect(answer.citations[0]?.id).toBe('lokala-samverkansgrupper');
      expect(lead(answer.text)).toMatch(/^\*\*Nej\.\*\* Gymnasierektorer ingår inte/);
    });

    it('leads with "Ja" when no claim settles it but the lead sentence says what is asked with the same modal verb', async () => {
      const said = await answerer.answer('Kan socialtjänsten fortsätta att följa upp en ungdom utan samtycke när placeringen är avslutad?');
      expect(said.text).toMatch(/^\*\*Ja\.\*\* Efter en avslutad placering kan socialtjänsten/);
      // A sentence with the same modal about another subject or another act says nothing of what is asked.
      expect((await answerer.answer('Kan en orosanmälan dras tillbaka?')).text).not.toMatch(/^\*\*(Ja|Nej)\./);
      expect((await answerer.answer('Kan socialtjänsten placera ett barn utan föräldrarnas samtycke?')).text).not.toMatch(/^\*\*(Ja|Nej)\./);
      // Asked in the negative, the sentence's yes is not the answer's opening word.
      const negated = await answerer.answer('Kan socialtjänsten inte följa upp en ungdom efter en avslutad placering?');
      expect(negated.text).not.toMatch(/^\*\*Ja\./);
    });

    it('leads with neither when claims in situations the question does not name say both yes and no', async () => {
      // Without consent the school hears only that it ended; with consent, what it led to.
      const depends = await answerer.answer('Får förskolan veta vad utredningen kom fram till?');
      expect(depends.citations[0]?.id).toBe('aterkoppling-efter-utredning');
      expect(depends.text).not.toMatch(/^\*\*(Ja|Nej)\./);
      // One exception ("[om barnets namn nämns]") leaves the rule's answer.
      expect((await answerer.answer('Får vi konsultera soc anonymt om en elev?')).text).toMatch(/^\*\*Ja\.\*\*/);
    });

    it('turns a claim\'s answer around when the question says open where the claim says closed', async () => {
      expect((await answerer.answer('Har mottagningen öppet under lunchen?')).text).toMatch(/^\*\*Nej\.\*\*/);
      expect((await answerer.answer('Är mottagningen stängd under lunchen?')).text).toMatch(/^\*\*Ja\.\*\*/);
    });

    it('does not settle a question with a claim that shares its setting but not what is done in it', async () => {
      // Telling the school that an investigation is under way is not deciding on support while it is.
      const answer = await answerer.answer('Får socialtjänsten meddela förskolan att en utredning redan pågår?');
      expect(answer.text).not.toMatch(/^\*\*Ja\.\*\* Socialtjänsten kan besluta/);
    });

    it('does not take a sentence that one may for an answer to whether only some may', async () => {
      expect((await answerer.answer('Kan bara vårdnadshavarna ge samtycke?')).text).not.toMatch(/^\*\*Ja\./);
    });

    it('answers whether something exists ("Finns det …?") only from a claim that names that thing', async () => {
      // The claims about what guardians may see do not say whether an age limit exists; the one about a fixed limit does.
      expect((await answerer.answer('Finns det en åldersgräns för när föräldrar får ta del av uppgifter?')).text).not.toMatch(/^\*\*Ja\./);
      expect((await answerer.answer('Finns det en fast åldersgräns för föräldrarnas insyn?')).text).toMatch(/^\*\*Nej\.\*\*/);
    });

    it('does not answer whether we may with a no about what someone else does', async () => {
      // "Tar socialtjänsten över ansvaret …?" – nej says nothing against consulting them about it.
      expect((await answerer.answer('Kan vi konsultera socialtjänsten om ansvaret för anmälan?')).text).not.toMatch(/^\*\*Nej\./);
    });

    it('reads "har möjlighet att" as "får" and "ska" as "måste" in the lead sentence, and a scope word both say', async () => {
      expect((await answerer.answer('Får förskolan konsultera socialtjänsten när personalen är orolig för ett barn?')).text).toMatch(/^\*\*Ja\.\*\* Förskola\/skola har möjlighet att/);
      expect((await answerer.answer('Behöver socialtjänsten alltid meddela anmälaren vem som blir handläggare?')).text).toMatch(/^\*\*Ja\.\*\* Socialtjänsten ska alltid/);
    });

    it('takes the investigation unit for the social services a claim names', async () => {
      // "Måste anmälningsmötet hållas [hos socialtjänsten]?" – nej: the meeting is held at the school.
      expect((await answerer.answer('Måste anmälningsmötet hållas hos utredningsenheten?')).text).toMatch(/^\*\*Nej\.\*\*/);
    });

    it('does not answer whether one must with a claim about whether one may', async () => {
      const may = await answerer.answer('Kan vi konsultera socialtjänsten anonymt?');
      expect(may.text).toMatch(/^\*\*Ja\.\*\*/);
      const must = await answerer.answer('Behöver vi säga barnets namn när vi konsulterar anonymt?');
      expect(must.text).not.toMatch(/^\*\*Ja\./);
    });

    it('reads the situation told before the question', async () => {
      const told = await answerer.answer('En elev har berättat att pappa slår henne. Ska vi säga till föräldrarna att vi anmäler?');
      expect(told.text).toMatch(/^\*\*Nej\.\*\*/);
      const untold = await answerer.answer('Ska vi säga till föräldrarna att vi anmäler?');
      expect(untold.text).not.toMatch(/^\*\*(Ja|Nej)\./);
    });

    it('leaves out of the situation told what the message says is not the case, and its numbers must fit', async () => {
      const neglect = await answerer.answer('Eleven kommer ofta hungrig och i smutsiga kläder. Inget tyder på våld. Ska vi säga till föräldrarna att vi anmäler?');
      expect(neglect.text).not.toMatch(/^\*\*Nej\./);
      expect((await answerer.answer('Eleven har fyllt 17. Måste vi anmäla?')).text).not.toMatch(/^\*\*Nej\./);
    });

    it('does not take an everyday word for the situation a claim holds in', async () => {
      // "[om barnets namn nämns]" is not named by "barnet" alone.
      const answer = await answerer.answer('Får vi konsultera soc anonymt om barnet?');
      expect(answer.text).toMatch(/^\*\*Ja\.\*\*/);
    });

    it('does not take "misstänker" for the acute situation a claim holds in', async () => {
      expect((await answerer.answer('Ska vi informera föräldrarna om anmälan vid akut oro?')).text).toMatch(/^\*\*Nej\.\*\*/);
      expect((await answerer.answer('Ska vi informera föräldrarna om anmälan när vi misstänker försummelse?')).text).not.toMatch(/^\*\*Nej\./);
    });

    it('takes "eleven" and "barnet" for the same child', async () => {
      expect((await answerer.answer('Kan eleven få en beslutad insats på skoltid?')).text).toMatch(/^\*\*Ja\.\*\*/);
    });

    it('does not answer what goes to rektor with a claim about another document', async () => {
      expect((await answerer.answer('Ska orosanmälan skickas till rektorn?')).text).not.toMatch(/^\*\*Ja\./);
    });

    it('does not answer about one person with a claim about another', async () => {
      expect((await answerer.answer('Skickas BBIC-utlåtandet till rektorn?')).text).toMatch(/^\*\*Ja\.\*\*/);
      expect((await answerer.answer('Skickas BBIC-utlåtandet till mentorn?')).text).not.toMatch(/^\*\*Ja\./);
    });

    it('reads "Är det X som …?" as a claim about X', async () => {
      expect((await answerer.answer('Följer socialtjänsten upp beslutade insatser?')).text).toMatch(/^\*\*Ja\.\*\*/);
      expect((await answerer.answer('Följer skolan upp beslutade insatser?')).text).not.toMatch(/^\*\*Ja\./);
    });

    it('answers from the exception when the question names it', async () => {
      expect((await answerer.answer('Måste gymnasierektorer vara med i en lokal samverkansgrupp?')).text).toMatch(/^\*\*Nej\.\*\*/);
      expect((await answerer.answer('Måste grundskolerektorer vara med i en lokal samverkansgrupp?')).text).toMatch(/^\*\*Ja\.\*\*/);
    });

    it('does not carry a no about "always" or "only" over to the plain question', async () => {
      expect((await answerer.answer('Leder en anmälan alltid till utredning?')).text).toMatch(/^\*\*Nej\.\*\*/);
      expect((await answerer.answer('Kan en anmälan leda till en utredning?')).text).not.toMatch(/^\*\*Nej\./);
      expect((await answerer.answer('Gäller anmälningsskyldigheten bara kuratorn?')).text).not.toMatch(/^\*\*Ja\./);
      expect((await answerer.answer('Gäller anmälningsskyldigheten kuratorn?')).text).not.toMatch(/^\*\*Nej\./);
    });

    it('says "Jo" to a question asked in the negative, "Ja" when the negation is inside what is asked', async () => {
      expect((await answerer.answer('Ska vi inte anmäla genast när vi misstänker att ett barn far illa?')).text).toMatch(/^\*\*Jo\.\*\*/);
      expect((await answerer.answer('Är anmälan rätt gjord om den inte leder till någon utredning?')).text).toMatch(/^\*\*Ja\.\*\*/);
    });

    it('does not answer a question about what is not the case with a claim about what is', async () => {
      // A yes to a question with a negation in it opens "Jo": neither may open these.
      expect((await answerer.answer('Gäller styrdokumentet barn som inte är folkbokförda i Botkyrka?')).text).not.toMatch(/^\*\*(Ja|Jo)\./);
      expect((await answerer.answer('Kan skolan och socialtjänsten samarbeta under utredningen om vårdnadshavarna inte samtycker?')).text).not.toMatch(
        /^\*\*(Ja|Jo)\./,
      );
    });

    it('answers a question about who is left out with a no from a claim about "only" whom', async () => {
      // "Gäller styrdokumentet bara barn folkbokförda i Botkyrka?" – ja.
      expect((await answerer.answer('Gäller styrdokumentet barn som inte är folkbokförda i kommunen?')).text).toMatch(/^\*\*Nej\.\*\*/);
      expect((await answerer.answer('Gäller styrdokumentet barn som är folkbokförda i Botkyrka?')).text).toMatch(/^\*\*Ja\.\*\*/);
    });

    it('reads "om de inte samtycker" as the claim\'s "utan samtycke", and a no about what as no no to anything', async () => {
      expect((await answerer.answer('Om vårdnadshavarna inte vill ge samtycke, får förskolan höra vad utredningen ledde till?')).text).toMatch(/^\*\*Nej\.\*\*/);
      expect((await answerer.answer('Om vårdnadshavarna inte samtycker, får förskolan veta något alls efter utredningen?')).text).not.toMatch(/^\*\*Nej\./);
      // Without consent the school is still told that the investigation has ended.
      expect((await answerer.answer('Får skolan veta att utredningen är avslutad utan samtycke?')).text).toMatch(/^\*\*Ja\.\*\*/);
      expect((await answerer.answer('Får förskolan veta om utredningen har avslutats, om föräldrarna inte samtycker?')).text).toMatch(/^\*\*Ja\.\*\*/);
    });

    it('answers for an age within the bound a claim names', async () => {
      // "Gäller anmälningsskyldigheten för elever som är [över 18 år]?" – nej.
      expect((await answerer.answer('Är vi anmälningsskyldiga för en 20-åring?')).text).toMatch(/^\*\*Nej\.\*\*/);
      expect((await answerer.answer('Gäller anmälningsplikten en elev på 16 år?')).text).not.toMatch(/^\*\*Nej\./);
    });

    it('takes "skolan" and "skolorna", "pågår" and "pågående", and the social services however named as the same words', async () => {
      expect((await answerer.answer('Kan man göra en anonym orosanmälan om man jobbar på skolan?')).text).toMatch(/^\*\*Nej\.\*\*/);
      expect((await answerer.answer('Måste vi anmäla igen när det kommer ny oro under en pågående utredning?')).text).toMatch(/^\*\*Ja\.\*\*/);
      expect((await answerer.answer('Får utredningen pågå längre än fyra månader?')).text).toMatch(/^\*\*Ja\.\*\*/);
    });

    it('leaves the source a question cites and the example it gives out of what it asks', async () => {
      expect((await answerer.answer('Enligt styrdokumentet, gäller anmälningsplikten personalen på fritidshemmet?')).text).toMatch(/^\*\*Ja\.\*\*/);
      expect((await answerer.answer('Får socialsekreteraren prata med andra, till exempel skolsköterskan, under utredningen?')).text).toMatch(/^\*\*Ja\.\*\*/);
    });

    it('reads the situation told after the question too', async () => {
      expect((await answerer.answer('Får vi berätta för föräldrarna att vi anmäler? Oron gäller försummelse.')).text).toMatch(/^\*\*Ja\.\*\*/);
      expect((await answerer.answer('Får vi berätta för föräldrarna att vi anmäler? Pappa slår barnet.')).text).toMatch(/^\*\*Nej\.\*\*/);
    });

    it('gives the yes/no part of a question in two parts its yes or no, after the answer to the first part', async () => {
      const answer = await answerer.answer('Vem kan ge samtycke för en elev, och kan samtycket lämnas muntligt?');
      expect(answer.text).not.toMatch(/^\*\*(Ja|Nej)\./);
      expect(answer.text).toContain('**Kan samtycket lämnas muntligt?** Ja.');
    });

    it('answers the first part of a two-part question with its yes or no, not with the situation of the second', async () => {
      expect((await answerer.answer('Kan vi rådfråga socialtjänsten anonymt, och vad händer om vi nämner elevens namn?')).text).toMatch(/^\*\*Ja\.\*\*/);
      expect((await answerer.answer('Är konsultationen anonym om vi nämner elevens namn?')).text).toMatch(/^\*\*Nej\.\*\*/);
    });

    it('takes "slipper", "vägra", "låta bli" as asking the opposite', async () => {
      expect((await answerer.answer('Måste vi fylla i BBIC-utlåtandet?')).text).toMatch(/^\*\*Ja\.\*\*/);
      expect((await answerer.answer('Kan vi vägra att fylla i BBIC-utlåtandet?')).text).not.toMatch(/^\*\*(Ja|Jo)\./);
    });

    it('does not answer a question that only names a claim\'s situation, about something else', async () => {
      // "Gäller rutinen för [fritidshemmen]?" says nothing of contact persons.
      expect((await answerer.answer('Omfattas fritids av rutinen?')).text).toMatch(/^\*\*Ja\.\*\*/);
      expect((await answerer.answer('Finns det kontaktpersoner för fritidshem?')).text).not.toMatch(/^\*\*Ja\./);
    });

    it('does not answer for a number the claim does not name', async () => {
      // Skolsociala team work with årskurs 4–9.
      expect((await answerer.answer('Kan en elev i årskurs 2 få hjälp av ett skolsocialt team?')).text).not.toMatch(/^\*\*(Ja|Nej)\./);
      expect((await answerer.answer('Arbetar skolsociala team med elever i årskurs 4–9?')).text).toMatch(/^\*\*Ja\.\*\*/);
    });

    it('does not answer whether someone must with a claim about whether someone may', async () => {
      expect((await answerer.answer('Kan rektor göra anmälan?')).text).toMatch(/^\*\*Ja\.\*\*/);
      expect((await answerer.answer('Är det rektor som måste göra anmälan?')).text).not.toMatch(/^\*\*Ja\./);
    });

    it('does not answer "after lunch" with a claim about "during lunch"', async () => {
      expect((await answerer.answer('Kan man ringa mottagningen på lunchen?')).text).toMatch(/^\*\*Nej\.\*\*/);
      expect((await answerer.answer('Kan man ringa mottagningen efter lunch?')).text).not.toMatch(/^\*\*Nej\./);
    });

    it('finds the yes/no question after a topic and a dash, or after a comma', async () => {
      expect((await answerer.answer('Fritids – omfattas de av rutinen?')).text).toMatch(/^\*\*Ja\.\*\*/);
      expect((await answerer.answer('Vi har faxat anmälan, räcker det?')).text).toMatch(/^\*\*Nej\.\*\*/);
    });

    it('matches a compound in the question with the same compound in a claim, weighed once', async () => {
      expect((await answerer.answer('Går det att förlänga utredningstiden?')).text).toMatch(/^\*\*Ja\.\*\*/);
    });

    it('does not say yes or no when the routines answer "it depends"', async () => {
      const answer = await answerer.answer('Ska vi berätta för föräldrarna att vi gör en anmälan?');
      expect(answer.kind).toBe('answer');
      expect(answer.text).not.toMatch(/^\*\*(Ja|Nej)\./);
    });
  });

  describe('when a question asks for one number', () => {
    it('gives the fax number asked for first, not the telephone number', async () => {
      const first = lead((await answerer.answer('Vilket faxnummer har mottagningssektion Södra?')).text);
      expect(first).toContain('08-530 618 16');
      expect(first).not.toContain('08-530 619 05');
    });

    it('gives the closing time of the day asked about first', async () => {
      expect(lead((await answerer.answer('Till vilken tid svarar mottagningen på torsdagar?')).text)).toContain('16.00');
    });

    it('gives the number first even when its sentence does not repeat the question', async () => {
      expect(lead((await answerer.answer('Vilket nummer ringer man till socialjouren?')).text)).toContain('08-778 48 60');
    });

    it('gives the chapter and paragraph first when a law is asked about', async () => {
      expect(lead((await answerer.answer('Vilket lagrum gäller anmälningsskyldigheten?')).text)).toContain('14 kap. 1 §');
      expect(lead((await answerer.answer('Vilket kapitel i skollagen handlar om samverkan kring barn som far illa?')).text)).toContain('29 kap. 13 §');
    });

    it('gives the number of days first', async () => {
      expect(lead((await answerer.answer('Inom hur många dagar ska anmälningsmötet vara?')).text)).toContain('14 dagar');
    });

    it('declines to give a number for something the routines have none for', async () => {
      expect((await answerer.answer('Vilket telefonnummer har polisen i Botkyrka?')).kind).toBe('no-answer');
    });
  });

  describe('when the entry rests on a paragraph of law', () => {
    it('names the paragraph, the act and its version, and the new Social Services Act', async () => {
      const answer = await answerer.answer('Vilken paragraf ger skolan anmälningsplikt?');
      expect(answer.text).toMatch(/Lagrum: 14 kap\. 1 § SoL \(2001:453\) \[\d\]/);
      expect(answer.text).toContain('SoL (2025:400)');
    });

    it('names both acts that require collaboration', async () => {
      const answer = await answerer.answer('Vilken lag kräver att skola och socialtjänst samarbetar?');
      expect(answer.text).toMatch(/5 kap\. 1 a § SoL \(2001:453\)/);
      expect(answer.text).toMatch(/29 kap\. 13 § skollagen \(2010:800\)/);
    });
  });

  describe('when the question is written in English', () => {
    it('leads with one English line, then answers in Swedish from the same entry', async () => {
      const answer = await answerer.answer('Who do I call when the intake section is closed?');
      expect(answer.citations[0]?.id).toMatch(/socialjouren|akut-oro-mottagningen-stangd/);
      expect(lead(answer.text)).toMatch(/socialjouren.*\[1\]$/i);
      expect(answer.text).toMatch(/\n\nPå svenska: /);
    });

    it('says yes or no in English first', async () => {
      const answer = await answerer.answer('Can staff report anonymously?');
      expect(answer.text).toMatch(/^\*\*No\.\*\* /);
    });
  });

  describe('when the main entry names a followUp entry', () => {
    it('adds that entry’s point as its own cited paragraph, after the main entry', async () => {
      const answer = await answerer.answer('Hur går vi till väga för att göra en orosanmälan?');
      expect(answer.citations.map((c) => c.id)).toEqual(['orosanmalan', 'vem-gor-anmalan']);
      expect(answer.text).toContain('**Vem gör anmälan – du eller rektor?** Alla anställda är skyldiga att anmäla, men det kan vara lämpligt att rektor/förskolechef stöttar personalen och står för anmälan');
      expect(answer.text).toMatch(/står för anmälan[^\n]*\[2\]/);
      // The point comes after the main entry's own text, before the law.
      expect(answer.text.indexOf('Vem gör anmälan')).toBeGreaterThan(answer.text.indexOf('anmälningsmöte'));
      expect(answer.text.indexOf('Vem gör anmälan')).toBeLessThan(answer.text.indexOf('Lagrum:'));
    });

    it('adds the followed entry’s English sentence to the English line as well', async () => {
      const answer = await answerer.answer('What are the steps to file a report with social services about a child?');
      expect(answer.citations.map((c) => c.id)).toEqual(['orosanmalan', 'vem-gor-anmalan']);
      expect(lead(answer.text)).toMatch(/^Report directly to social services.*\[1\] The duty lies with every employee.*\[2\]$/);
      expect(answer.text).toMatch(/\n\nPå svenska: /);
      expect(answer.text).toContain('stöttar personalen och står för anmälan');
    });

    it('does not repeat the followed entry when it is the answer itself', async () => {
      const answer = await answerer.answer('Är det rektorn eller jag som lärare som skriver anmälan?');
      expect(answer.citations[0]?.id).toBe('vem-gor-anmalan');
      expect(answer.citations.filter((c) => c.id === 'vem-gor-anmalan')).toHaveLength(1);
      expect(answer.text).not.toContain('**Vem gör anmälan – du eller rektor?**');
    });
  });

  describe('when a question asks whether something holds always and the lead says it does not', () => {
    it('opens with "Nej"', async () => {
      const answer = await answerer.answer('Erbjuds ett anmälningsmöte i varje ärende enligt Stockholms stad?');
      expect(answer.citations[0]?.id).toBe('anmalningsmote-stockholmsrapporten');
      expect(answer.text).toMatch(/^\*\*Nej\.\*\* [^\n]*inte i varje situation/);
    });
  });

  describe('when the claim that settles a yes/no question is a runner-up\'s', () => {
    it('leads with that entry, and the best match by words follows', async () => {
      // "leder" made the entry on who leads the report meeting the best match by words; its opening after "Nej." answered nothing.
      const answer = await answerer.answer('Leder våra anmälningar alltid till att socialtjänsten utreder familjen?');
      expect(answer.citations[0]?.id).toBe('forhandsbedomning');
      expect(lead(answer.text)).toMatch(/^\*\*Nej\.\*\* En anmälan om att ett barn misstänks fara illa leder inte alltid till att socialtjänsten inleder en utredning/);
    });
  });

  describe('when a definition is asked for', () => {
    it('answers from the entry about the thing, not one that only mentions it', async () => {
      expect((await answerer.answer('Vad innebär anmälningsskyldighet?')).citations[0]?.id).toBe('anmalningsskyldighet');
      expect((await answerer.answer('Vad är samtycke?')).citations[0]?.id).toBe('samtycke-definition');
    });
  });

  describe('when a question has two parts', () => {
    it('answers each part from its own entry', async () => {
      const answer = await answerer.answer('Hur lång tid tar förhandsbedömningen, och hur lång tid får utredningen ta?');
      expect(answer.citations.map((c) => c.id)).toEqual(expect.arrayContaining(['forhandsbedomning', 'utredning']));
      expect(answer.text).toContain('14 dagar');
      expect(answer.text).toContain('fyra månader');
    });

    it('shows a sentence that points back ("I dem ingår …") when the sentence it points to answers the part', async () => {
      const answer = await answerer.answer('Vem är med i ledningsgruppen, och vem är med i LSG?');
      expect(answer.citations.map((c) => c.id)).toEqual(['ledningsgrupp-kraftsamling', 'lokala-samverkansgrupper']);
      expect(answer.text).toMatch(/Det finns fyra lokala samverkansgrupper[^\n]*I dem ingår sektionscheferna/);
    });

    it('sums up an entry the question only names by its opening, not by the sentences that repeat its name', async () => {
      const answer = await answerer.answer('Vad är skillnaden mellan ledningsgruppen och LSG?');
      expect(answer.citations.map((c) => c.id)).toEqual(['ledningsgrupp-kraftsamling', 'lokala-samverkansgrupper']);
      expect(answer.text).toContain('I dem ingår sektionscheferna');
    });

    it('answers a second part that names back the thing of the first ("den bedömningen") from the entry about it', async () => {
      for (const question of ['Vem håller i skyddsbedömningen, och vad omfattar den bedömningen?', 'Vem fattar beslut om förhandsbedömning, och vilka barn omfattas av den bedömningen?']) {
        const answer = await answerer.answer(question);
        expect(answer.citations.map((c) => c.id), question).not.toContain('malgrupp-kraftsamling');
      }
    });

    it('shows a further entry of two sentences whole', async () => {
      const answer = await answerer.answer('Hur fungerar en placering, och hur går det till när barnet flyttar hem igen?');
      expect(answer.citations.map((c) => c.id)).toEqual(['placering', 'flytt-hem-efter-placering']);
      expect(answer.text).toContain('Socialtjänsten ansvarar för att kalla till ett samverkansmöte');
    });
  });

  describe('when an entry tells what the older routine said besides the routine in force', () => {
    it('leads with the routine in force, and keeps the older routine in the answer', async () => {
      const answer = await answerer.answer('Vem bjuder in familjen till mötet när vi anmäler?');
      expect(answer.citations[0]?.id).toBe('anmalningsmote-planering');
      expect(lead(answer.text)).not.toMatch(/äldre rutinen/i);
      expect(answer.text).toContain('Den äldre rutinen lät socialsekreteraren');
    });

    it('leads with the older routine when the question asks about it', async () => {
      const answer = await answerer.answer('Vad sa den äldre rutinen om vem som bjuder in till anmälningsmötet?');
      expect(lead(answer.text)).toMatch(/^\(Den äldre rutinen lät/);
    });

    it('gives a side entry answering a later part its sentences in force, not its aside on the older routine', async () => {
      const answer = await answerer.answer('Vad är ett anmälningsmöte, och vem leder det?');
      const side = answer.text.split(/\n\s*\n/).find((p) => p.startsWith('**Planera anmälningsmötet'));
      expect(side).toBeDefined();
      expect(side).toContain('vem som leder mötet säger det inget om');
      expect(side).not.toMatch(/äldre rutinen/i);
    });
  });
});
