import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { CloudAdapter } from './botbuilder-edge.js';

/**
 * botbuilder's CloudAdapter with one more entry point: an activity the HTTP host has already read
 * and checked. `CloudAdapter.process` would re-parse the body, print errors to the console and
 * answer a failed authentication with a 500 carrying the error text; the host does that itself.
 */
export class EdgeAdapter extends CloudAdapter {
  /** Authenticates `authorization` and runs `logic` on the activity; throws on failed authentication. */
  processChecked(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}
