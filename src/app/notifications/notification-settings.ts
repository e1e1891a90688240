// Where a person's notification settings live for now: this install's local settings
// (docs/domain/escalations-and-notifications.md). Read live, so the notification check
// and the settings dialog see a save at once, without a reload.
import { trustedSettings, type NotificationSettings } from '../../domain/working-hours';
import type { Live } from '../../data/live';
import type { SettingsRepository } from '../../data/settings-repository';

/** A CalendarSpec; absent: Monday to Friday 08:00-17:00 in this computer's zone. */
export const WORKING_HOURS_KEY = 'notifications.workingHours';
export const WARN_BEFORE_KEY = 'notifications.warnBeforeMinutes';
export const DESKTOP_NOTIFICATIONS_KEY = 'notifications.desktop';

export function computerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export async function readNotificationSettings(settings: SettingsRepository): Promise<NotificationSettings> {
  const [workingHours, warnBeforeMinutes, desktopNotifications] = await Promise.all([
    settings.get<unknown>(WORKING_HOURS_KEY),
    settings.get<unknown>(WARN_BEFORE_KEY),
    settings.get<unknown>(DESKTOP_NOTIFICATIONS_KEY),
  ]);
  return trustedSettings({ workingHours, warnBeforeMinutes, desktopNotifications }, computerTimeZone());
}

export function liveNotificationSettings(settings: SettingsRepository): Live<NotificationSettings> {
  return settings.live(() => readNotificationSettings(settings));
}

/** Expects settings parseSettingsForm accepted. */
export async function saveNotificationSettings(settings: SettingsRepository, value: NotificationSettings): Promise<void> {
  await settings.setMany({
    [WORKING_HOURS_KEY]: value.workingHours,
    [WARN_BEFORE_KEY]: value.warnBeforeMinutes,
    [DESKTOP_NOTIFICATIONS_KEY]: value.desktopNotifications,
  });
}
