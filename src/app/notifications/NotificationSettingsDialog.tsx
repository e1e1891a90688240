import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { BusinessCalendar, WEEKDAYS, type Weekday } from '../../domain/sla';
import {
  holdingSentence,
  parseSettingsForm,
  settingsForm,
  WARN_BEFORE_MAX_MINUTES,
  WEEKDAY_NAMES,
  type DayForm,
  type NotificationSettingsForm,
  type SettingsErrors,
} from '../../domain/working-hours';
import { useNow } from '../hooks/useNow';
import { useServices } from '../services';
import { Field } from '../ticket/Field';
import { readNotificationSettings, saveNotificationSettings } from './notification-settings';

const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** One's own working hours, time zone, warning lead time and desktop notifications (docs/domain/escalations-and-notifications.md). */
export function NotificationSettingsDialog({ onClose }: { onClose(): void }) {
  const { repos } = useServices();
  const [form, setForm] = useState<NotificationSettingsForm | null>(null);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [saving, setSaving] = useState(false);
  const headingId = useId();
  const firstRef = useRef<HTMLInputElement>(null);
  const now = useNow(30_000);

  useEffect(() => {
    let live = true;
    void readNotificationSettings(repos.settings).then((settings) => {
      if (live) setForm((f) => f ?? settingsForm(settings));
    });
    return () => {
      live = false;
    };
  }, [repos]);

  // Back to where the person was when the dialog closes.
  useEffect(() => {
    const before = document.activeElement;
    return () => {
      if (before instanceof HTMLElement) before.focus();
    };
  }, []);
  const loaded = form !== null;
  useEffect(() => {
    if (loaded) firstRef.current?.focus();
  }, [loaded]);

  // The sentence follows the form as edited, so the effect of a change shows before it is saved.
  const preview = useMemo(() => {
    if (!form) return null;
    const parsed = parseSettingsForm(form);
    if (!parsed.ok) return null;
    return holdingSentence(new BusinessCalendar(parsed.settings.workingHours), now);
  }, [form, now]);

  if (!form)
    return (
      <div className="modal-backdrop">
        <div className="modal" role="dialog" aria-modal="true" aria-labelledby={headingId} aria-busy="true">
          <h2 id={headingId}>Notification settings</h2>
          <p>Loading…</p>
        </div>
      </div>
    );

  const updateDay = (wd: Weekday, patch: (day: DayForm) => DayForm) =>
    setForm((f) => (f ? { ...f, days: { ...f.days, [wd]: patch(f.days[wd]) } } : f));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    const parsed = parseSettingsForm(form);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setSaving(true);
    try {
      await saveNotificationSettings(repos.settings, parsed.settings);
      onClose();
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="modal-backdrop">
      <form
        className="modal notification-settings"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        onSubmit={submit}
        noValidate
        data-testid="notification-settings"
      >
        <h2 id={headingId}>Notification settings</h2>
        <p className="hint">
          Outside your working hours, notifications about non-Critical tickets wait for your next working hours; Critical tickets notify at
          any time.
        </p>
        <fieldset className="working-hours">
          <legend>Working hours</legend>
          {WEEKDAYS.map((wd, dayIndex) => (
            <DayFieldset
              key={wd}
              weekday={wd}
              day={form.days[wd]}
              errors={errors}
              checkboxRef={dayIndex === 0 ? firstRef : undefined}
              onChange={(patch) => updateDay(wd, patch)}
            />
          ))}
          {errors.week && (
            <p className="field-error" role="alert">
              {errors.week}
            </p>
          )}
        </fieldset>
        <div className="field-row">
          <Field label="Time zone" error={errors.timeZone}>
            {(props) => (
              <>
                <input
                  {...props}
                  value={form.timeZone}
                  list={`${props.id}-zones`}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => setForm({ ...form, timeZone: e.target.value })}
                />
                <datalist id={`${props.id}-zones`}>
                  {ZONES.map((z) => (
                    <option key={z} value={z} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label="Warn this many minutes before a breach" error={errors.warnBeforeMinutes}>
            {(props) => (
              <input
                {...props}
                inputMode="numeric"
                value={form.warnBeforeMinutes}
                title={`1 to ${WARN_BEFORE_MAX_MINUTES} minutes`}
                onChange={(e) => setForm({ ...form, warnBeforeMinutes: e.target.value })}
              />
            )}
          </Field>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={form.desktopNotifications}
            onChange={(e) => setForm({ ...form, desktopNotifications: e.target.checked })}
          />{' '}
          Show desktop notifications
        </label>
        <p className="hint" aria-live="polite" data-testid="next-opening">
          {preview ?? 'Correct the working hours to see when notifications would wait until.'}
        </p>
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            Save settings
          </button>
        </div>
      </form>
    </div>
  );
}

function DayFieldset({
  weekday,
  day,
  errors,
  checkboxRef,
  onChange,
}: {
  weekday: Weekday;
  day: DayForm;
  errors: SettingsErrors;
  checkboxRef: React.Ref<HTMLInputElement> | undefined;
  onChange(patch: (day: DayForm) => DayForm): void;
}) {
  const id = useId();
  const name = WEEKDAY_NAMES[weekday];
  const dayError = errors[weekday];
  const setWindow = (i: number, patch: Partial<{ from: string; to: string }>) =>
    onChange((d) => ({ ...d, windows: d.windows.map((w, k) => (k === i ? { ...w, ...patch } : w)) }));
  return (
    <fieldset className="day" data-weekday={weekday}>
      <legend>{name}</legend>
      <label className="check">
        <input
          ref={checkboxRef}
          type="checkbox"
          checked={day.on}
          aria-invalid={Boolean(dayError)}
          aria-describedby={dayError ? `${id}-day-error` : undefined}
          onChange={(e) => onChange((d) => ({ ...d, on: e.target.checked }))}
        />{' '}
        Working
      </label>
      {day.windows.map((w, i) => {
        const error = errors[`${weekday}.${i}`];
        const errorId = `${id}-${i}-error`;
        const which = i === 0 ? '' : ` (hours ${i + 1})`;
        const wired = { disabled: !day.on, 'aria-invalid': Boolean(error), 'aria-describedby': error ? errorId : undefined };
        return (
          <div className={error ? 'window invalid' : 'window'} key={i}>
            <label>
              From<span className="visually-hidden">{which}</span>{' '}
              <input type="time" value={w.from} {...wired} onChange={(e) => setWindow(i, { from: e.target.value })} />
            </label>
            <label>
              to<span className="visually-hidden">{which}</span>{' '}
              <input type="time" value={w.to} {...wired} onChange={(e) => setWindow(i, { to: e.target.value })} />
            </label>
            {i > 0 && (
              <button
                type="button"
                disabled={!day.on}
                onClick={() => onChange((d) => ({ ...d, windows: d.windows.filter((_, k) => k !== i) }))}
              >
                Remove<span className="visually-hidden"> hours {i + 1}</span>
              </button>
            )}
            {error && (
              <p id={errorId} className="field-error" role="alert">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <button
        type="button"
        disabled={!day.on}
        onClick={() => onChange((d) => ({ ...d, windows: [...d.windows, { from: '13:00', to: '17:00' }] }))}
      >
        Add hours<span className="visually-hidden"> on {name}</span>
      </button>
      {dayError && (
        <p id={`${id}-day-error`} className="field-error" role="alert">
          {dayError}
        </p>
      )}
    </fieldset>
  );
}
