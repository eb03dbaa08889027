import type { Activity } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCardAction } from '../../dialogs/card-actions.js';
import { welcomeActivity } from '../../dialogs/cards/main-menu-card.js';
import { publishedPhoneNumbers, type Contacts } from '../../municipality/contacts.js';
import { PrivacyGuard } from '../../privacy/index.js';
import { cardNodes, cardOf, createDialogHarness, realKnowledge, realRoutines, stockholm, type CardJson, type CardNode } from './dialog-harness.js';

/** Every card the bot sends on the main paths: menu, who-to-call, school, akut, consultation, orosanmälan. */
async function collectCards(): Promise<{ name: string; card: CardJson }[]> {
  const harness = await createDialogHarness({ now: stockholm(2026, 11, 23, 12, 30) });
  const sent: Partial<Activity>[] = [welcomeActivity((await realRoutines()).welcome)];
  const run = async (input: string | object) => sent.push(...(typeof input === 'string' ? await harness.send(input) : await harness.press(input)));
  await run('hjälp');
  await run({ action: 'menu', routine: 'vem-ringer' });
  await run({ action: 'menu', routine: 'akut-oro' });
  await run({ action: 'akut.escalate' });
  await run({ action: 'school.choose', school: 'hallundaskolan' });
  await run({ action: 'menu', routine: 'konsultation' });
  await run({ action: 'consultation.ageGroup', choice: 'mellanstadiet' });
  await run({ action: 'consultation.concern', choice: 'jamnariga' });
  await run({ action: 'consultation.duration', choice: 'veckor' });
  await run({ action: 'consultation.schoolActions', choices: 'elevhalsan' });
  await run({ action: 'menu', routine: 'orosanmalan' });
  for (const step of ['nej', 'nästa', 'nästa', 'nästa']) await run(step);
  return sent.flatMap((activity, i) => {
    const card = cardOf(activity);
    return card ? [{ name: `${i}: ${String((card.body[0] as { text?: string }).text)}`, card }] : [];
  });
}

/** What Teams sends for a submit: the button's data, plus sample values for the card's inputs. */
function submittedValue(button: CardNode, card: CardJson): unknown {
  const inputs = cardNodes(card).filter((node) => node.type === 'Input.ChoiceSet');
  const values = Object.fromEntries(inputs.map((input) => [input.id as string, (input.choices as { value: string }[])[0]!.value]));
  return { ...(button.data as object), ...values };
}

describe('cards', () => {
  let cards: { name: string; card: CardJson }[];
  let contacts: Contacts;
  beforeAll(async () => {
    cards = await collectCards();
    contacts = (await realKnowledge()).contacts;
  });

  it('covers the main menu, who-to-call, school, escalation offer, four consultation questions, guidance, summary and five orosanmälan steps', () => {
    expect(cards.length).toBeGreaterThanOrEqual(16);
  });

  describe('when Teams renders them', () => {
    it('are Adaptive Cards 1.5, full width, with wrapped text', () => {
      for (const { name, card } of cards) {
        expect(card.type, name).toBe('AdaptiveCard');
        expect(card.version, name).toBe('1.5');
        expect((card as unknown as { msteams: { width: string } }).msteams.width, name).toBe('Full');
        for (const block of cardNodes(card).filter((node) => node.type === 'TextBlock')) expect(block.wrap, `${name}: ${String(block.text)}`).toBe(true);
      }
    });

    it('use only element types Teams supports', () => {
      const supported = new Set(['TextBlock', 'FactSet', 'ActionSet', 'Action.Submit', 'Action.OpenUrl', 'Input.ChoiceSet']);
      for (const { name, card } of cards) for (const node of cardNodes(card)) expect(supported.has(node.type), `${name}: ${node.type}`).toBe(true);
    });
  });

  describe('when a button is pressed', () => {
    it('sends a value the bot’s own schema accepts', () => {
      for (const { name, card } of cards) {
        for (const button of cardNodes(card).filter((node) => node.type === 'Action.Submit')) {
          expect(parseCardAction(submittedValue(button, card)), `${name}: ${String(button.title)}`).toBeDefined();
        }
      }
    });

    it('sends nothing the privacy guard would refuse, so no button is ever blocked', () => {
      const guard = new PrivacyGuard({ allowedPhoneNumbers: publishedPhoneNumbers(contacts) });
      for (const { name, card } of cards) {
        for (const button of cardNodes(card).filter((node) => node.type === 'Action.Submit')) {
          const inputs = cardNodes(card).filter((node) => node.type === 'Input.ChoiceSet');
          const allValues = inputs.length === 0 ? [submittedValue(button, card)] : inputs.flatMap((input) =>
            (input.choices as { value: string }[]).map((choice) => ({ ...(button.data as object), [input.id as string]: choice.value })),
          );
          for (const value of allValues) {
            const verdict = guard.inspectValue(value);
            expect(verdict.identifying || verdict.quasi, `${name}: ${JSON.stringify(value)}`).toBe(false);
          }
        }
      }
    });
  });

  describe('when a card is a step of a routine', () => {
    it('ends its parts with one short source line naming the documents and sections, never longer than the step', () => {
      const isSourceLine = (node: CardNode) => /^Källa: |^Källor: /.test(String(node.text ?? ''));
      const routineCards = cards.filter(({ card }) => cardNodes(card).some((node) => node.type === 'TextBlock' && isSourceLine(node)));
      expect(routineCards.length).toBeGreaterThanOrEqual(12);
      for (const { name, card } of routineCards) {
        const texts = cardNodes(card).filter((node) => node.type === 'TextBlock' || node.type === 'RichTextBlock');
        const footers = texts.filter(isSourceLine).map((node) => String(node.text));
        const rest = texts.filter((node) => !isSourceLine(node)).map((node) => String(node.text ?? '')).join('\n');
        for (const footer of footers) {
          expect(footer, name).toMatch(/^Källa: [^\n·]+, [^\n]+$|^Källor: [^\n]+$/);
          expect(footer, name).toMatch(/Kraftsamling 2016|Äldre Botkyrkarutin|Samverkansöverenskommelse|Stockholms stad 2020|Östermalm 2007/);
          expect(footer, name).not.toMatch(/Granskad|odaterad|avsnitt ”/);
        }
        expect(footers.join('\n').length, name).toBeLessThan(rest.length);
      }
    });

    it('gives every required input a label and an error message', () => {
      for (const { name, card } of cards) {
        for (const input of cardNodes(card).filter((node) => node.type.startsWith('Input.') && node.isRequired === true)) {
          expect(input.label, `${name}: ${String(input.id)}`).toEqual(expect.any(String));
          expect(input.errorMessage, `${name}: ${String(input.id)}`).toEqual(expect.any(String));
        }
      }
    });
  });
});

