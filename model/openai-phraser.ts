import type OpenAI from 'openai';
import { PhraserError, type AnswerPhraser, type Passage } from '../knowledge/answerer.js';

/** Connection settings for an OpenAI-compatible chat-completions endpoint. */
export interface OpenAiPhraserOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly model: string;
  readonly timeoutMs: number;
}

const SYSTEM_PROMPT = [
  'Du är Samverkansboten och hjälper personal i förskola och skola att följa kommunens rutiner för samverkan med socialtjänsten.',
  'Svara på svenska, lugnt och kort (högst fyra meningar), enbart utifrån de numrerade utdragen.',
  'Sätt en hänvisning som [1] eller [2] efter varje påstående, med utdragets nummer. Hitta inte på något: inga nummer, tider eller fakta som inte står i utdragen.',
  'Skriv vanlig text: inga länkar, webbadresser, e-postadresser, telefonnummer, HTML eller Markdown-länkar utöver dem som står ordagrant i utdragen.',
  'Om utdragen inte besvarar frågan, svara exakt: INGET_SVAR',
].join('\n');

/**
 * Phrases answers with a language model, only from the passages it is given. The prompt asks for no
 * added links or contact details; the answerer's check (checkPhrasedAnswer) enforces it.
 */
export class OpenAiPhraser implements AnswerPhraser {
  // The OpenAI SDK is loaded only when a model is configured (it is a large module graph), and at
  // construction, so the first question does not wait for it.
  private readonly client: Promise<OpenAI>;

  constructor(private readonly options: OpenAiPhraserOptions) {
    this.client = import('openai').then(
      ({ default: OpenAI }) => new OpenAI({ baseURL: options.baseUrl, apiKey: options.apiKey, timeout: options.timeoutMs, maxRetries: 0 }),
    );
  }

  async phrase(question: string, passages: readonly Passage[], signal: AbortSignal): Promise<string> {
    const context = passages.map((p) => `[${p.index}] ${p.title}\n${p.text}`).join('\n\n');
    const completion = await (await this.client).chat.completions.create(
      {
        model: this.options.model,
        temperature: 0,
        max_tokens: 400,
        messages: [
          { role: 'system', content: SYSTEM_PROMPT },
          { role: 'user', content: `Utdrag:\n${context}\n\nFråga: ${question}` },
        ],
      },
      { signal },
    );
    const text = completion.choices?.[0]?.message?.content?.trim();
    if (!text || text.includes('INGET_SVAR')) throw new PhraserError('MODEL_UNCHECKED', 'model declined or returned nothing');
    return text;
  }
}

/** The phraser for a configured model, or none (extractive answers only). */
export function phraserFromConfig(model: OpenAiPhraserOptions | undefined): OpenAiPhraser | undefined {
  return model ? new OpenAiPhraser(model) : undefined;
}
