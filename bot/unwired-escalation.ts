import type { CallbackRequest, EscalationRequester } from '../dialogs/ports.js';

/**
 * Stand-in until alerts to the mottagningssektion's Teams channel are wired: says honestly that
 * nothing was sent, so the akut dialog tells the user to call the mottagningssektion directly.
 */
export class UnwiredEscalationRequester implements EscalationRequester {
  async requestCallback(_request: CallbackRequest): Promise<{ status: 'no-channel' }> {
    return { status: 'no-channel' };
  }
}
