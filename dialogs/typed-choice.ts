/**
 * Typed answers to a button question: "några veckor", "mat och sömn", "11 år" mean the option whose
 * label or detail holds those words. Only an answer that fits exactly one option counts; the text
 * itself is never kept, only the option it meant.
 */

/** An option as the question shows it: its code, short label and optional detail. */
export interface TypedOption<Code extends string> {
  readonly code: Code;
  readonly label: string;
  readonly detail?: string;
}

// Words that say nothing about which option is meant.
const FILLER = new Set(
  ['i', 'pa', 'med', 'och', 'eller', 'det', 'den', 'de', 'en', 'ett', 'av', 'har', 'vi', 'jag', 'ni', 'om', 'att', 'ar', 'for', 'till', 'hon', 'han', 'hen', 'flera', 'typ', 'nog', 'kanske', 'ca', 'runt', 'mest', 'alternativ', 'svar'].map(fold),
);

/** The one option typed text means, or undefined when it fits none or several. */
export function typedChoice<Code extends string>(text: string, options: readonly TypedOption<Code>[]): Code | undefined {
  const byAge = optionByAge(text, options);
  if (byAge) return byAge;
  const typed = words(text).filter((word) => !FILLER.has(word));
  if (typed.length === 0) return undefined;
  const exact = options.filter((option) => fold(option.label).replace(/[^a-z0-9]+/g, ' ').trim() === typed.join(' '));
  if (exact.length === 1) return exact[0]!.code;
  const fitting = options.filter((option) => {
    const known = words(`${option.label} ${option.detail ?? ''}`);
    return typed.every((word) => known.some((candidate) => candidate.startsWith(word) || (word.length >= 5 && word.startsWith(candidate) && candidate.length >= 4)));
  });
  return fitting.length === 1 ? fitting[0]!.code : undefined;
}

/** Several typed answers ("pratat med barnet, elevhälsan och inget mer"): every part must mean one option. */
export function typedChoices<Code extends string>(text: string, options: readonly TypedOption<Code>[]): Code[] | undefined {
  const parts = text
    .split(/,|;|\+|&|\boch\b|\bsamt\b/iu)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  const codes: Code[] = [];
  for (const part of parts) {
    const code = typedChoice(part, options);
    if (code === undefined) return undefined;
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** A number of years ("11 år") or a grade ("åk 5") inside an option labelled "10–12 år (åk 4–6)". */
function optionByAge<Code extends string>(text: string, options: readonly TypedOption<Code>[]): Code | undefined {
  const typed = text.trim();
  const age = /^(?:(?:hon|han|hen|barnet|eleven)\s+)?(?:är\s+)?(\d{1,2})\s*(?:år|åring)?(?:\s+gammal)?[\s.!]*$/iu.exec(typed);
  const grade = /^(?:(?:hon|han|hen|barnet|eleven)\s+)?(?:går\s+i\s+)?(?:åk|årskurs|klass)\s*(\d{1,2})[\s.!]*$/iu.exec(typed);
  if (!age && !grade) return undefined;
  const matches = options.filter((option) => {
    if (age) {
      const range = /^(\d{1,2})\s*[–-]\s*(\d{1,2})\s*år/u.exec(option.label);
      return range !== null && Number(age[1]) >= Number(range[1]) && Number(age[1]) <= Number(range[2]);
    }
    const range = /(?:åk\s*(\d{1,2})|förskoleklass)\s*[–-]\s*(?:åk\s*)?(\d{1,2})/u.exec(option.label);
    return range !== null && Number(grade![1]) >= Number(range[1] ?? 0) && Number(grade![1]) <= Number(range[2]);
  });
  return matches.length === 1 ? matches[0]!.code : undefined;
}

function words(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Lower case without diacritics, so "vårdnadshavare" and "vardnadshavare" meet. */
function fold(text: string): string {
  return text.toLocaleLowerCase('sv').normalize('NFD').replace(/\p{M}/gu, '');
}
