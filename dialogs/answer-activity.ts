import { ActivityTypes, type Activity } from 'botbuilder';
import type { Answer } from '../knowledge/answerer.js';

const ABSTRACT_MAX = 160;
const NAME_MAX = 80;

/**
 * An answer as a Teams message: the text with `[n]` markers, a schema.org Message entity whose
 * `citation` claims Teams renders as numbered sources, and the AI label when a model wrote the text.
 */
export function answerActivity(answer: Answer): Partial<Activity> {
  const activity: Partial<Activity> = { type: ActivityTypes.Message, text: answer.text, textFormat: 'markdown' };
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
