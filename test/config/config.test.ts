import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactedSummary } from '../../config/config.js';

describe('loadConfig', () => {
  describe('when the environment is empty', () => {
    it('runs on embedded defaults: SQLite file, built-in knowledge, no model, local mode', () => {
      const config = loadConfig({});
      expect(config.port).toBe(3978);
      expect(config.storage.databaseUrl).toBeUndefined();
      expect(config.storage.sqlitePath).toMatch(/\.sqlite$/);
      expect(config.knowledgeDir).toBe('knowledge');
      expect(config.model).toBeUndefined();
      expect(config.auth.appId).toBeUndefined();
    });
  });

  describe('when there is no app id (local mode)', () => {
    it('listens on loopback only unless told otherwise', () => {
      expect(loadConfig({}).host).toBe('127.0.0.1');
      expect(loadConfig({ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'x' }).host).toBe('0.0.0.0');
    });

    it('refuses a production start or a public address, naming the setting that allows it on purpose', () => {
      expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MicrosoftAppId[\s\S]*BOT_LOCAL_MODE=true/);
      expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/HOST[\s\S]*loopback/);
    });

    it('starts in production without an app id only when explicitly asked to', () => {
      const config = loadConfig({ NODE_ENV: 'production', HOST: '0.0.0.0', BOT_LOCAL_MODE: 'true' });
      expect(config.auth.appId).toBeUndefined();
      expect(config.host).toBe('0.0.0.0');
    });
  });

  describe('when several values are wrong', () => {
    it('reports every problem in one error', () => {
      let error: unknown;
      try {
        loadConfig({ PORT: 'åtta', DATABASE_URL: 'mysql://x', OPENAI_BASE_URL: 'inte en url', LOG_LEVEL: 'chatty' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const key of ['PORT', 'DATABASE_URL', 'OPENAI_BASE_URL', 'LOG_LEVEL']) expect(problems).toContain(key);
      expect((error as ConfigError).code).toBe('CONFIG_INVALID');
    });

    it('requires a password with an app id', () => {
      expect(() => loadConfig({ MicrosoftAppId: 'abc' })).toThrow(/MicrosoftAppPassword/);
    });
  });

  describe('when a model and PostgreSQL are configured', () => {
    it('keeps credentials out of the logged summary', () => {
      const config = loadConfig({
        DATABASE_URL: 'postgres://bot:hemligt@db.example:5432/samverkan',
        OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1',
        OPENAI_API_KEY: 'sk-secret-key',
      });
      const summary = JSON.stringify(redactedSummary(config));
      expect(summary).not.toContain('hemligt');
      expect(summary).not.toContain('sk-secret-key');
      expect(summary).toContain('postgres');
      expect(config.model?.apiKey).toBe('sk-secret-key');
    });
  });

  describe('when database timeouts are set', () => {
    it('uses them, defaults to 3 s to connect and 2 s per statement, and refuses nonsense', () => {
      expect(loadConfig({}).storage).toMatchObject({ connectTimeoutMs: 3000, statementTimeoutMs: 2000 });
      expect(loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '1500', DATABASE_STATEMENT_TIMEOUT_MS: '800' }).storage).toMatchObject({ connectTimeoutMs: 1500, statementTimeoutMs: 800 });
      expect(() => loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '0', DATABASE_STATEMENT_TIMEOUT_MS: 'snabbt' })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS[\s\S]*DATABASE_STATEMENT_TIMEOUT_MS/);
    });
  });

  it('freezes the config', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.storage)).toBe(true);
  });
});
