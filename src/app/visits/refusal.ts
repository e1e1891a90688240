import { LocalMutationRefused } from '../../data/outbox';

/** A refusal's message without the "field: " prefix the outbox puts on argument problems, and the field it names. */
export function refusalOf(err: unknown): { field: string | undefined; message: string } {
  const message = err instanceof Error ? err.message : String(err);
  const field = err instanceof LocalMutationRefused ? err.field : undefined;
  return { field, message: field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message };
}
