// Outside the client's business hours intake reads the notice to the caller and
// records that they were told and whether they agreed to the charge
// (docs/domain/phone-intake.md, "After hours").
import type { AfterHoursNotice } from '../../domain/after-hours';
import type { IntakeDraft } from './intake-draft';

export function AfterHoursPanel({
  notice,
  draft,
  problem,
  onChange,
}: {
  notice: Extract<AfterHoursNotice, { afterHours: true }>;
  draft: IntakeDraft;
  problem: string | undefined;
  onChange(patch: Partial<IntakeDraft>): void;
}) {
  return (
    <section className="after-hours-notice" aria-label="After hours" data-testid="after-hours">
      <p role="status">{notice.message}</p>
      {notice.billable && (
        <div className={problem ? 'invalid' : undefined}>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.afterHoursTold}
              aria-invalid={Boolean(problem)}
              onChange={(e) => onChange({ afterHoursTold: e.target.checked, ...(e.target.checked ? {} : { afterHoursAgreed: false }) })}
            />
            Caller was told
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.afterHoursAgreed}
              disabled={!draft.afterHoursTold}
              onChange={(e) => onChange({ afterHoursAgreed: e.target.checked })}
            />
            Caller agreed to the charge
          </label>
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
