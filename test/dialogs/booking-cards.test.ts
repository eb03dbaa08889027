import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCardAction } from '../../dialogs/card-actions.js';
import { cardActivity } from '../../dialogs/cards/adaptive-card.js';
import { bookingMenuCard } from '../../dialogs/cards/booking-cards.js';
import { publishedPhoneNumbers } from '../../municipality/contacts.js';
import { PrivacyGuard } from '../../privacy/index.js';
import { createBookingHarness, people, submitInputs, type BookingHarness } from './booking-harness.js';
import { buttonData, cardNodes, cardOf, realKnowledge, stockholm, type CardJson, type CardNode } from './dialog-harness.js';

/** Every booking card on the main paths: menus, form, times, planning, confirmations, lists, questions, notifications. */
async function collectCards(harness: BookingHarness): Promise<{ name: string; card: CardJson }[]> {
  const sent: Partial<Activity>[] = [cardActivity(bookingMenuCard({ role: 'socialsekreterare', area: 'sodra' })), cardActivity(bookingMenuCard({ role: 'rektor', school: 'Broängsskolan' }))];
  const ahmed = harness.chat(people.ahmed);
  const maria = harness.chat(people.maria);
  const keep = (replies: Partial<Activity>[]) => {
    sent.push(...replies);
    return replies;
  };
  const [form] = keep(await ahmed.send('lägg upp tider'));
  keep(await ahmed.press(submitInputs(form, 'Lägg upp', { kind: 'anmalningsmote', date: '2026-03-10', from: '09:00', to: '12:00', place: 'Mottagningen Södra, rum 2' })));
  const [konsultationForm] = await ahmed.send('lägg upp tider');
  keep(await ahmed.press(submitInputs(konsultationForm, 'Lägg upp', { kind: 'konsultation', date: '2026-03-11', from: '13:00', to: '15:00' })));
  const [times] = keep(await maria.send('boka anmälningsmöte'));
  const [planning] = keep(await maria.press(buttonData(times, /09\.00/)));
  const [confirmation] = keep(await maria.press(submitInputs(planning, 'Boka')));
  const [konsultationTimes] = keep(await maria.send('boka konsultation'));
  keep(await maria.press(buttonData(konsultationTimes, /13\.00/)));
  await maria.send('avbryt');
  keep(await maria.send('mina bokningar'));
  keep(await maria.press(buttonData(confirmation, 'Flytta')));
  await maria.send('avbryt');
  keep(await maria.press(buttonData(confirmation, 'Avboka')));
  await maria.send('avbryt');
  const [slots] = keep(await ahmed.send('mina tider'));
  keep(await ahmed.press(buttonData(slots, 'Ställ in')));
  sent.push(...harness.proactive.map((entry) => entry.activity).filter((activity): activity is Partial<Activity> => typeof activity !== 'string'));
  return sent.flatMap((activity, i) => {
    const card = cardOf(activity);
    return card ? [{ name: `${i}: ${String((card.body[0] as { text?: string }).text)}`, card }] : [];
  });
}

/** What Teams sends for a submit: the button's data plus each input's value (the given choice for one input). */
function submitted(button: CardNode, card: CardJson, choice?: { id: string; value: string }): Record<string, unknown> {
  const inputs = Object.fromEntries(cardNodes(card).filter((node) => node.type.startsWith('Input.')).map((node) => [String(node.id), String(node.value ?? '')]));
  return { ...inputs, ...(choice ? { [choice.id]: choice.value } : {}), ...(button.data as object) };
}

describe('booking cards', () => {
  let harness: BookingHarness;
  let cards: { name: string; card: CardJson }[];
  let guard: PrivacyGuard;

  beforeAll(async () => {
    harness = await createBookingHarness({ now: stockholm(2026, 3, 6, 9, 0) });
    cards = await collectCards(harness);
    guard = new PrivacyGuard({ allowedPhoneNumbers: publishedPhoneNumbers((await realKnowledge()).contacts) });
  });

  afterAll(async () => {
    await harness.dispose();
  });

  it('covers menus, form, times, planning, confirmations, lists, questions and notifications', () => {
    expect(cards.length).toBeGreaterThanOrEqual(14);
  });

  describe('when Teams renders them', () => {
    it('are Adaptive Cards 1.5, full width, with wrapped text', () => {
      for (const { name, card } of cards) {
        expect(card.version, name).toBe('1.5');
        expect((card as unknown as { msteams: { width: string } }).msteams.width, name).toBe('Full');
        for (const block of cardNodes(card).filter((node) => node.type === 'TextBlock')) expect(block.wrap, `${name}: ${String(block.text)}`).toBe(true);
      }
    });

    it('wrap the choices of every radio or tick list whose choices run long, so none is cut on a phone', () => {
      for (const { name, card } of cards) {
        const lists = cardNodes(card).filter((node) => node.type === 'Input.ChoiceSet' && node.style === 'expanded');
        for (const list of lists.filter((node) => (node.choices as { title: string }[]).some((choice) => choice.title.length > 30))) {
          expect(list.wrap, `${name}: ${String(list.id)}`).toBe(true);
        }
      }
    });

    it('use only element types Teams supports for bots', () => {
      const supported = new Set(['TextBlock', 'FactSet', 'ActionSet', 'Container', 'ColumnSet', 'Column', 'Action.Submit', 'Action.OpenUrl', 'Input.ChoiceSet', 'Input.Date', 'Input.Time', 'Input.Text']);
      for (const { name, card } of cards) for (const node of cardNodes(card)) expect(supported.has(node.type), `${name}: ${node.type}`).toBe(true);
    });
  });

  describe('when a button is pressed', () => {
    it('sends a value the bot’s card schema accepts', () => {
      for (const { name, card } of cards) {
        for (const button of cardNodes(card).filter((node) => node.type === 'Action.Submit')) {
          expect(parseCardAction(submitted(button, card)), `${name}: ${String(button.title)}`).toBeDefined();
        }
      }
    });

    it('sends nothing the privacy guard would refuse, whatever choice is made', () => {
      for (const { name, card } of cards) {
        const choiceSets = cardNodes(card).filter((node) => node.type === 'Input.ChoiceSet');
        for (const button of cardNodes(card).filter((node) => node.type === 'Action.Submit')) {
          const values = [
            submitted(button, card),
            ...choiceSets.flatMap((set) => (set.choices as { value: string }[]).map((choice) => submitted(button, card, { id: String(set.id), value: choice.value }))),
          ];
          for (const value of values) {
            const verdict = guard.inspectValue(value);
            expect(verdict.identifying || verdict.quasi, `${name}: ${JSON.stringify(value)}`).toBe(false);
          }
        }
      }
    });
  });
});
