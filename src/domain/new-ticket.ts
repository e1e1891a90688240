import { openedHistory } from './sla-history';
import { PRIORITY_SCHEMES } from './priority-schemes';
import { CHANNELS, type Channel, type Client, type Ticket } from './ticket';

export interface NewTicketDraft {
  clientId: string;
  title: string;
  description: string;
  priority: string;
  channel: string;
  assigneeId: string | null;
}

export type NewTicketField = keyof NewTicketDraft;
export type FieldErrors = Partial<Record<NewTicketField, string>>;

export type NewTicketResult = { ok: true; ticket: Omit<Ticket, 'id'> } | { ok: false; errors: FieldErrors };

export const TITLE_MAX = 200;

export interface NewTicketContext {
  clients: ReadonlyMap<string, Client>;
  staffIds: ReadonlySet<string>;
  /** ISO instant the ticket is opened at. */
  now: string;
}

/**
 * Checks a draft before anything is written. Every message names the field's
 * problem and what to do, so the form can show it next to the field.
 */
export function validateNewTicket(draft: NewTicketDraft, ctx: NewTicketContext): NewTicketResult {
  const errors: FieldErrors = {};
  const title = draft.title.trim();
  if (title.length === 0) errors.title = 'Enter a title: a short summary of the problem.';
  else if (title.length > TITLE_MAX) errors.title = `Shorten the title to ${TITLE_MAX} characters (it has ${title.length}).`;

  const client = ctx.clients.get(draft.clientId);
  if (!client) errors.clientId = 'Choose the client this ticket is for.';

  if (client) {
    const scheme = PRIORITY_SCHEMES[client.prioritySchemeId];
    if (!scheme.levels.some((l) => l.key === draft.priority)) {
      const allowed = scheme.levels.map((l) => l.label).join(', ');
      errors.priority =
        draft.priority === ''
          ? `Choose a priority: ${allowed}.`
          : `'${draft.priority}' is not a priority of ${client.name}'s contract; choose one of ${allowed}.`;
    }
  }

  if (!(CHANNELS as readonly string[]).includes(draft.channel)) {
    errors.channel = `Choose how the request came in: ${CHANNELS.join(', ')}.`;
  }

  if (draft.assigneeId !== null && !ctx.staffIds.has(draft.assigneeId)) {
    errors.assigneeId = 'The assignee is not a member of staff; choose someone from the list or leave it unassigned.';
  }

  if (Object.keys(errors).length > 0 || !client) return { ok: false, errors };
  return {
    ok: true,
    ticket: {
      clientId: client.id,
      title,
      description: draft.description.trim(),
      status: 'new',
      priority: draft.priority,
      channel: draft.channel as Channel,
      assigneeId: draft.assigneeId,
      openedAt: ctx.now,
      updatedAt: ctx.now,
      sla: openedHistory(ctx.now, draft.priority),
    },
  };
}
