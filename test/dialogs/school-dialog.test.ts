import { describe, expect, it } from 'vitest';
import { parseCardAction } from '../../dialogs/card-actions.js';
import { schoolInfo, schoolOptions } from '../../municipality/schools.js';
import { cardNodes, cardOf, createDialogHarness, realKnowledge, stockholm, visibleText } from './dialog-harness.js';

const NOW = stockholm(2026, 11, 24, 10, 0);

describe('SchoolDialog', () => {
  describe('when the school is chosen from the list', () => {
    it('remembers it in the staff profile as a key only, and says which section it belongs to', async () => {
      const harness = await createDialogHarness({ now: NOW });
      await harness.press({ action: 'menu', routine: 'skola' });
      const [reply] = await harness.press({ action: 'school.choose', school: 'hallundaskolan' });
      expect(reply?.text).toBe('Tack! Jag kommer ihåg att du arbetar på Hallundaskolan (Mottagningssektion Norr). Skriv **byt skola** om det ändras.');
      expect([...harness.profiles]).toEqual([['user1', 'hallundaskolan']]);
    });

    it('does not ask again, also in another conversation of the same user', async () => {
      const harness = await createDialogHarness({ now: NOW });
      await harness.press({ action: 'menu', routine: 'skola' });
      await harness.press({ action: 'school.choose', school: 'hallundaskolan' });
      await harness.send({ text: 'orosanmälan', conversation: { id: 'Convo2', isGroup: false, conversationType: 'personal', name: 'Convo2' } });
      const replies = await harness.send({ text: 'nej', conversation: { id: 'Convo2', isGroup: false, conversationType: 'personal', name: 'Convo2' } });
      expect(replies.map(visibleText).join('\n')).not.toContain('Vilken förskola eller skola arbetar du på?');
      expect(visibleText(replies[0])).toContain('1 av 4: Vem anmäler?');
    });
  });

  describe('when the school is typed instead', () => {
    it('accepts the exact name regardless of case', async () => {
      const harness = await createDialogHarness({ now: NOW });
      await harness.send('byt skola');
      const [reply] = await harness.send('förskolan myran');
      expect(reply?.text).toMatch(/Förskolan Myran \(Mottagningssektion Norr\)/);
    });

    it('asks again, kindly, for a name that is not in the list', async () => {
      const harness = await createDialogHarness({ now: NOW });
      await harness.send('byt skola');
      const [reply] = await harness.send('Skolan på månen');
      expect(reply?.text).toMatch(/Jag hittade ingen förskola eller skola med det namnet/);
      expect(visibleText(reply)).toContain('Vilken förskola eller skola arbetar du på?');
    });
  });

  describe('when the user writes “byt skola”', () => {
    it('asks again even though the school is known, and keeps the new one', async () => {
      const harness = await createDialogHarness({ now: NOW });
      await harness.press({ action: 'menu', routine: 'skola' });
      await harness.press({ action: 'school.choose', school: 'hallundaskolan' });
      const [question] = await harness.send('byt skola');
      expect(visibleText(question)).toContain('Vilken förskola eller skola arbetar du på?');
      const [reply] = await harness.press({ action: 'school.choose', school: 'annan-sodra' });
      expect(reply?.text).toMatch(/en annan förskola\/skola i Södra \(Mottagningssektion Södra\)/);
    });
  });

  describe('the list', () => {
    it('offers every school in contacts.yaml, “annan” per area and “annan, vet inte”, each resolvable', async () => {
      const { contacts } = await realKnowledge();
      const harness = await createDialogHarness({ now: NOW });
      const [question] = await harness.press({ action: 'menu', routine: 'skola' });
      const choiceSet = cardNodes(cardOf(question)!).find((node) => node.type === 'Input.ChoiceSet')!;
      const values = (choiceSet.choices as { value: string }[]).map((choice) => choice.value);
      expect(values).toHaveLength(contacts.schools.length + 3);
      expect(values.slice(-3)).toEqual(['annan-norr', 'annan-sodra', 'annan']);
      for (const value of values) {
        expect(parseCardAction({ action: 'school.choose', school: value })).toBeDefined();
        expect(schoolInfo(contacts, value)).toBeDefined();
      }
      expect(schoolOptions(contacts).filter((s) => s.area === undefined).map((s) => s.key)).toEqual(['annan']);
    });
  });
});
