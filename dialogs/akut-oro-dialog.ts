import { TurnContext } from './botbuilder-runtime.js';
import type { PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from './dialog-classes.js';
import { CardPrompt, type CardPromptAnswer, type CardPromptOptions } from './card-prompt.js';
import { cardActivity } from './cards/adaptive-card.js';
import { alertFollowUpCard } from './cards/alert-follow-up-card.js';
import { escalationOfferCard } from './cards/escalation-offer-card.js';
import { answerQuestion, type RoutineDependencies } from './routine-dependencies.js';
import { countInsight } from './count-insight.js';
import { fillPlaceholders, partsFor } from '../municipality/routine-texts.js';
import { citationList, citedMessage, entryLookup, requireEntries } from './routine-sources.js';
import { knownSchool, rememberSchoolOf, SchoolDialog, SCHOOL_DIALOG_ID, type SchoolInfo } from './school-dialog.js';
import { schoolInfo, schoolOptions } from '../municipality/schools.js';
import { readTurnInput } from './turn-input.js';
import { callNowLines, emergencyLine, whoToCall, type WhoToCall } from '../triage/who-to-call.js';

/** Dialog id of akut oro. */
export const AKUT_ORO_DIALOG_ID = 'akutOroDialog';

/** Options: `escalateNow` skips the first reply (the user pressed "Larma" on an earlier card), with the `school` chosen on it. */
export interface AkutOroDialogOptions {
  readonly escalateNow?: boolean;
  readonly school?: string;
}

const ESCALATION_PROMPT = 'akutOroDialog.escalationPrompt';
const WATERFALL = 'akutOroDialog.waterfall';

/**
 * Akut oro: the first reply says whom to call now, not to tell the guardians, to report orally now
 * and in writing afterwards, to stay reachable, and what social services do next. Only then does it
 * offer to alert the mottagningssektion in Teams (asking the school first if it is unknown).
 */
export class AkutOroDialog extends ComponentDialog {
  private readonly entries;
  private readonly akutEntry;

  constructor(private readonly deps: RoutineDependencies) {
    super(AKUT_ORO_DIALOG_ID);
    this.entries = entryLookup(deps.knowledge);
    this.akutEntry = requireEntries(deps.knowledge, ['akut-oro'])['akut-oro'];
    this.addDialog(new CardPrompt(ESCALATION_PROMPT, (prompt) => this.answerQuestionsWhileWaiting(prompt)));
    this.addDialog(new SchoolDialog(deps));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [this.tellWhoToCallNow.bind(this), this.ensureSchoolKnown.bind(this), this.requestCallback.bind(this)]),
    );
    this.initialDialogId = WATERFALL;
  }

  private async tellWhoToCallNow(step: WaterfallStepContext) {
    const { escalateNow } = (step.options ?? {}) as AkutOroDialogOptions;
    if (escalateNow) return step.next();
    this.deps.events?.routineStarted('akut-oro');
    await countInsight(step.context, this.deps, { kind: 'akut-detected' });
    const school = await knownSchool(step.context, this.deps);
    const who = whoToCall(this.deps.knowledge.contacts, this.deps.clock.now(), school?.area);
    await step.context.sendActivity(this.firstReply(who, step.context.activity.channelId));
    const options: CardPromptOptions = {
      prompt: cardActivity(escalationOfferCard(who, school ? undefined : schoolOptions(this.deps.knowledge.contacts), this.akutEntry)),
      expect: { action: 'akut.escalate' },
      textAnswers: [{ pattern: '^(ja|larma|larma dem|larma mottagningen|ja,? larma)[\\s.!]*$', action: { action: 'akut.escalate' } }],
    };
    return step.prompt(ESCALATION_PROMPT, options);
  }

  /** The school chosen on the alert card is remembered; without one (typed "larma"), it is asked once now. */
  private async ensureSchoolKnown(step: WaterfallStepContext) {
    const result = step.result as CardPromptAnswer | undefined;
    const pressed = result?.kind === 'card' ? result.action : undefined;
    const key = (pressed?.action === 'akut.escalate' ? pressed.school : undefined) ?? ((step.options ?? {}) as AkutOroDialogOptions).school;
    const chosen = key === undefined ? undefined : schoolInfo(this.deps.knowledge.contacts, key);
    if (chosen) {
      await rememberSchoolOf(step.context, this.deps, chosen);
      return step.next(chosen);
    }
    return step.beginDialog(SCHOOL_DIALOG_ID);
  }

  private async requestCallback(step: WaterfallStepContext) {
    const school = step.result as SchoolInfo;
    const who = whoToCall(this.deps.knowledge.contacts, this.deps.clock.now(), school.area);
    if (school.area === undefined) {
      await step.context.sendActivity(
        [`Jag vet inte vilken mottagningssektion ${school.name} hör till, så jag kan inte larma i Teams. Ring direkt:`, ...callNowLines(who), emergencyLine(who)].join('\n\n'),
      );
      return step.endDialog();
    }
    const { activity } = step.context;
    const result = await this.deps.escalation
      .requestCallback({
        area: school.area,
        school: school.name,
        requester: { id: activity.from.id, name: activity.from.name ?? '', ...(activity.from.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}) },
        conversationReference: TurnContext.getConversationReference(activity),
      })
      .catch((error: unknown) => {
        this.deps.events?.portFailed('ESCALATION_FAILED', error);
        return { status: 'failed' as const };
      });
    if (result.status !== 'sent') {
      await step.context.sendActivity(this.notDeliveredReply(who));
      return step.endDialog();
    }
    const section = who.sections[0]!;
    await step.context.sendActivity(cardActivity(alertFollowUpCard(result.escalationId, section.name), this.deliveredReply(who)));
    return step.endDialog();
  }

  /**
   * The alert is in the channel. Open: the section will call back. Closed: nobody will until it
   * opens, so say when that is and send the user to socialjouren now.
   */
  private deliveredReply(who: WhoToCall): string {
    const section = who.sections[0]!;
    const [callNow, whenOpen] = callNowLines(who);
    if (who.open) {
      return [
        `${section.name} har fått ditt larm i Teams. En socialsekreterare ringer upp dig, och du får ett meddelande här när någon har tagit larmet.`,
        `Brådskar det, vänta inte. ${callNow} ${whenOpen}`,
        emergencyLine(who),
      ].join('\n\n');
    }
    return [
      `${who.closedReason}. ${who.openingText}. Ditt larm har kommit fram i Teams, men ingen ringer upp dig innan dess – du får ett meddelande här när någon har tagit det.`,
      callNow,
      emergencyLine(who),
    ].join('\n\n');
  }

  /** The alert did not reach anyone: the number that answers now (the section when open, socialjouren when closed). */
  private notDeliveredReply(who: WhoToCall): string {
    return ['Larmet kunde inte skickas i Teams, så ingen har sett det.', ...callNowLines(who), emergencyLine(who)].join('\n\n');
  }

  /** Free text while the alert button waits: answered from the routines; the button stays. */
  private async answerQuestionsWhileWaiting(prompt: PromptValidatorContext<CardPromptAnswer>): Promise<boolean> {
    if (prompt.recognized.value?.kind === 'card') return true;
    const input = readTurnInput(prompt.context);
    if (input.kind === 'text') {
      await answerQuestion(prompt.context, this.deps, input.text, { whoToCallShown: true });
      await prompt.context.sendActivity('Knappen för att larma mottagningssektionen finns kvar ovan. Skriv **avbryt** om du vill göra något annat.');
    }
    return false;
  }

  /** The pack's first reply: each part's text with whom to call filled in, followed by its citation markers. */
  private firstReply(who: WhoToCall, channelId: string) {
    const citations = citationList();
    const [ringNu = '', oppnar = ''] = callNowLines(who);
    const values = { ringNu, oppnar, nodlage: emergencyLine(who) };
    const text = partsFor(this.deps.routines.akutOro.firstReply, new Set([who.open ? 'oppet' : 'stangt'] as const))
      .map((part) => {
        const markers = this.entries(part.sources ?? []).map((entry) => citations.cite(entry));
        return [fillPlaceholders(part.text, values), ...markers].join(' ');
      })
      .join('\n\n');
    return citedMessage(text, citations.entries, channelId);
  }
}
