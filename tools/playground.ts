/**
 * `npm run playground`: the bot in local mode (SQLite in data/playground/, the built-in municipality
 * pack, playground/roles.yaml) plus one Microsoft 365 Agents Playground per person of
 * tools/playground-people.ts, so every journey in JOURNEYS.md can be tried on this machine. Switching
 * person is switching browser tab. Ctrl-C or SIGTERM stops the Playgrounds and the bot.
 *
 * `-- --people leila,ahmed` starts only those people's Playgrounds; `-- --fresh` starts from an empty
 * database; `-- --first-port 56250` moves the Playgrounds; `-- --data <dir>` keeps the data elsewhere.
 * PORT moves the bot (default 3978).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  FIRST_PLAYGROUND_PORT,
  PLAYGROUND_ALERT_CHANNELS,
  PLAYGROUND_PEOPLE,
  playgroundBotEnvironment,
  playgroundChannelAddedActivity,
  playgroundConfigYaml,
  type PlaygroundPerson,
} from './playground-people.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const STOP_GRACE_MS = 10_000;

const { values } = parseArgs({
  options: { people: { type: 'string' }, fresh: { type: 'boolean', default: false }, 'first-port': { type: 'string' }, data: { type: 'string' } },
});
const dataDir = values.data ? resolve(values.data) : join(repoRoot, 'data', 'playground');
const portShift = values['first-port'] ? Number(values['first-port']) - FIRST_PLAYGROUND_PORT : 0;
if (!Number.isInteger(portShift)) {
  process.stderr.write('--first-port ska vara ett portnummer.\n');
  process.exit(2);
}
const wanted = values.people?.split(',').map((key) => key.trim().toLowerCase()).filter(Boolean);
const people = (wanted ? PLAYGROUND_PEOPLE.filter((person) => wanted.includes(person.key)) : PLAYGROUND_PEOPLE).map((person) => ({ ...person, port: person.port + portShift }));
if (wanted && people.length !== wanted.length) {
  process.stderr.write(`Okänd person i --people. Välj bland: ${PLAYGROUND_PEOPLE.map((person) => person.key).join(', ')}\n`);
  process.exit(2);
}

const children: ChildProcess[] = [];
let stopping = false;

/** Stops every started process (SIGTERM, SIGKILL after a grace period) and exits with `code`. */
async function stopAll(code: number): Promise<never> {
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  process.exit(code);
}

function watch(child: ChildProcess, what: string): void {
  children.push(child);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`${what} stannade (${signal ?? `kod ${code}`}); stoppar allt.\n`);
    void stopAll(1);
  });
}

async function waitForBot(baseUrl: string, bot: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && bot.exitCode === null) {
    try {
      if ((await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // Not listening yet: poll again.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`boten svarade inte på ${baseUrl}/healthz (se ${join(dataDir, 'bot.log')})`);
}

function startBot(port: number): ChildProcess {
  const log = createWriteStream(join(dataDir, 'bot.log'), { flags: 'a' });
  // restify's use of a deprecated Node API warns on every start; it says nothing to someone trying the bot.
  const bot = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'bot/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...playgroundBotEnvironment(), PORT: String(port), HOST: '127.0.0.1', SQLITE_PATH: join(dataDir, 'bot.sqlite') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  bot.stdout!.pipe(log);
  watch(bot, 'Boten');
  return bot;
}

/** Starts one person's Playground and resolves once it listens on its own port. */
function startPlayground(person: PlaygroundPerson, endpoint: string): Promise<void> {
  const workDir = join(dataDir, person.key);
  mkdirSync(workDir, { recursive: true });
  const configPath = join(workDir, '.m365agentsplayground.yml');
  writeFileSync(configPath, playgroundConfigYaml(person));
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  const child = spawn(process.execPath, [cli, '-e', endpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(person.port)], {
    // The Playground writes its devTools/ log into its working directory.
    cwd: workDir,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  watch(child, `Playground för ${person.name}`);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Playground för ${person.name} startade inte inom 60 s`)), 60_000);
    createInterface({ input: child.stderr! }).on('line', (line) => process.stderr.write(`[${person.key}] ${line}\n`));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const listening = /Listening on (\d+)/.exec(line);
      if (!listening) return;
      clearTimeout(timer);
      // It falls back to a random port when its own is taken: then the table below would lie.
      if (Number(listening[1]) !== person.port) reject(new Error(`port ${person.port} är upptagen (Playground för ${person.name}); stoppa det som använder den`));
      else resolve();
    });
  });
}

/**
 * In Teams the bot learns a mottagningssektion's channel when it is added to the team; in the
 * Playground that happens when the socialsekreterare first opens the channel. Tell the bot at once,
 * so an akut alert reaches the channel even before anyone has clicked it.
 */
async function introduceAlertChannels(baseUrl: string): Promise<void> {
  for (const person of people) {
    if (!Object.values(PLAYGROUND_ALERT_CHANNELS).some((channelId) => channelId === person.team.channel.id)) continue;
    const response = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(playgroundChannelAddedActivity(person)),
    });
    if (!response.ok) process.stderr.write(`Boten tog inte emot kanalen för ${person.name} (${response.status}); öppna kanalen "Akuta larm" i hans/hennes Playground.\n`);
  }
}

process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

try {
  if (values.fresh) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const botPort = Number(process.env.PORT ?? 3978);
  const baseUrl = `http://127.0.0.1:${botPort}`;
  const bot = startBot(botPort);
  await waitForBot(baseUrl, bot);
  await Promise.all(people.map((person) => startPlayground(person, `${baseUrl}/api/messages`)));
  await introduceAlertChannels(baseUrl);
  const rows = people.map((person) => `  http://localhost:${person.port}/  ${person.name}, ${person.description}`);
  process.stdout.write(
    [
      '',
      `Samverkansboten kör på ${baseUrl}/api/messages (lokalt läge, data i ${dataDir}).`,
      'Öppna en Playground per person (byt person = byt flik):',
      ...rows,
      'Akuta larm hamnar i teamet "Mottagningssektion Norr"/"Södra", kanalen "Akuta larm", hos Ahmed respektive Sara.',
      'Ctrl-C stoppar allt.',
      '',
    ].join('\n'),
  );
} catch (error) {
  process.stderr.write(`Kunde inte starta: ${(error as Error).message}\n`);
  await stopAll(1);
}
