import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactedSummary } from '../../config/config.js';

describe('loadConfig (escalation and reminders)', () => {
  describe('when nothing is set', () => {
    it('has no channels, reminds after 10 minutes and polls every 30 seconds', () => {
      const config = loadConfig({});

      expect(config.escalation).toEqual({ channels: {}, unclaimedMinutes: 10 });
      expect(config.reminders).toEqual({ pollMs: 30_000 });
    });
  });

  describe('when ESCALATION_CHANNELS maps areas to Teams channels', () => {
    it('reads each area, with spaces around the pairs allowed', () => {
      const config = loadConfig({ ESCALATION_CHANNELS: ' norr=19:abc@thread.tacv2 , sodra=19:def@thread.tacv2 ' });

      expect(config.escalation.channels).toEqual({ norr: '19:abc@thread.tacv2', sodra: '19:def@thread.tacv2' });
      expect(JSON.stringify(redactedSummary(config))).toContain('norr,sodra');
    });
  });

  describe('when a key is wrong', () => {
    it.each([
      ['an area that is not a key of the pack', { ESCALATION_CHANNELS: 'Väst=19:abc@thread.tacv2' }, 'ESCALATION_CHANNELS'],
      ['a pair without =', { ESCALATION_CHANNELS: 'norr' }, 'ESCALATION_CHANNELS'],
      ['something that is not a channel id', { ESCALATION_CHANNELS: 'norr=https://teams.microsoft.com/l/channel/x' }, 'ESCALATION_CHANNELS'],
      ['a thread rather than a channel', { ESCALATION_CHANNELS: 'norr=19:abc@thread.tacv2;messageid=1' }, 'ESCALATION_CHANNELS'],
      ['zero minutes', { ESCALATION_UNCLAIMED_MINUTES: '0' }, 'ESCALATION_UNCLAIMED_MINUTES'],
      ['a poll interval that would hammer the database', { REMINDER_POLL_MS: '10' }, 'REMINDER_POLL_MS'],
    ])('names the key for %s', (_case, env, key) => {
      const error = (() => {
        try {
          loadConfig(env);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();

      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join('\n')).toContain(key);
    });
  });

  describe('when REMINDER_POLL_MS is 0', () => {
    it('is accepted: this instance sends no reminders', () => {
      expect(loadConfig({ REMINDER_POLL_MS: '0' }).reminders.pollMs).toBe(0);
    });
  });
});
