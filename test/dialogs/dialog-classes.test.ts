import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `script` in a fresh node (a module cache of its own, as at a start) and returns what it printed as JSON. */
function inFreshProcess(script: string): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out) as Record<string, unknown>;
}

const RECOGNIZERS_LOADED = `Object.keys((await import('node:module')).createRequire(import.meta.url).cache).some((file) => file.includes('recognizers-text-number'))`;

describe('the dialog classes', () => {
  describe('when the bot loads them', () => {
    it('does not load the number recognizers its prompts never use', () => {
      const result = inFreshProcess(`
        await import('./dialogs/dialog-classes.ts');
        process.stdout.write(JSON.stringify({ loaded: ${RECOGNIZERS_LOADED} }));
      `);

      expect(result.loaded).toBe(false);
    });
  });

  describe('when something loads the whole botbuilder-dialogs afterwards', () => {
    it('gets working choice recognition and the same ChoiceFactory', () => {
      const result = inFreshProcess(`
        const { Prompt } = await import('./dialogs/dialog-classes.ts');
        const { createRequire } = await import('node:module');
        const require = createRequire(import.meta.url);
        const dialogs = require('botbuilder-dialogs');
        const byNumber = dialogs.recognizeChoices('2', ['röd', 'blå']);
        process.stdout.write(JSON.stringify({
          samePrompt: dialogs.Prompt === Prompt,
          sameFactory: dialogs.ChoiceFactory === require('botbuilder-dialogs/lib/choices/choiceFactory.js').ChoiceFactory,
          choicePrompt: typeof dialogs.ChoicePrompt,
          byNumber: byNumber[0]?.resolution?.value,
          loaded: ${RECOGNIZERS_LOADED},
        }));
      `);

      expect(result).toMatchObject({ samePrompt: true, sameFactory: true, choicePrompt: 'function', byNumber: 'blå', loaded: true });
    });
  });
});
