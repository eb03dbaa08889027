import type { TurnContext } from 'botbuilder';
import type { InsightEvent } from '../insights/index.js';
import type { RoutineDependencies } from './routine-dependencies.js';
import { staffIdOf } from './school-dialog.js';

/** Counts an event for the statistics, in the area of the user's school; the user id itself is never stored. */
export async function countInsight(context: TurnContext, deps: Pick<RoutineDependencies, 'insights'>, event: InsightEvent): Promise<void> {
  await deps.insights?.record(event, staffIdOf(context));
}
