// The Request types screen's edit form as text fields, and back to a request
// type: empty maximum means "no latest date", a type with bands takes its
// range from them (docs/domain/lead-times.md).
import { spanOfBands, type LeadTimeBand, type LeadTimeUnit, type RequestTypeSpec } from '../../domain/lead-times';
import type { RequestTypeRecord } from '../../protocol/records';

export interface BandForm {
  from: string;
  to: string;
  minDays: string;
  maxDays: string;
}

export interface RequestTypeForm {
  id: string | null;
  name: string;
  unit: LeadTimeUnit;
  minDays: string;
  maxDays: string;
  note: string;
  hasParameter: boolean;
  parameterLabel: string;
  bands: BandForm[];
}

const text = (n: number | null) => (n === null ? '' : String(n));

export const NEW_TYPE_FORM: RequestTypeForm = {
  id: null,
  name: '',
  unit: 'business_days',
  minDays: '',
  maxDays: '',
  note: '',
  hasParameter: false,
  parameterLabel: '',
  bands: [],
};

export function formOf(t: RequestTypeRecord): RequestTypeForm {
  return {
    id: t.id,
    name: t.name,
    unit: t.unit,
    minDays: text(t.minDays),
    maxDays: text(t.maxDays),
    note: t.note,
    hasParameter: t.parameter !== null,
    parameterLabel: t.parameter?.label ?? '',
    bands: (t.parameter?.bands ?? []).map((b) => ({
      from: text(b.from),
      to: text(b.to),
      minDays: text(b.minDays),
      maxDays: text(b.maxDays),
    })),
  };
}

/** A number field: empty is null, anything not a whole number is NaN, which the domain's rules then name. */
function num(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export type ParsedForm = { ok: true; spec: RequestTypeSpec } | { ok: false; problems: string[] };

export function specOf(form: RequestTypeForm): ParsedForm {
  const problems: string[] = [];
  const required = (label: string, value: string): number => {
    const n = num(value);
    if (n === null || Number.isNaN(n)) problems.push(`${label}: enter a whole number of days.`);
    return n ?? 0;
  };
  const optional = (label: string, value: string): number | null => {
    const n = num(value);
    if (n !== null && Number.isNaN(n)) problems.push(`${label}: enter a whole number of days, or leave it empty for no maximum.`);
    return n;
  };
  if (!form.hasParameter) {
    const minDays = required('Minimum', form.minDays);
    const maxDays = optional('Maximum', form.maxDays);
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, spec: { name: form.name, unit: form.unit, minDays, maxDays, parameter: null, note: form.note } };
  }
  const bands: LeadTimeBand[] = form.bands.map((b, i) => {
    const from = num(b.from);
    const to = num(b.to);
    if (from === null || Number.isNaN(from)) problems.push(`Band ${i + 1}: enter the first count it covers.`);
    if (to !== null && Number.isNaN(to)) problems.push(`Band ${i + 1}: enter the last count it covers, or leave it empty for "or more".`);
    return {
      from: from ?? 0,
      to,
      minDays: required(`Band ${i + 1} minimum`, b.minDays),
      maxDays: optional(`Band ${i + 1} maximum`, b.maxDays),
    };
  });
  if (problems.length > 0) return { ok: false, problems };
  const span = bands.length > 0 ? spanOfBands(bands) : { minDays: 0, maxDays: null };
  return {
    ok: true,
    spec: { name: form.name, unit: form.unit, ...span, parameter: { label: form.parameterLabel, bands }, note: form.note },
  };
}
