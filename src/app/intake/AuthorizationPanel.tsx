// May this caller ask for this, and must it wait (docs/domain/phone-intake.md,
// "Authorization at intake")? Who can approve, and how to reach them, so intake
// can say it on the call; billable work is described for its approval here.
import {
  approversAmong,
  CONTACT_ROLE_LABELS,
  REQUEST_KIND_LABELS,
  REQUEST_KINDS,
  type RequestKind,
} from '../../domain/contact-authorization';
import { BILLABLE_TRIGGER_LABELS, contactReach, WORK_KIND_LABELS, WORK_KINDS, type WorkKind } from '../../domain/approval-requests';
import type { ContactRecord } from '../../protocol/records';
import { Field } from '../ticket/Field';
import type { IntakeFormProblems, IntakeGuidance } from './intake-check';
import type { IntakeDraft } from './intake-draft';

const HELD_TEXT = {
  awaiting_confirmation: 'It starts held, awaiting confirmation by an authorized contact.',
  awaiting_approval: 'It starts held, awaiting approval of its cost.',
} as const;

export function AuthorizationPanel({
  draft,
  guidance,
  clientContacts,
  problems,
  onChange,
}: {
  draft: IntakeDraft;
  guidance: IntakeGuidance;
  clientContacts: readonly ContactRecord[];
  problems: IntakeFormProblems;
  onChange(patch: Partial<IntakeDraft>): void;
}) {
  const approvers = approversAmong(clientContacts);
  const billable = draft.requestKind === 'billable_work' || guidance.needsApproval;
  return (
    <section className="intake-authorization" aria-label="Authorization" data-testid="intake-authorization">
      <Field label="What they ask for" error={undefined}>
        {(props) => (
          <select
            {...props}
            value={draft.requestKind}
            onChange={(e) => {
              const requestKind = e.target.value as RequestKind;
              onChange({ requestKind, work: requestKind === 'billable_work' ? 'project' : 'break_fix' });
            }}
            data-testid="request-kind"
          >
            {REQUEST_KINDS.map((k) => (
              <option key={k} value={k}>
                {REQUEST_KIND_LABELS[k][0]!.toUpperCase() + REQUEST_KIND_LABELS[k].slice(1)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className={guidance.answer.ok ? 'muted' : 'warning'} data-testid="may-request">
        {guidance.answer.reason}
      </p>
      {guidance.triggers.length > 0 && (
        <p data-testid="billable-triggers">Billable: {guidance.triggers.map((t) => BILLABLE_TRIGGER_LABELS[t.trigger]).join('; ')}.</p>
      )}
      {guidance.held && (
        <p className="warning" data-testid="held-notice">
          {HELD_TEXT[guidance.held]}
        </p>
      )}
      {(guidance.held || billable) && (
        <div data-testid="approvers">
          {approvers.length === 0 ? (
            <p>The client has no Billing Contact or Backup Approver on its list: ask a service coordinator to add one.</p>
          ) : (
            <>
              <p>Who can approve:</p>
              <ul>
                {approvers.map((c) => (
                  <li key={c.id}>
                    {c.name} ({CONTACT_ROLE_LABELS[c.role]}): {contactReach(c)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {billable && (
        <div className="field-row">
          <Field label="Work" error={undefined}>
            {(props) => (
              <select {...props} value={draft.work} onChange={(e) => onChange({ work: e.target.value as WorkKind })}>
                {WORK_KINDS.map((w) => (
                  <option key={w} value={w}>
                    {WORK_KIND_LABELS[w]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Estimate (hours)" error={problems.estimateHours}>
            {(props) => (
              <input
                {...props}
                inputMode="decimal"
                value={draft.estimateHours}
                onChange={(e) => onChange({ estimateHours: e.target.value })}
                autoComplete="off"
              />
            )}
          </Field>
        </div>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={draft.onsite} onChange={(e) => onChange({ onsite: e.target.checked })} />
        Needs an onsite visit
      </label>
    </section>
  );
}
