/**
 * The floor `npm run bench:turns` measures the bot against: the smallest botbuilder bot on restify
 * (CloudAdapter, no authentication, restify's body parser) that echoes each message. Whatever a
 * turn of Samverkansboten costs above this is ours.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

const port = Number(process.env.PORT ?? 3979);
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
  await next();
});

const server = restify.createServer({ name: 'echo-bot' });
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.get('/readyz', async (_req, res) => {
  res.send(200, { status: 'ready' });
});
server.listen(port, '127.0.0.1');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
