import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';
import { beforeAll, describe, expect, it } from 'vitest';
import { everyCard, type NamedCard } from '../helpers/every-card.js';
import { realKnowledge, realRoutines } from './dialog-harness.js';

// The package's ES build imports without file extensions, which Node cannot resolve; its UMD build
// is the same code and needs no DOM for parsing and validation.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** Every problem Microsoft's parser and its validation report for a card: unknown types, missing labels … */
function adaptiveCardsProblems(json: object): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) problems.push(`parse: ${context.getEventAt(i).message}`);
  const validation = card.validateProperties();
  for (const event of validation.validationEvents) {
    const source = event.source as { id?: string; getJsonTypeName?: () => string } | undefined;
    problems.push(`validate: ${event.message} (${source?.getJsonTypeName?.() ?? '?'}${source?.id ? ` "${source.id}"` : ''})`);
  }
  return problems;
}

describe('every card the bot can send', () => {
  let cards: NamedCard[];
  beforeAll(async () => {
    cards = everyCard(await realKnowledge(), await realRoutines());
  });

  describe('when Microsoft’s adaptivecards library parses and validates them', () => {
    it('reports no error and no warning for any card', () => {
      const problems = cards.flatMap(({ name, card }) => adaptiveCardsProblems(card).map((problem) => `${name}: ${problem}`));
      expect(problems).toEqual([]);
    });

    it('reads every card as version 1.5 with at least one element', () => {
      for (const { name, card } of cards) {
        const parsed = new AC.AdaptiveCard();
        parsed.parse(card, new AC.SerializationContext());
        expect(parsed.version?.toString(), name).toBe('1.5');
        expect(parsed.getItemCount(), name).toBeGreaterThan(0);
      }
    });
  });

  describe('when the validation itself is checked', () => {
    it('flags a required input without label or error message, so a passing run means something', () => {
      const broken = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text', id: 'x', isRequired: true }, { type: 'Bogus' }] };
      expect(adaptiveCardsProblems(broken)).toEqual([
        'parse: Unknown element type "Bogus". Fallback will be used if present.',
        'validate: Required inputs should have a label (Input.Text "x")',
        'validate: Required inputs should have an error message (Input.Text "x")',
      ]);
    });
  });
});
