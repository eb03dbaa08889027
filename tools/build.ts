import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `npm run build`: compiles the bot into dist/ and copies the files it reads at run time (stop
 * words, privacy lists, the akut lexicon, the tab's page) next to the compiled code, so
 * `node dist/bot/main.js` runs without tsx, and writes the start snapshot of the shipped pack (what
 * a start would otherwise parse; used while the pack's files are unchanged). With `--if-stale` (what
 * `npm start` runs) it builds only when a source file is newer than the last build. Concurrent builds wait for each other.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const stampFile = path.join(dist, '.build-stamp');
// Beside dist/municipality/, where municipality/start-snapshot.ts looks for it.
const SNAPSHOT_FILE = path.join(dist, 'start-snapshot.bin');
const lockDir = path.join(root, '.build-lock');
/** The folders compiled into dist/ (tsconfig.build.json's `include`); their other files are copied. */
const SOURCE_FOLDERS = ['bot', 'booking', 'config', 'dialogs', 'knowledge', 'model', 'municipality', 'observability', 'pack', 'privacy', 'scheduling', 'storage', 'tab', 'triage', 'tools/bench'];
// Evaluation data the running bot never reads; the sealed corpora stay out of a deployment.
const NOT_COPIED = [path.join('privacy', 'corpus')];
const BUILD_INPUTS = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
const LOCK_STALE_MS = 10 * 60_000;

function* filesUnder(folder: string): Generator<string> {
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    const relative = path.join(folder, entry.name);
    if (NOT_COPIED.includes(relative)) continue;
    if (entry.isDirectory()) yield* filesUnder(relative);
    else if (entry.isFile()) yield relative;
  }
}

function sourceFiles(): string[] {
  return SOURCE_FOLDERS.flatMap((folder) => [...filesUnder(folder)]);
}

function isStale(): boolean {
  let built: number;
  try {
    built = statSync(stampFile).mtimeMs;
  } catch {
    return true;
  }
  return [...sourceFiles(), ...BUILD_INPUTS].some((file) => statSync(path.join(root, file)).mtimeMs > built);
}

function compile(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
}

function copyAssets(): number {
  let copied = 0;
  for (const file of sourceFiles()) {
    if (file.endsWith('.ts')) continue;
    const target = path.join(dist, file);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(root, file), target);
    copied += 1;
  }
  return copied;
}

/**
 * The start snapshot of the shipped pack and lists (municipality/start-snapshot.ts), made by the
 * compiled code in a process of its own that reads no older snapshot.
 */
// The snapshot writer's exit status when the pack itself does not load.
const PACK_NOT_LOADED = 3;

function writeSnapshot(): number {
  rmSync(SNAPSHOT_FILE, { force: true });
  const writer = pathToFileURL(path.join(dist, 'pack', 'start-snapshot-writer.js')).href;
  const knowledgeDir = path.join(root, 'knowledge');
  const options = JSON.stringify({ knowledgeDir, rolesFile: path.join(knowledgeDir, 'roles.yaml'), target: SNAPSHOT_FILE });
  const packFiles = pathToFileURL(path.join(dist, 'municipality', 'pack-files.js')).href;
  // A pack that does not load (a broken knowledge file) exits with PACK_NOT_LOADED: the bot reports it at start,
  // naming the file and the field, as without a snapshot, and the build goes on without one. Any other failure is
  // a bug in the writer and fails the build.
  const script = [
    `const { buildStartSnapshot } = await import(${JSON.stringify(writer)});`,
    `const { DataFileError } = await import(${JSON.stringify(packFiles)});`,
    `try { process.stdout.write(String(await buildStartSnapshot(${options}))); }`,
    `catch (error) { if (!(error instanceof DataFileError)) throw error; process.stderr.write(String(error.message)); process.exit(${PACK_NOT_LOADED}); }`,
  ].join('\n');
  try {
    return Number(execFileSync(process.execPath, ['--input-type=module', '--eval', script], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (error) {
    const failed = error as { status?: unknown; stderr?: unknown };
    if (failed.status !== PACK_NOT_LOADED) throw error;
    const reason = String(failed.stderr ?? '').split('\n').find((line) => line.trim() !== '') ?? '';
    process.stderr.write(`start snapshot not written (the bot will parse the pack at start): ${reason}\n`);
    return 0;
  }
}

async function withLock(work: () => void): Promise<void> {
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A build that died leaves its lock behind; after this long it is not a build any more.
      const lockedAt = statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - lockedAt > LOCK_STALE_MS) rmSync(lockDir, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const onlyIfStale = process.argv.includes('--if-stale');
  await withLock(() => {
    if (onlyIfStale && !isStale()) return;
    if (onlyIfStale) process.stderr.write('building dist/: the sources changed since the last build\n');
    const started = Date.now();
    mkdirSync(dist, { recursive: true });
    compile();
    const copied = copyAssets();
    const snapshotValues = writeSnapshot();
    writeFileSync(stampFile, `${new Date(started).toISOString()}\n`);
    // The stamp carries the time the build began, so a file saved during the build counts as newer.
    utimesSync(stampFile, started / 1000, started / 1000);
    process.stderr.write(`dist/ built in ${((Date.now() - started) / 1000).toFixed(1)} s (${copied} asset files copied, ${snapshotValues} values in the start snapshot)\n`);
  });
}

await main();
