import type { StaffRole } from '../municipality/roles.js';
import type { SlotKind } from './booking-model.js';

/** Who may do what with times and bookings, and the plain Swedish answer when they may not. */

/** An action on times or bookings that depends on the role. */
export type BookingAction = 'post-availability' | 'list-own-slots' | 'cancel-slot' | 'book-anmalningsmote' | 'book-konsultation';

/** Undefined when the role may do it; otherwise the calm explanation to show. */
export function refusalFor(action: BookingAction, role: StaffRole): string | undefined {
  switch (action) {
    case 'post-availability':
    case 'list-own-slots':
    case 'cancel-slot':
      return role.role === 'socialsekreterare'
        ? undefined
        : 'Tider läggs upp av socialsekreterarna på mottagningssektionerna, och du är inte registrerad som socialsekreterare. ' +
            'Vill du boka en tid? Skriv **boka konsultation**' +
            (role.role === 'rektor' ? ' eller **boka anmälningsmöte**.' : '.') +
            ' Är du socialsekreterare, be den som administrerar Samverkansboten lägga till dig.';
    case 'book-anmalningsmote':
      return role.role === 'rektor'
        ? undefined
        : role.role === 'socialsekreterare'
          ? 'Anmälningsmöten bokas av förskolan eller skolan i dina lediga tider. Dina tider och bokningar ser du under **mina tider**.'
          : 'Anmälningsmöten bokas av rektor eller förskolechef, som planerar mötet med socialtjänsten. Be din rektor boka – eller boka en **konsultation** om du vill rådgöra först.';
    case 'book-konsultation':
      return role.role === 'socialsekreterare'
        ? 'Konsultationstider bokas av personal i förskola och skola. Dina egna tider ser du under **mina tider**.'
        : undefined;
  }
}

/** The booking action for a slot kind. */
export function bookActionFor(kind: SlotKind): BookingAction {
  return kind === 'anmalningsmote' ? 'book-anmalningsmote' : 'book-konsultation';
}

/** The text when someone else's booking is touched. */
export const NOT_YOUR_BOOKING = 'Den bokningen är inte din, så du kan inte ändra den. Bara den som bokade och socialsekreteraren kan avboka eller flytta den.';

/** The text when a card button names a booking that does not exist (or was purged). */
export function unknownBookingText(reference: string): string {
  return `Jag hittar ingen bokning med referensen ${reference}. Den kan ha tagits bort efter mötet. Skriv **mina bokningar** för att se dina.`;
}
