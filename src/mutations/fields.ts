// Field schemas the mutations share. Browser-safe: zod and src/domain only.
import { z } from 'zod';
import { TITLE_MAX } from '../domain/new-ticket';

export const BODY_MAX = 20_000;

// PostgreSQL cannot store NUL characters or unpaired UTF-16 surrogates in text or jsonb.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (s: string) => !s.includes('\u0000') && !LONE_SURROGATE.test(s);

/** Free text as people type it, minus the characters no database column can hold. */
export const text = () => z.string().refine(storable, 'contains a NUL character or broken Unicode; remove it and try again.');

export const ticketTitle = text()
  .trim()
  .min(1, 'Enter a title: a short summary of the problem.')
  .max(TITLE_MAX, `Shorten the title to ${TITLE_MAX} characters.`);
export const ticketDescription = text().max(BODY_MAX, `Shorten the description to ${BODY_MAX} characters.`);
/** A priority key of the client's contract; which keys are allowed is checked against the client by the server. */
export const priorityKey = text().min(1).max(32);

/** A note's text: not blank once trimmed, and storable; `empty` says what to write. */
export const noteBody = (empty: string) => text().trim().min(1, empty).max(BODY_MAX, `Shorten the note to ${BODY_MAX} characters.`);
