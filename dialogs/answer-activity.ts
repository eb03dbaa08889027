import type { Activity } from 'botbuilder';
import { ActivityTypes } from './botbuilder-runtime.js';
import { withTappableNumbers } from '../knowledge/answer-markdown.js';
import { compactSources, type Answer } from '../knowledge/answerer.js';

const ABSTRACT_MAX = 160;
const NAME_MAX = 80;
// Channels that render the citation entity as numbered pop-ups; elsewhere the text carries a short source list.
const CITATION_CHANNELS = new Set(['msteams']);

/**
 * An answer as a message: the text with compact `[n]` markers and tappable telephone numbers, and a
 * schema.org Message entity whose `citation` claims Teams renders as numbered pop-ups (title, document and section, review date, the
 * whole entry), and the AI label when a model wrote the text. A channel that cannot show the pop-ups
 * (the Emulator, Web Chat) also gets one short line of sources; Teams does not, so sources never show twice.
 */
export function answerActivity(answer: Answer, channelId = 'msteams'): Partial<Activity> {
  const text = withTappableNumbers(answer.text);
  const withSources = answer.citations.length > 0 && !CITATION_CHANNELS.has(channelId) ? `${text}\n\n${compactSources(answer.citations)}` : text;
  const activity: Partial<Activity> = { type: ActivityTypes.Message, text: withSources, textFormat: 'markdown' };
  if (answer.citations.length === 0 && !answer.aiGenerated) return activity;
  activity.entities = [
    {
      type: 'https://schema.org/Message',
      '@type': 'Message',
      '@context': 'https://schema.org',
      '@id': '',
      ...(answer.aiGenerated ? { additionalType: ['AIGeneratedContent'] } : {}),
      citation: answer.citations.map((c) => ({
        '@type': 'Claim',
        position: c.index,
        appearance: {
          '@type': 'DigitalDocument',
          name: truncate(c.title, NAME_MAX),
          abstract: truncate(`${c.source}. Granskad ${c.lastReviewed}.`, ABSTRACT_MAX),
          text: c.excerpt,
          keywords: [`Granskad ${c.lastReviewed}`],
        },
      })),
    },
  ];
  return activity;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
