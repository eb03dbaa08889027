import type { Activity } from 'botbuilder';
import { toCitation, type Answer, type Citation } from '../knowledge/answerer.js';
import type { KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import type { KnowledgeBase } from '../knowledge/load-knowledge.js';
import { answerActivity } from './answer-activity.js';

/** A dialog cites a knowledge entry that is not in the knowledge base; raised at start, never mid-conversation. */
export class MissingEntryError extends Error {
  readonly code = 'DIALOG_ENTRY_MISSING';
  constructor(readonly entryId: string) {
    super(`A dialog cites the knowledge entry "${entryId}", which is not in the knowledge base`);
    this.name = 'MissingEntryError';
  }
}

/** Looks up every entry a dialog cites, so a renamed or removed entry stops the start instead of a turn. */
export function requireEntries<const Id extends string>(knowledge: KnowledgeBase, ids: readonly Id[]): Readonly<Record<Id, KnowledgeEntry>> {
  const found = {} as Record<Id, KnowledgeEntry>;
  for (const id of ids) {
    const entry = knowledge.byId(id);
    if (!entry) throw new MissingEntryError(id);
    found[id] = entry;
  }
  return found;
}

/** Looks entries up by id for a routine's parts; a missing one throws (the pack loader has checked them at start). */
export function entryLookup(knowledge: KnowledgeBase): (ids: readonly string[]) => KnowledgeEntry[] {
  return (ids) =>
    ids.map((id) => {
      const entry = knowledge.byId(id);
      if (!entry) throw new MissingEntryError(id);
      return entry;
    });
}

/**
 * A text message that cites entries like an answer does: `[n]` markers in `text` point at
 * `entries[n-1]`; Teams gets the citation entity (pop-ups), other channels one short line of sources.
 */
export function citedMessage(text: string, entries: readonly KnowledgeEntry[], channelId?: string): Partial<Activity> {
  const citations: Citation[] = entries.map(toCitation);
  const answer: Answer = { kind: 'answer', text, citations, aiGenerated: false };
  return answerActivity(answer, channelId);
}

/** Numbers citations in order of first mention: `cite(entry)` returns its `[n]` marker. */
export function citationList(): { cite(entry: KnowledgeEntry): string; readonly entries: readonly KnowledgeEntry[] } {
  const entries: KnowledgeEntry[] = [];
  return {
    cite(entry) {
      const known = entries.indexOf(entry);
      if (known >= 0) return `[${known + 1}]`;
      entries.push(entry);
      return `[${entries.length}]`;
    },
    entries,
  };
}
