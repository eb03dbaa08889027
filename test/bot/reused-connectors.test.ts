import { ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { EdgeAdapter } from '../../bot/edge-adapter.js';
import { LocalModeAuthentication, ServiceUrlNotAllowedError } from '../../bot/local-mode-authentication.js';
import { ReusedConnectorsAuthentication } from '../../bot/reused-connectors.js';
import { messageActivity } from '../helpers/activities.js';

async function clientsOfTurns(adapter: EdgeAdapter, serviceUrls: string[]) {
  const seen: { connector: unknown; userToken: unknown }[] = [];
  for (const serviceUrl of serviceUrls) {
    const activity = { ...messageActivity('Vad är en orosanmälan?'), serviceUrl, deliveryMode: 'expectReplies' } as unknown as Activity;
    await adapter.processChecked('', activity, async (context: TurnContext) => {
      seen.push({ connector: context.turnState.get(adapter.ConnectorClientKey), userToken: context.turnState.get(adapter.UserTokenClientKey) });
    });
  }
  return seen;
}

describe('ReusedConnectorsAuthentication', () => {
  describe('when turns come from the same service URL', () => {
    it('gives them the same connector and user-token clients', async () => {
      const adapter = new EdgeAdapter(new ReusedConnectorsAuthentication(new ConfigurationBotFrameworkAuthentication({})));

      const [first, second, third] = await clientsOfTurns(adapter, ['http://127.0.0.1:1/a', 'http://127.0.0.1:1/a', 'http://127.0.0.1:1/b']);

      expect(first!.connector).toBeDefined();
      expect(second!.connector).toBe(first!.connector);
      expect(second!.userToken).toBe(first!.userToken);
      expect(third!.connector).not.toBe(first!.connector);
    });
  });

  describe('when it wraps local mode', () => {
    it('keeps refusing to send anywhere but this machine, also with a reused client', async () => {
      const adapter = new EdgeAdapter(new ReusedConnectorsAuthentication(new LocalModeAuthentication({})));
      const [first, second] = await clientsOfTurns(adapter, ['https://smba.invalid/emea/', 'https://smba.invalid/emea/']);
      expect(second!.connector).toBe(first!.connector);

      const connector = second!.connector as { conversations: { sendToConversation(id: string, activity: Partial<Activity>): Promise<unknown> } };
      await expect(connector.conversations.sendToConversation('a:1', { type: 'message', text: 'x' })).rejects.toBeInstanceOf(ServiceUrlNotAllowedError);
    });
  });
});
