// A refusal from the visit repository as the form shows it: by the field it
// names ("at", "hours", "parts.0.quantity"), without the field's prefix.
import { LocalMutationRefused } from '../../data/outbox';

export interface Refusal {
  field: string | null;
  message: string;
}

export function refusalOf(e: unknown): Refusal {
  const message = e instanceof Error ? e.message : String(e);
  const field = e instanceof LocalMutationRefused && e.field ? e.field : null;
  return { field, message: field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message };
}
