import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../knowledge/load-knowledge.js';
import { startSnapshotReport, useStartSnapshotFile } from '../../municipality/start-snapshot.js';
import { loadMunicipalityPack } from '../../pack/load-municipality-pack.js';
import { buildStartSnapshot } from '../../pack/start-snapshot-writer.js';
import { messageActivity } from '../helpers/activities.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';

/**
 * The start snapshot `npm run build` writes: a start takes the parsed pack from it only while the
 * pack's files are what it was made from. An edited pack is read from its files, a broken file stops
 * the start as it always did, and a damaged snapshot is set aside with a warning in the log.
 */

const shipped = path.resolve(import.meta.dirname, '../../knowledge');
const QUESTION = 'Vad är en förhandsbedömning?';
const WRITTEN = 'Socialtjänstens bedömning av om den ska inleda en utredning';
const EDITED = 'Socialtjänstens prövning av om den ska inleda en utredning';

let work: string;
let pack: string;
let snapshot: string;
const apps: AppUnderTest[] = [];

async function answerOf(app: AppUnderTest, question: string): Promise<string> {
  const { replies } = await app.send(messageActivity(question, { conversationId: `a:${Math.random()}` }));
  return replies.map((reply) => reply.text ?? '').join('\n');
}

async function start(): Promise<AppUnderTest> {
  const app = await startAppUnderTest({ KNOWLEDGE_DIR: pack, REMINDER_POLL_MS: '0' });
  apps.push(app);
  return app;
}

function logged(app: AppUnderTest, code: string): Record<string, unknown> | undefined {
  return app.logs.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.code === code);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'start-snapshot-'));
  pack = path.join(work, 'pack');
  snapshot = path.join(work, 'start-snapshot.bin');
  await cp(shipped, pack, { recursive: true });
  useStartSnapshotFile(path.join(work, 'none.bin'));
  await buildStartSnapshot({ knowledgeDir: pack, rolesFile: path.join(pack, 'roles.yaml'), target: snapshot });
});

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
  await cp(shipped, pack, { recursive: true, force: true });
  useStartSnapshotFile(snapshot);
});

afterAll(async () => {
  useStartSnapshotFile(path.join(work, 'none.bin'));
  await rm(work, { recursive: true, force: true });
});

describe('the start snapshot', () => {
  describe('when the pack is unchanged since the build', () => {
    it('gives the same pack as its files, and the log says the snapshot was used', async () => {
      useStartSnapshotFile(path.join(work, 'none.bin'));
      const fromFiles = await loadMunicipalityPack(pack, { rolesFile: path.join(pack, 'roles.yaml') });
      useStartSnapshotFile(snapshot);
      const fromSnapshot = await loadMunicipalityPack(pack, { rolesFile: path.join(pack, 'roles.yaml') });

      expect(startSnapshotReport().used).toEqual(expect.arrayContaining(['knowledge', 'routines']));
      expect(fromSnapshot.knowledge.entries).toStrictEqual(fromFiles.knowledge.entries);
      expect(fromSnapshot.knowledge.contacts).toStrictEqual(fromFiles.knowledge.contacts);
      expect(fromSnapshot.routines).toStrictEqual(fromFiles.routines);

      useStartSnapshotFile(snapshot);
      const app = await start();
      expect(await answerOf(app, QUESTION)).toContain(WRITTEN);
      expect(String(logged(app, 'START_SNAPSHOT_USED')?.used).split(',')).toEqual(expect.arrayContaining(['knowledge', 'retrieval-index']));
    });
  });

  describe('when the municipality edits an entry after the build', () => {
    it('answers with the edited text, read from the file', async () => {
      const file = path.join(pack, 'entries', 'forhandsbedomning.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace(WRITTEN, EDITED));

      const app = await start();

      const answer = await answerOf(app, QUESTION);
      expect(answer).toContain(EDITED);
      expect(answer).not.toContain(WRITTEN);
      // The retrieval index is built from the entries, so it is built again too.
      expect(String(logged(app, 'START_SNAPSHOT_USED')?.parsed).split(',')).toEqual(expect.arrayContaining(['knowledge', 'retrieval-index']));
    });
  });

  describe('when an entry is broken after the build', () => {
    it('refuses to start, naming the file and the field, as without a snapshot', async () => {
      const file = path.join(pack, 'entries', 'forhandsbedomning.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^id: .*$/m, 'id: nagot-annat'));

      const loading = loadMunicipalityPack(pack, { rolesFile: path.join(pack, 'roles.yaml') });

      await expect(loading).rejects.toThrow(KnowledgeError);
      await expect(loading).rejects.toMatchObject({ file: 'entries/forhandsbedomning.md', field: 'id' });
    });
  });

  describe('when the snapshot file is damaged', () => {
    it('starts from the pack’s files and warns in the log with a code', async () => {
      const damaged = path.join(work, 'damaged.bin');
      await writeFile(damaged, (await readFile(snapshot)).subarray(0, 1000));
      useStartSnapshotFile(damaged);

      const app = await start();

      expect(await answerOf(app, QUESTION)).toContain(WRITTEN);
      const warning = logged(app, 'START_SNAPSHOT_UNREADABLE');
      expect(warning).toMatchObject({ level: 40, file: damaged });
      expect(String(warning?.parsed)).toMatch(/knowledge/);
    });
  });
});
