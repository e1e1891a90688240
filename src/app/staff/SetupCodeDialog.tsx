import { useState } from 'react';
import { StaffDialog } from './StaffDialog';

/** The one-time code, shown once: the server keeps only its hash, so closing this is the last chance to copy it. */
export function SetupCodeDialog({
  title,
  name,
  code,
  expiresAt,
  onClose,
}: {
  title: string;
  name: string;
  code: string;
  expiresAt: string;
  onClose(): void;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = () => {
    navigator.clipboard
      .writeText(code)
      .then(() => setCopied('Copied.'))
      .catch(() => setCopied('Copying is not allowed here; select the code and copy it by hand.'));
  };
  return (
    <StaffDialog title={title} onClose={onClose} onSubmit={onClose} testId="setup-code-dialog">
      <p>
        Give {name} this one-time setup code. They choose their own password with it at their first sign-in. It works once, until{' '}
        {new Date(expiresAt).toLocaleString()}.
      </p>
      <p className="setup-code" data-testid="setup-code" aria-label="One-time setup code">
        {code}
      </p>
      <p className="muted">It is shown only now: the server keeps no readable copy. If it is lost, reset the password again.</p>
      <p role="status" aria-live="polite">
        {copied}
      </p>
      <div className="modal-actions">
        <button type="button" onClick={copy} data-autofocus>
          Copy code
        </button>
        <button type="submit" className="primary">
          Done
        </button>
      </div>
    </StaffDialog>
  );
}
