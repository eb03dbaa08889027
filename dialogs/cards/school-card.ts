import type { KnowledgeEntry } from '../../knowledge/knowledge-entry.js';
import type { SchoolInfo } from '../school-dialog.js';
import { adaptiveCard, heading, inputSubmitAction, paragraph, sourceFooter, type AdaptiveCard, type CardElement } from './adaptive-card.js';

/** The one-time question "which förskola/skola do you work at?", as a searchable list. */
export function schoolCard(schools: readonly SchoolInfo[], source: KnowledgeEntry): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Vilken förskola eller skola arbetar du på?'),
      paragraph('Jag frågar en gång och kommer ihåg svaret, så att jag kan visa rätt mottagningssektion. Uppgiften gäller dig som personal – inte barnet.'),
      {
        type: 'Input.ChoiceSet',
        id: 'school',
        style: 'filtered',
        label: 'Förskola eller skola',
        placeholder: 'Sök eller välj',
        isRequired: true,
        errorMessage: 'Välj en förskola eller skola, eller ”Annan”.',
        choices: schools.map((school) => ({ title: school.label, value: school.key })),
      },
      sourceFooter([source]),
    ],
    [inputSubmitAction('Spara', { action: 'school.choose' })],
  );
}

/** A required school list inside another card (the alert, the consultation's last question); its value arrives as `school`. */
export function schoolChoice(schools: readonly SchoolInfo[], label: string): CardElement {
  return {
    type: 'Input.ChoiceSet',
    id: 'school',
    label,
    style: 'filtered',
    placeholder: 'Sök eller välj',
    isRequired: true,
    errorMessage: 'Välj din förskola eller skola, eller ”Annan”.',
    choices: schools.map((school) => ({ title: school.label, value: school.key })),
  };
}
