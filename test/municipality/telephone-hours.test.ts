import { describe, expect, it } from 'vitest';
import { telephoneHoursList, weekdayRange } from '../../municipality/telephone-hours.js';

describe('telephone hours as text', () => {
  it('writes consecutive weekdays as a range and others as a list', () => {
    expect(weekdayRange([1])).toBe('måndag');
    expect(weekdayRange([4, 2, 3])).toBe('tisdag–torsdag');
    expect(weekdayRange([2, 4])).toBe('tisdag och torsdag');
    expect(weekdayRange([1, 3, 5])).toBe('måndag, onsdag och fredag');
  });

  it('lists each day with dotted times, then the breaks', () => {
    const hours = {
      timezone: 'Europe/Stockholm',
      days: [
        { weekdays: [1, 2, 3, 4], open: '08:00', close: '16:30' },
        { weekdays: [5], open: '08:00', close: '15:00' },
      ],
      breaks: [
        { from: '12:00', to: '12:45', label: 'lunch' },
        { from: '15:00', to: '15:30', label: 'möte' },
      ],
      closedOnPublicHolidays: true,
      closedOnEves: [],
    };
    expect(telephoneHoursList(hours)).toBe('måndag–torsdag 08.00–16.30, fredag 08.00–15.00, lunchstängt 12.00–12.45, stängt 15.00–15.30');
  });
});
