import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { defaultWorkingHours } from './notifications';
import { BusinessCalendar, checkCalendarSpec } from './sla';
import {
  defaultNotificationSettings,
  holdingSentence,
  parseSettingsForm,
  settingsForm,
  trustedSettings,
  workingHoursNow,
  type NotificationSettingsForm,
} from './working-hours';

const ZONE = 'America/Chicago';
const base = (): NotificationSettingsForm => settingsForm(defaultNotificationSettings(ZONE));
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();

describe('parseSettingsForm accepts', () => {
  it('the defaults, as the calendar they came from', () => {
    const result = parseSettingsForm(base());
    expect(result).toEqual({
      ok: true,
      settings: {
        workingHours: { ...defaultWorkingHours(ZONE), businessDayMinutes: 540 },
        warnBeforeMinutes: 30,
        desktopNotifications: true,
      },
    });
  });

  it.each([
    ['a day off leaves the day out', (f: NotificationSettingsForm) => (f.days.wed.on = false), { wed: undefined }],
    [
      'a split day, with days of different lengths',
      (f: NotificationSettingsForm) =>
        (f.days.mon.windows = [
          { from: '07:00', to: '12:00' },
          { from: '13:00', to: '15:00' },
        ]),
      {
        mon: [
          { from: '07:00', to: '12:00' },
          { from: '13:00', to: '15:00' },
        ],
      },
    ],
    [
      'a weekend day switched on',
      (f: NotificationSettingsForm) => {
        f.days.sat.on = true;
        f.days.sat.windows = [{ from: '10:00', to: '14:00' }];
      },
      { sat: [{ from: '10:00', to: '14:00' }] },
    ],
    [
      'windows that meet at midnight',
      (f: NotificationSettingsForm) => {
        f.days.mon.windows = [{ from: '20:00', to: '24:00' }];
        f.days.tue.windows = [{ from: '00:00', to: '04:00' }];
      },
      { mon: [{ from: '20:00', to: '24:00' }], tue: [{ from: '00:00', to: '04:00' }] },
    ],
  ])('%s', (_name, edit, week) => {
    const form = base();
    edit(form);
    const result = parseSettingsForm(form);
    expect(result.ok).toBe(true);
    const expected = Object.fromEntries(Object.entries({ ...defaultWorkingHours(ZONE).week, ...week }).filter(([, w]) => w !== undefined));
    expect(result.ok && result.settings.workingHours.week).toEqual(expected);
    expect(result.ok && checkCalendarSpec(result.settings.workingHours).ok).toBe(true);
  });
});

describe('parseSettingsForm refuses, naming the field and what to do', () => {
  it.each([
    [
      'an end before the start',
      (f: NotificationSettingsForm) => (f.days.tue.windows = [{ from: '17:00', to: '08:00' }]),
      'tue.0',
      /Tuesday: .*ends before it starts/,
    ],
    [
      'overlapping hours',
      (f: NotificationSettingsForm) =>
        (f.days.thu.windows = [
          { from: '08:00', to: '12:00' },
          { from: '11:00', to: '17:00' },
        ]),
      'thu.1',
      /Thursday: window 11:00–17:00 overlaps window 08:00–12:00$/,
    ],
    [
      'a cleared time',
      (f: NotificationSettingsForm) => (f.days.fri.windows = [{ from: '', to: '17:00' }]),
      'fri.0',
      /Friday: .*write HH:MM/,
    ],
    [
      'an unknown zone',
      (f: NotificationSettingsForm) => (f.timeZone = 'Mars/Olympus_Mons'),
      'timeZone',
      /Time zone: 'Mars\/Olympus_Mons' is not an IANA time zone.*choose one/,
    ],
    ['an empty zone', (f: NotificationSettingsForm) => (f.timeZone = ' '), 'timeZone', /Time zone: .*choose one/],
    [
      'no working day at all',
      (f: NotificationSettingsForm) => Object.values(f.days).forEach((d) => (d.on = false)),
      'week',
      /switch on at least one day/,
    ],
    [
      'a day on with no hours',
      (f: NotificationSettingsForm) => (f.days.mon.windows = []),
      'mon',
      /Monday: give it hours, or switch the day off/,
    ],
    [
      'warning minutes that are not a number',
      (f: NotificationSettingsForm) => (f.warnBeforeMinutes = 'soon'),
      'warnBeforeMinutes',
      /not a whole number.*e\.g\. 30/,
    ],
    ['zero warning minutes', (f: NotificationSettingsForm) => (f.warnBeforeMinutes = '0'), 'warnBeforeMinutes', /give 1 to 1440/],
    ['a warning over a day ahead', (f: NotificationSettingsForm) => (f.warnBeforeMinutes = '1441'), 'warnBeforeMinutes', /give 1 to 1440/],
  ])('%s', (_name, edit, field, message) => {
    const form = base();
    edit(form);
    const result = parseSettingsForm(form);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[field]).toMatch(message);
  });

  it('ignores the hours of a day that is off', () => {
    const form = base();
    form.days.tue = { on: false, windows: [{ from: '17:00', to: '08:00' }] };
    expect(parseSettingsForm(form).ok).toBe(true);
  });
});

describe('settingsForm', () => {
  it('shows a day off as off, with hours ready for switching it on', () => {
    const form = base();
    expect(form.days.sat).toEqual({ on: false, windows: [{ from: '08:00', to: '17:00' }] });
    expect(form.days.mon).toEqual({ on: true, windows: [{ from: '08:00', to: '17:00' }] });
  });
});

describe('trustedSettings', () => {
  it.each([
    ['nothing stored', {}, defaultNotificationSettings(ZONE)],
    [
      'a broken calendar and a bad number',
      { workingHours: { timeZone: 'Nowhere', week: {} }, warnBeforeMinutes: -5, desktopNotifications: 'yes' },
      defaultNotificationSettings(ZONE),
    ],
    [
      'good values',
      {
        workingHours: { timeZone: 'Europe/Paris', week: { sat: [{ from: '09:00', to: '12:00' }] } },
        warnBeforeMinutes: 45,
        desktopNotifications: false,
      },
      {
        workingHours: { timeZone: 'Europe/Paris', week: { sat: [{ from: '09:00', to: '12:00' }] } },
        warnBeforeMinutes: 45,
        desktopNotifications: false,
      },
    ],
  ])('%s', (_name, stored, expected) => {
    expect(trustedSettings(stored, ZONE)).toEqual(expected);
  });
});

describe('when held notifications go out', () => {
  const weekdays = new BusinessCalendar(defaultWorkingHours(ZONE));
  const nights = new BusinessCalendar({
    timeZone: ZONE,
    week: {
      mon: [{ from: '20:00', to: '24:00' }],
      tue: [
        { from: '00:00', to: '04:00' },
        { from: '20:00', to: '22:00' },
      ],
    },
  });
  it.each([
    [
      'Friday evening waits for Monday',
      weekdays,
      '2026-01-16T18:00',
      { open: false, closesAtMs: null, nextOpeningMs: at('2026-01-19T08:00') },
    ],
    [
      'Tuesday before work waits for the same morning',
      weekdays,
      '2026-01-13T06:30',
      { open: false, closesAtMs: null, nextOpeningMs: at('2026-01-13T08:00') },
    ],
    [
      'Tuesday at work closes at 17:00, then Wednesday',
      weekdays,
      '2026-01-13T10:00',
      { open: true, closesAtMs: at('2026-01-13T17:00'), nextOpeningMs: at('2026-01-14T08:00') },
    ],
    [
      'hours across midnight are one stretch',
      nights,
      '2026-01-12T21:00',
      { open: true, closesAtMs: at('2026-01-13T04:00'), nextOpeningMs: at('2026-01-13T20:00') },
    ],
  ])('%s', (_name, calendar, now, expected) => {
    expect(workingHoursNow(calendar, at(now))).toEqual(expected);
  });

  it.each([
    ['2026-01-16T18:00', 'You are outside your working hours: notifications for non-Critical tickets wait until Monday 08:00.'],
    [
      '2026-01-13T10:00',
      'You are in your working hours until Tuesday 17:00; after that, notifications for non-Critical tickets wait until Wednesday 08:00.',
    ],
  ])('says so at %s', (now, sentence) => {
    expect(holdingSentence(weekdays, at(now))).toBe(sentence);
  });

  it('gives the date when the next opening is a week or more away', () => {
    const mondays = new BusinessCalendar({ timeZone: ZONE, week: { mon: [{ from: '08:00', to: '09:00' }] } });
    expect(holdingSentence(mondays, at('2026-01-12T10:00'))).toMatch(/wait until Monday 19 January 2026 at 08:00\.$/);
  });
});
