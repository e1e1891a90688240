import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';

/**
 * The Staff screen's modal: labelled by its heading, focus placed inside on
 * open, Escape closes it, and its keys stay its own (the console's single-key
 * shortcuts do not fire behind it).
 */
export function StaffDialog({
  title,
  onClose,
  onSubmit,
  children,
  testId,
}: {
  title: string;
  onClose(): void;
  onSubmit(e: FormEvent): void;
  children: ReactNode;
  testId?: string;
}) {
  const headingId = useId();
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('input, select, [data-autofocus]');
    first?.focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
    e.stopPropagation();
  };
  return (
    <div className="modal-backdrop">
      <form
        ref={ref}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(e);
        }}
        onKeyDown={onKeyDown}
        noValidate
        data-testid={testId}
      >
        <h2 id={headingId}>{title}</h2>
        {children}
      </form>
    </div>
  );
}
