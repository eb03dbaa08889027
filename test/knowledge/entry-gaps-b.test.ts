import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../knowledge/answerer.js';
import { createAnswerer } from '../../knowledge/create-answerer.js';
import { loadKnowledge } from '../../knowledge/load-knowledge.js';

const knowledgeDir = path.resolve(import.meta.dirname, '../../knowledge');

/**
 * The `gaps` of the entries from ostermalm-forum to vem-leder-anmalningsmotet: a question for a detail the routines do
 * not give is declined with what they do give, and a question on the same entry that they answer is still answered.
 */
describe('entry gaps (ostermalm-forum … vem-leder-anmalningsmotet)', () => {
  let answerer: Answerer;
  beforeAll(async () => {
    const knowledge = await loadKnowledge(knowledgeDir);
    answerer = await createAnswerer(knowledge, knowledgeDir);
  });

  const answeredBy = async (question: string) => {
    const answer = await answerer.answer(question);
    return answer.kind === 'answer' ? answer.citations[0]?.id : 'no-answer';
  };

  /** Declined with the gap's sentence, no citation, and whom to call. */
  const expectDeclinedWith = async (question: string, says: string) => {
    const answer = await answerer.answer(question);
    expect(answer.kind, question).toBe('no-answer');
    expect(answer.citations, question).toHaveLength(0);
    expect(answer.text, question).toContain(says);
    expect(answer.text, question).toContain('08-530 622 55');
  };

  describe('when asked for telephone hours in a holiday', () => {
    it('declines, giving the ordinary hours, instead of answering that the line is closed for lunch', async () => {
      await expectDeclinedWith('Är mottagningen stängd på sommaren?', 'säger inget om andra tider under sommar, lov eller helgdagar');
      expect(await answeredBy('När öppnar mottagningen telefonen på måndagar?')).toBe('telefontider-mottagningen');
    });
  });

  describe('when asked whether the school may give information to the police', () => {
    it('declines rather than answering yes from the duty to report to social services', async () => {
      await expectDeclinedWith('Bryter anmälningsskyldigheten sekretessen mot polisen?', 'när skolan får lämna uppgifter till polisen säger rutinerna inget om');
      // Giving social services information while the police investigate is the duty to report, and is answered.
      expect(await answeredBy('Måste vi lämna uppgifter till soc även om polisen redan utreder?')).toBe('uppgiftsskyldighet');
    });
  });

  describe('when asked whether both guardians must consent', () => {
    it('declines, though the entry says that the guardians consent', async () => {
      await expectDeclinedWith('Måste båda vårdnadshavarna samtycka till en SIP?', 'men inte om det krävs samtycke från båda vårdnadshavarna');
      expect(await answeredBy('När ska barnet erbjudas en SIP?')).toBe('sip');
    });
  });

  describe('when asked how a consent is documented', () => {
    it('declines rather than answering from the entry that says service interventions are not documented', async () => {
      await expectDeclinedWith('Ska samtycket dokumenteras?', 'men inte hur samtycket ska dokumenteras');
      expect(await answeredBy('Sker någon dokumentation av serviceinsatser?')).toBe('serviceinsats-eller-beslutad-insats');
      expect(await answeredBy('Kan samtycket vara muntligt?')).toBe('samtycke-definition');
    });
  });

  describe('when asked who decides to extend an investigation', () => {
    it('declines, giving the four months and that special reasons can extend them', async () => {
      await expectDeclinedWith('Vem bestämmer att utredningstiden förlängs?', 'men inte vem som beslutar om förlängningen');
      expect(await answeredBy('Kan utredningen förlängas?')).toBe('utredning');
    });
  });

  describe('when asked whether the school may read the implementation plan', () => {
    it('declines rather than answering yes because its task is written there', async () => {
      await expectDeclinedWith('Får skolan läsa genomförandeplanen?', 'men inte om förskolan/skolan får läsa planen');
      expect(await answeredBy('Vad är en genomförandeplan?')).toBe('skolans-del-i-insats');
    });
  });

  describe('when asked for the absence limit of Team skolnärvaro', () => {
    it("declines, naming Stockholm's 20 percent as Stockholm's, instead of giving another percentage", async () => {
      await expectDeclinedWith('Hur många procent ogiltig frånvaro ska en elev ha för att få Team skolnärvaro?', 'anger ingen gräns i procent eller dagar');
      expect(await answeredBy('Är Team skolnärvaro en utredning?')).toBe('team-skolnarvaro');
    });
  });

  describe('when asked whether the principal may change a report', () => {
    it('declines with who stands for the report, instead of answering from how the Stockholm report gathered views', async () => {
      await expectDeclinedWith('Får rektor ändra i min orosanmälan?', 'men inte om rektor får ändra i en anmälan');
      expect(await answeredBy('Är det jag eller rektorn som ska göra anmälan?')).toBe('vem-gor-anmalan');
    });
  });
});
