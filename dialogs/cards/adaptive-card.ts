import type { Activity } from 'botbuilder';
import { CardFactory, MessageFactory } from '../botbuilder-runtime.js';
import { sourceParts, type KnowledgeEntry } from '../../knowledge/knowledge-entry.js';
import type { CardActionData } from '../card-actions.js';

/** One element of an Adaptive Card (TextBlock, ActionSet, Input.ChoiceSet …), as JSON. */
export type CardElement = { readonly type: string } & Record<string, unknown>;

/** An Adaptive Card, schema 1.5, the highest version Teams renders for bots. */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardElement[];
  readonly msteams: { readonly width: 'Full' };
}

/** The content type Teams expects for an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** A full-width card with the given body and (bottom) actions. */
export function adaptiveCard(body: readonly CardElement[], actions: readonly CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

/** The card's title. */
export function heading(text: string): CardElement {
  return { type: 'TextBlock', text, size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' };
}

/** A section title inside a card. */
export function subheading(text: string): CardElement {
  return { type: 'TextBlock', text, size: 'Medium', weight: 'Bolder', wrap: true, spacing: 'Medium' };
}

/** A wrapped paragraph; Markdown links and **bold** render in Teams. */
export function paragraph(text: string, options: { subtle?: boolean; spacing?: 'None' | 'Small' | 'Medium' } = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...(options.subtle ? { isSubtle: true } : {}), ...(options.spacing ? { spacing: options.spacing } : {}) };
}

/** A bulleted list as one TextBlock (Adaptive Card Markdown supports "- " lists). */
export function bullets(items: readonly string[]): CardElement {
  return { type: 'TextBlock', text: items.map((item) => `- ${item}`).join('\n'), wrap: true };
}

/** Label/value pairs, e.g. the consultation summary. */
export function facts(pairs: readonly (readonly [string, string])[]): CardElement {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) };
}

/**
 * A button that sends `data` back as `activity.value`. Plain data, no `msteams` messageBack
 * envelope: the Agents Playground's card renderer throws on `data.msteams` (it cannot add its
 * `msTeams` alias to the frozen data), so the button would do nothing there.
 */
export function submitAction(title: string, data: CardActionData, options: { style?: 'positive' | 'destructive' } = {}): CardElement {
  return { type: 'Action.Submit', title, ...(options.style ? { style: options.style } : {}), data };
}

/** A button that opens a link, e.g. `tel:` to call a number from the phone. */
export function openUrlAction(title: string, url: string): CardElement {
  return { type: 'Action.OpenUrl', title, url };
}

/** A button that submits the card's inputs together with `data` (no echo: the inputs are the answer). */
export function inputSubmitAction(title: string, data: { action: 'consultation.schoolActions' | 'school.choose' }): CardElement {
  return { type: 'Action.Submit', title, style: 'positive', data };
}

/** Buttons stacked one per row, so long Swedish labels are never cut off. */
export function buttonStack(actions: readonly CardElement[]): CardElement[] {
  return actions.map((action, index) => ({ type: 'ActionSet', actions: [action], spacing: index === 0 ? 'Medium' : 'Small' }));
}

/**
 * The small source line under a step, as short as the answers' source list: each document once, with the sections
 * the step comes from — "Källa: Kraftsamling 2016, Akut oro", "Källor: Kraftsamling 2016, avsnitten Förhandsbedömning
 * och Skyddsbedömning · Äldre Botkyrkarutin, Telefontider". The full titles and review dates stay in the knowledge base.
 */
export function sourceFooter(entries: readonly KnowledgeEntry[]): CardElement {
  const sectionsByDocument = new Map<string, string[]>();
  for (const entry of entries) {
    const { document, section } = sourceParts(entry);
    const sections = sectionsByDocument.get(document) ?? [];
    if (!sections.includes(section)) sections.push(section);
    sectionsByDocument.set(document, sections);
  }
  const parts = [...sectionsByDocument].map(([document, sections]) =>
    sections.length === 1 ? `${document}, ${sections[0]}` : `${document}, avsnitten ${sections.slice(0, -1).join(', ')} och ${sections.at(-1)}`,
  );
  const label = parts.length === 1 && !parts[0]!.includes(', avsnitten ') ? 'Källa' : 'Källor';
  return { type: 'TextBlock', text: `${label}: ${parts.join(' · ')}`, wrap: true, size: 'Small', isSubtle: true, spacing: 'Small' };
}

/** A card as a message activity, with optional text above it. */
export function cardActivity(card: AdaptiveCard, text?: string): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card), text);
}
