import { beforeAll, describe, expect, it } from 'vitest';
import { answerCallLine, callLineMayNameSchool, type CallLineInput } from '../../dialogs/answer-call-line.js';
import type { KnowledgeBase } from '../../knowledge/load-knowledge.js';
import type { RoutineTexts } from '../../municipality/routine-texts.js';
import { schoolInfo } from '../../municipality/schools.js';
import { realKnowledge, realRoutines } from './dialog-harness.js';

describe('answerCallLine', () => {
  let knowledge: KnowledgeBase;
  let routines: RoutineTexts;
  beforeAll(async () => {
    [knowledge, routines] = await Promise.all([realKnowledge(), realRoutines()]);
  });

  /** The line for an answer made from `ids`, with `text` as its text. */
  function lineFor(ids: readonly string[], options: { text?: string; school?: string } = {}): string | undefined {
    const input: CallLineInput = {
      text: options.text ?? 'Ett svar utan nummer. [1]',
      entries: ids.map((id) => knowledge.byId(id)!),
      contacts: knowledge.contacts,
      texts: routines.answers.callLine,
      ...(options.school ? { school: schoolInfo(knowledge.contacts, options.school) } : {}),
    };
    return answerCallLine(input);
  }

  describe('when an entry of the answer says to reach the mottagningssektion', () => {
    it('gives only the section of the user’s school, named with the school', () => {
      expect(lineFor(['konsultation'], { school: 'tunaskolan' })).toBe('**Ring Mottagningssektion Södra** (Tunaskolan): 08-530 619 05');
      expect(lineFor(['anmalningsskyldighet', 'orosanmalan'], { school: 'grindtorpsskolan' })).toBe('**Ring Mottagningssektion Norr** (Grindtorpsskolan): 08-530 622 55');
    });

    it('gives the section of an area chosen without a school', () => {
      expect(lineFor(['muntlig-anmalan'], { school: 'annan-sodra' })).toBe('**Ring Mottagningssektion Södra** (en annan förskola/skola i Södra): 08-530 619 05');
    });

    it('gives both sections, each with its areas, when the school is unknown or its area is', () => {
      const both =
        '**Ring mottagningssektionen för ert område:** Norr (Alby/Fittja, Hallunda/Norsborg) 08-530 622 55 · Södra (Tullinge, Tumba) 08-530 619 05. Skriv **byt skola** så visar jag bara ert nummer.';
      expect(lineFor(['orosanmalan'])).toBe(both);
      expect(lineFor(['orosanmalan'], { school: 'annan' })).toBe(both);
      // One number in the text is not both.
      expect(lineFor(['orosanmalan'], { text: 'Ring Norr på 08-530 622 55. [1]' })).toBe(both);
    });

    it('adds nothing when the answer already gives the number', () => {
      expect(lineFor(['vem-kontaktar-vi-nar'], { text: knowledge.byId('vem-kontaktar-vi-nar')!.body, school: 'tunaskolan' })).toBeUndefined();
      expect(lineFor(['orosanmalan'], { text: 'Norr: 08‑530 622 55, Södra: 08-530 619 05 [1]' })).toBeUndefined();
    });
  });

  describe('when no entry of the answer says to reach the mottagningssektion', () => {
    it('adds nothing, whatever the school', () => {
      expect(lineFor(['anmalningsskyldighet'], { school: 'tunaskolan' })).toBeUndefined();
      expect(lineFor(['vem-gor-anmalan'])).toBeUndefined();
    });
  });

  describe('callLineMayNameSchool (the school is looked up only when it can change the line)', () => {
    const schools = ['tunaskolan', 'grindtorpsskolan', 'annan-sodra', 'annan', undefined];
    const cases: { ids: string[]; text?: string }[] = [
      { ids: ['orosanmalan'] },
      { ids: ['orosanmalan'], text: 'Ring Norr på 08-530 622 55. [1]' },
      { ids: ['orosanmalan'], text: 'Norr: 08‑530 622 55, Södra: 08-530 619 05 [1]' },
      { ids: ['anmalningsskyldighet'] },
      { ids: ['vem-gor-anmalan'] },
    ];

    it('says no only when the line is the same for every school', () => {
      for (const { ids, text } of cases) {
        const lines = new Set(schools.map((school) => lineFor(ids, { ...(text ? { text } : {}), ...(school ? { school } : {}) })));
        const input = { text: text ?? 'Ett svar utan nummer. [1]', entries: ids.map((id) => knowledge.byId(id)!), contacts: knowledge.contacts, texts: routines.answers.callLine };
        if (!callLineMayNameSchool(input)) expect([...lines]).toEqual([undefined]);
        else expect(lines.size).toBeGreaterThan(1);
      }
    });
  });
});
