/**
 * `npm run bench:turns`: what a question-and-answer turn of the compiled bot costs next to the floor
 * of this stack, a bare botbuilder echo bot on restify (tools/bench/echo-bot.ts).
 *
 * Both servers run pinned to one core (taskset), this driver to another; the driver is a plain
 * keep-alive `http.Agent` (not fetch, which saturates its own core first). Runs alternate echo, bot,
 * echo, bot … for `--pairs` pairs of `--turns` turns each, `deliveryMode: expectReplies`, over
 * `--conversations` concurrent conversations, on SQLite and on PostgreSQL. The robust figure is the
 * server's CPU per turn (from /proc/<pid>/stat): the machine may be shared, so the load average is
 * printed next to it. One JSON line per configuration; `--json` prints only those lines.
 *
 * Options: --json, --pairs N (3), --turns N (3000), --conversations N (100), --only sqlite|postgres,
 * --heap N (also follow the bot's heap over N turns on SQLite).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: flags } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    pairs: { type: 'string', default: '3' },
    turns: { type: 'string', default: '3000' },
    conversations: { type: 'string', default: '100' },
    only: { type: 'string' },
    heap: { type: 'string' },
  },
});
const PAIRS = Number(flags.pairs);
const TURNS = Number(flags.turns);
const CONVERSATIONS = Number(flags.conversations);
// Both servers are still compiling their hot paths after a few hundred turns (the first pair cost twice the third):
// warm up long enough that every pair measures the steady state.
const WARM_UP_TURNS = 5000;
const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
const SERVER_CORE = '1';
const DRIVER_CORE = '0';
// Questions the knowledge base answers: a plain Q&A turn, the most common one.
const QUESTIONS = [
  'Vad är en orosanmälan?',
  'Hur gör jag en anmälan?',
  'Vilka telefontider har mottagningen?',
  'Får vi berätta för föräldrarna att vi anmäler?',
  'Vad händer efter att vi har anmält?',
];

function note(line: string): void {
  if (!flags.json) process.stderr.write(`${line}\n`);
}

interface Server {
  readonly name: 'echo' | 'bot';
  readonly child: ChildProcess;
  readonly port: number;
  readonly coldStartMs: number;
  readonly rssAfterStartBytes: number;
  readonly stderr: string[];
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(name: 'echo' | 'bot', env: Record<string, string>, nodeFlags: string[] = []): Promise<Server> {
  const port = await freePort();
  const script = name === 'echo' ? 'dist/tools/bench/echo-bot.js' : 'dist/bot/main.js';
  const started = performance.now();
  const child = spawn('taskset', ['-c', SERVER_CORE, process.execPath, ...nodeFlags, script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', REMINDER_POLL_MS: '0', RATE_LIMIT_TURNS_PER_MINUTE: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(...chunk.split('\n').filter(Boolean)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited at start:\n${stderr.join('\n')}`);
    const status = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/readyz', agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', () => resolve(0));
    });
    if (status === 200) break;
    if (performance.now() - started > 120_000) throw new Error(`${name} not ready in 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const coldStartMs = performance.now() - started;
  return {
    name,
    child,
    port,
    coldStartMs,
    rssAfterStartBytes: rssOf(child.pid!),
    stderr,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}

function activity(conversation: string, turn: number): string {
  return JSON.stringify({
    type: 'message',
    id: `${conversation}-${turn}`,
    channelId: 'msteams',
    serviceUrl: 'https://smba.invalid/emea/',
    deliveryMode: 'expectReplies',
    from: { id: `29:${conversation}`, aadObjectId: '00000000-0000-0000-0000-000000000001' },
    recipient: { id: '28:samverkansboten' },
    conversation: { id: `a:${conversation}`, conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    locale: 'sv-SE',
    text: QUESTIONS[turn % QUESTIONS.length],
  });
}

function post(agent: http.Agent, port: number, body: string): Promise<{ status: number; ms: number; text: string }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: '/api/messages', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - started) / 1e6, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** GET /readyz over the driver's keep-alive agent, leaving its socket open for the turns that follow. */
function readyOver(agent: http.Agent, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/readyz', agent }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`/readyz answered ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}

let resets = 0;

/**
 * A keep-alive socket the server closed just as the driver reused it fails with ECONNRESET before
 * the request reached the bot; on a loaded machine that happens, so such a request is sent again.
 */
async function postRetryingReset(agent: http.Agent, port: number, body: string): Promise<{ status: number; ms: number; text: string }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await post(agent, port, body);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET' || attempt >= 2) throw error;
      resets += 1;
    }
  }
}

interface RunResult {
  cpuPerTurnMs: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

let runCounter = 0;

/** Drives `turns` turns over `conversations` concurrent conversations; each conversation's turns are sequential. */
async function drive(server: Server, turns: number, conversations: number, afterEach?: (done: number) => Promise<void>): Promise<RunResult> {
  const run = `${server.name}-${runCounter++}-${randomBytes(3).toString('hex')}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: conversations });
  const latencies: number[] = [];
  let issued = 0;
  // The driver's sockets are opened before the clock starts, on both servers alike: a run measures turns, not 100 TCP
  // connections set up at once (their setup stood as the slowest 3 % of turns and so was every run's p99).
  await Promise.all(Array.from({ length: conversations }, () => readyOver(agent, server.port)));
  const cpuBefore = cpuSecondsOf(server.child.pid!);
  const started = performance.now();
  const conversation = async (index: number) => {
    for (let turn = 0; ; turn++) {
      if (issued >= turns) return;
      issued += 1;
      const reply = await postRetryingReset(agent, server.port, activity(`${run}-${index}`, turn));
      if (reply.status !== 200 || !reply.text.includes('"activities"')) throw new Error(`${server.name} answered ${reply.status}: ${reply.text.slice(0, 200)}`);
      latencies.push(reply.ms);
      if (afterEach) await afterEach(latencies.length);
    }
  };
  await Promise.all(Array.from({ length: conversations }, (_, index) => conversation(index)));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSecondsOf(server.child.pid!) - cpuBefore;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return { cpuPerTurnMs: (cpu * 1000) / turns, turnsPerSecond: turns / seconds, p50Ms: at(0.5), p99Ms: at(0.99) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const round = (value: number, digits = 3) => Number(value.toFixed(digits));

async function postgresSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create schema ${schema}`);
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), drop: () => admin(`drop schema if exists ${schema} cascade`) };
}

async function benchConfiguration(storage: 'sqlite' | 'postgres'): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-turns-'));
  const database = storage === 'postgres' ? await postgresSchema() : undefined;
  const loadBefore = loadavg();
  const echo = await startServer('echo', {});
  const botEnv: Record<string, string> = database ? { DATABASE_URL: database.url } : { SQLITE_PATH: path.join(dataDir, 'bot.sqlite') };
  // Cold start is an instance starting on a deployment's existing database (a restart, a new instance behind the
  // load balancer): a first start creates the schema beforehand, untimed.
  await (await startServer('bot', botEnv)).stop();
  const bot = await startServer('bot', botEnv);
  try {
    note(`${storage}: warming up`);
    await drive(echo, WARM_UP_TURNS, CONVERSATIONS);
    await drive(bot, WARM_UP_TURNS, CONVERSATIONS);
    const pairs: { echo: RunResult; bot: RunResult }[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      const echoRun = await drive(echo, TURNS, CONVERSATIONS);
      const botRun = await drive(bot, TURNS, CONVERSATIONS);
      pairs.push({ echo: echoRun, bot: botRun });
      note(
        `${storage} pair ${pair + 1}: echo ${echoRun.cpuPerTurnMs.toFixed(3)} ms CPU/turn, ${echoRun.turnsPerSecond.toFixed(0)}/s, p99 ${echoRun.p99Ms.toFixed(1)} ms | ` +
          `bot ${botRun.cpuPerTurnMs.toFixed(3)} ms CPU/turn, ${botRun.turnsPerSecond.toFixed(0)}/s, p99 ${botRun.p99Ms.toFixed(1)} ms | load ${loadavg()[0]!.toFixed(2)}`,
      );
    }
    const ratios = (pick: (run: RunResult) => number) => pairs.map((p) => pick(p.bot) / pick(p.echo));
    const cpuRatios = ratios((run) => run.cpuPerTurnMs);
    const line = {
      bench: 'turns',
      storage,
      pairs: PAIRS,
      turns_per_run: TURNS,
      conversations: CONVERSATIONS,
      cpu_per_turn_ratio: round(median(cpuRatios)),
      cpu_per_turn_ratio_spread: [round(Math.min(...cpuRatios)), round(Math.max(...cpuRatios))],
      throughput_ratio: round(median(ratios((run) => run.turnsPerSecond))),
      p50_ratio: round(median(ratios((run) => run.p50Ms))),
      p99_ratio: round(median(ratios((run) => run.p99Ms))),
      cpu_per_turn_ms: { echo: round(median(pairs.map((p) => p.echo.cpuPerTurnMs))), bot: round(median(pairs.map((p) => p.bot.cpuPerTurnMs))) },
      turns_per_second: { echo: round(median(pairs.map((p) => p.echo.turnsPerSecond)), 0), bot: round(median(pairs.map((p) => p.bot.turnsPerSecond)), 0) },
      p99_ms: { echo: round(median(pairs.map((p) => p.echo.p99Ms)), 1), bot: round(median(pairs.map((p) => p.bot.p99Ms)), 1) },
      cold_start_to_readyz_ms: { echo: round(echo.coldStartMs, 0), bot: round(bot.coldStartMs, 0), ratio: round(bot.coldStartMs / echo.coldStartMs, 2) },
      rss_after_start_mb: { echo: round(echo.rssAfterStartBytes / 2 ** 20, 0), bot: round(bot.rssAfterStartBytes / 2 ** 20, 0), ratio: round(bot.rssAfterStartBytes / echo.rssAfterStartBytes, 2) },
      load_average: { before: loadBefore.map((value) => round(value, 2)), after: loadavg().map((value) => round(value, 2)) },
      connection_resets_retried: resets,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    await Promise.all([echo.stop(), bot.stop()]);
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Follows the bot's heap after garbage collection every 1,000 turns over `turns` turns. */
async function benchHeap(turns: number): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-heap-'));
  const bot = await startServer('bot', { SQLITE_PATH: path.join(dataDir, 'bot.sqlite') }, ['--expose-gc', '--import', './dist/tools/bench/heap-probe.js']);
  const samples: { turns: number; heap_mb: number; rss_mb: number }[] = [];
  const sample = async (done: number) => {
    const before = bot.stderr.length;
    bot.child.kill('SIGUSR2');
    while (!bot.stderr.slice(before).some((line) => line.includes('heapProbe'))) await new Promise((resolve) => setTimeout(resolve, 10));
    const probe = JSON.parse(bot.stderr.slice(before).find((line) => line.includes('heapProbe'))!) as { heapProbe: { heapUsed: number; rss: number } };
    samples.push({ turns: done, heap_mb: round(probe.heapProbe.heapUsed / 2 ** 20, 1), rss_mb: round(probe.heapProbe.rss / 2 ** 20, 0) });
  };
  try {
    await drive(bot, WARM_UP_TURNS, CONVERSATIONS);
    await sample(0);
    for (let done = 0; done < turns; done += 1000) {
      await drive(bot, Math.min(1000, turns - done), CONVERSATIONS);
      await sample(Math.min(done + 1000, turns));
    }
    process.stdout.write(`${JSON.stringify({ bench: 'heap', storage: 'sqlite', turns, samples, heap_growth_mb: round(samples.at(-1)!.heap_mb - samples[0]!.heap_mb, 1), load_average: loadavg().map((value) => round(value, 2)) })}\n`);
  } finally {
    await bot.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

note('building dist/ if stale');
execFileSync(process.execPath, ['--import', 'tsx', 'tools/build.ts', '--if-stale'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
// The driver keeps to its own core, away from the servers'.
execFileSync('taskset', ['-a', '-pc', DRIVER_CORE, String(process.pid)], { stdio: 'ignore' });
for (const storage of ['sqlite', 'postgres'] as const) {
  if (flags.only && flags.only !== storage) continue;
  await benchConfiguration(storage);
}
if (flags.heap) await benchHeap(Number(flags.heap));
