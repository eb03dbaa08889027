import type { KnowledgeEntry } from '../../knowledge/knowledge-entry.js';
import { adaptiveCard, bullets, heading, paragraph, sourceFooter, subheading, type AdaptiveCard, type CardElement } from './adaptive-card.js';

/** One part of a routine step: a short text or a list, and the entries it comes from. */
export interface RoutineSection {
  readonly heading?: string;
  readonly text: string | readonly string[];
  readonly sources: readonly KnowledgeEntry[];
}

/** A step of a routine: a title, sections that each end with their source line, then the buttons. */
export function routineStepCard(title: string, sections: readonly RoutineSection[], after: readonly CardElement[] = []): AdaptiveCard {
  const body = sections.flatMap((section) => [
    ...(section.heading ? [subheading(section.heading)] : []),
    typeof section.text === 'string' ? paragraph(section.text) : bullets(section.text),
    sourceFooter(section.sources),
  ]);
  return adaptiveCard([heading(title), ...body, ...after]);
}
