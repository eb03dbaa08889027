import { describe, expect, it } from 'vitest';
import { isStarterAction, parseCardAction } from '../../dialogs/card-actions.js';

describe('parseCardAction', () => {
  describe('when the value is one of the bot’s own buttons', () => {
    it('reads a menu choice', () => {
      expect(parseCardAction({ action: 'menu', routine: 'konsultation' })).toEqual({ action: 'menu', routine: 'konsultation' });
    });

    it('drops the msteams messageBack envelope Teams sends along', () => {
      const value = { action: 'consultation.ageGroup', choice: 'forskola', msteams: { type: 'messageBack', displayText: '1–5 år' } };
      expect(parseCardAction(value)).toEqual({ action: 'consultation.ageGroup', choice: 'forskola' });
    });

    it('reads a messageBack value delivered as a JSON string', () => {
      expect(parseCardAction('{"action":"akut.escalate"}')).toEqual({ action: 'akut.escalate' });
    });

    it('splits the ticked boxes of a multi-select', () => {
      expect(parseCardAction({ action: 'consultation.schoolActions', choices: 'samtal-barnet,elevhalsan' })).toEqual({
        action: 'consultation.schoolActions',
        choices: ['samtal-barnet', 'elevhalsan'],
      });
    });
  });

  describe('when the value is odd', () => {
    it.each([
      ['nothing', undefined],
      ['a number', 42],
      ['text that is not JSON', 'hej'],
      ['an unknown action', { action: 'delete.everything' }],
      ['an unknown choice', { action: 'consultation.concern', choice: 'något annat' }],
      ['a missing field', { action: 'orosanmalan.next' }],
      ['a boolean as text', { action: 'orosanmalan.acute', acute: 'ja' }],
      ['an empty multi-select', { action: 'consultation.schoolActions', choices: '' }],
      ['an unknown box in a multi-select', { action: 'consultation.schoolActions', choices: 'samtal-barnet,polisen' }],
      ['an array', [{ action: 'menu', routine: 'fraga' }]],
    ])('returns undefined for %s', (_label, value) => {
      expect(parseCardAction(value)).toBeUndefined();
    });
  });
});

describe('isStarterAction', () => {
  describe('when a button starts something from anywhere', () => {
    it('is true for the menu and the akut alert, false for an answer to a question', () => {
      expect(isStarterAction({ action: 'menu', routine: 'akut-oro' })).toBe(true);
      expect(isStarterAction({ action: 'akut.escalate' })).toBe(true);
      expect(isStarterAction({ action: 'orosanmalan.next', step: 'anmalningsmote' })).toBe(false);
    });
  });
});
