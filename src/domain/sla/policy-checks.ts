// Rules a policy must satisfy beyond its shape. Each issue names the field and
// the value, and says what to change.
import { PRIORITY_SCHEMES } from '../priority-schemes';
import { weekdayLengths } from './business-calendar';
import { formatTimeOfDay, parseIsoDate, parseTimeOfDay } from './civil-date';
import { SlaPolicyError, type PolicyIssue } from './errors';
import { regionHolidayNames, regionProblem } from './holiday-rules';
import { calendarSchema, policySchema, type PolicyShape } from './policy-schema';
import type { CalendarSpec, SlaDuration, SlaPolicy, TargetSpec } from './policy-types';
import { WEEKDAYS } from './policy-types';
import { fixedAmount, measureOf } from './targets';
import { isValidTimeZone } from './zone-time';

function pathOf(parts: ReadonlyArray<PropertyKey>): string {
  return parts.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

function checkCalendar(cal: CalendarSpec, issues: PolicyIssue[]): void {
  if (!isValidTimeZone(cal.timeZone))
    issues.push({ path: 'calendar.timeZone', message: `'${cal.timeZone}' is not an IANA time zone (e.g. 'America/Chicago')` });
  let anyWindow = false;
  for (const wd of WEEKDAYS) {
    const windows = (cal.week[wd] ?? []).map((w, i) => ({
      i,
      from: parseTimeOfDay(w.from) ?? 0,
      to: parseTimeOfDay(w.to) ?? 0,
      text: `${w.from}–${w.to}`,
    }));
    for (const w of windows) {
      const path = `calendar.week.${wd}[${w.i}]`;
      if (w.from === 1440) issues.push({ path, message: `window ${w.text} starts at 24:00: start it at 00:00 on the next day` });
      else if (w.to <= w.from)
        issues.push({ path, message: `window ${w.text} ends before it starts (a window cannot cross midnight: split it at 24:00)` });
      else anyWindow = true;
    }
    const sorted = windows.filter((w) => w.to > w.from).sort((a, b) => a.from - b.from);
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1]!;
      const cur = sorted[k]!;
      if (cur.from < prev.to)
        issues.push({
          path: `calendar.week.${wd}[${cur.i}]`,
          message: `window ${cur.text} overlaps window ${prev.text} (calendar.week.${wd}[${prev.i}])`,
        });
    }
  }
  if (!anyWindow)
    issues.push({
      path: 'calendar.week',
      message: 'the calendar has no opening window: give at least one weekday a window such as { from: "09:00", to: "17:00" }',
    });
  const lengths = weekdayLengths(cal);
  if (cal.businessDayMinutes === undefined && new Set(lengths.map((l) => l.minutes)).size > 1) {
    issues.push({
      path: 'calendar.businessDayMinutes',
      message: `weekdays have different lengths (${lengths.map((l) => `${l.weekday} ${l.minutes} min`).join(', ')}): set businessDayMinutes to say how long one business day is`,
    });
  }
  checkHolidays(cal, issues);
}

function checkPartial(closed: { from: string; to: string } | undefined, path: string, issues: PolicyIssue[]): void {
  if (!closed) return;
  const from = parseTimeOfDay(closed.from) ?? 0;
  const to = parseTimeOfDay(closed.to) ?? 0;
  if (to <= from) issues.push({ path: `${path}.closed`, message: `closure ${formatTimeOfDay(from)}–${closed.to} ends before it starts` });
}

function checkHolidays(cal: CalendarSpec, issues: PolicyIssue[]): void {
  const h = cal.holidays;
  if (!h) return;
  let regionNames = new Set<string>();
  if (h.region) {
    const problem = regionProblem(h.region.country, h.region.state);
    if (problem)
      issues.push({
        path: h.region.state && !problem.includes('country') ? 'calendar.holidays.region.state' : 'calendar.holidays.region.country',
        message: problem,
      });
    else {
      regionNames = regionHolidayNames(h.region.country, h.region.state);
      (h.region.only ?? []).forEach((n, i) => {
        if (!regionNames.has(n))
          issues.push({
            path: `calendar.holidays.region.only[${i}]`,
            message: `'${n}' is not a holiday of ${h.region!.country}${h.region!.state ? '-' + h.region!.state : ''} in date-holidays${suggest(n, regionNames)}`,
          });
      });
    }
  }
  const rules = h.rules ?? [];
  const ruleNames = new Map<string, number>();
  rules.forEach((r, i) => {
    if (ruleNames.has(r.name))
      issues.push({
        path: `calendar.holidays.rules[${i}].name`,
        message: `'${r.name}' is already the name of rules[${ruleNames.get(r.name)}]`,
      });
    else ruleNames.set(r.name, i);
    checkPartial(r.closed, `calendar.holidays.rules[${i}]`, issues);
    if (r.kind === 'fixed' && r.day > [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][r.month - 1]!)
      issues.push({ path: `calendar.holidays.rules[${i}].day`, message: `month ${r.month} has no day ${r.day}` });
  });
  rules.forEach((r, i) => {
    if (r.kind !== 'relative') return;
    if (!ruleNames.has(r.of) && !regionNames.has(r.of)) {
      issues.push({
        path: `calendar.holidays.rules[${i}].of`,
        message: `'${r.of}' is neither a rule name nor a holiday of the region${suggest(r.of, new Set([...ruleNames.keys(), ...regionNames]))}`,
      });
      return;
    }
    const seen = new Set<string>([r.name]);
    for (let cur = rules.find((x) => x.name === r.of); cur && cur.kind === 'relative'; cur = rules.find((x) => x.name === cur!.of)) {
      if (seen.has(cur.name)) {
        issues.push({ path: `calendar.holidays.rules[${i}].of`, message: `'${r.name}' depends on itself through '${r.of}'` });
        break;
      }
      seen.add(cur.name);
    }
  });
  (h.closures ?? []).forEach((c, i) => {
    if (parseIsoDate(c.date) !== null) checkPartial(c.closed, `calendar.holidays.closures[${i}]`, issues);
  });
}

function suggest(name: string, known: Set<string>): string {
  const lower = name.toLowerCase();
  const near = [...known].filter((k) => k.toLowerCase().includes(lower) || lower.includes(k.toLowerCase()));
  return near.length > 0
    ? ` (did you mean ${near
        .slice(0, 3)
        .map((n) => `'${n}'`)
        .join(' or ')}?)`
    : '';
}

function checkTarget(spec: TargetSpec | undefined, path: string, businessDayMs: number, issues: PolicyIssue[]): void {
  if (!spec?.limit) return;
  if (measureOf(spec.target) !== measureOf(spec.limit)) {
    issues.push({
      path: `${path}.limit`,
      message: `the limit counts ${measureOf(spec.limit)} time but the target counts ${measureOf(spec.target)} time: use the same kind of unit for both`,
    });
    return;
  }
  const t = fixedAmount(spec.target, businessDayMs);
  const l = fixedAmount(spec.limit, businessDayMs);
  if (t !== null && l !== null && l < t)
    issues.push({
      path: `${path}.limit`,
      message: `the limit (${describe(spec.limit)}) is shorter than the target (${describe(spec.target)})`,
    });
}

function describe(d: SlaDuration): string {
  return 'value' in d ? `${d.value} ${d.unit}` : d.unit;
}

function checkPriorities(p: PolicyShape, businessDayMs: number, issues: PolicyIssue[]): void {
  const scheme = PRIORITY_SCHEMES[p.prioritySchemeId];
  const keys = scheme.levels.map((l) => l.key);
  for (const [key, targets] of Object.entries(p.priorities)) {
    const path = `priorities.${key}`;
    if (!keys.includes(key)) issues.push({ path, message: `priority '${key}' is not in the ${scheme.id} scheme (${keys.join(', ')})` });
    if (!targets.firstResponse) issues.push({ path: `${path}.firstResponse`, message: `priority '${key}' has no first-response target` });
    checkTarget(targets.firstResponse, `${path}.firstResponse`, businessDayMs, issues);
    checkTarget(targets.resolution, `${path}.resolution`, businessDayMs, issues);
    checkTarget(targets.afterHours?.firstResponse, `${path}.afterHours.firstResponse`, businessDayMs, issues);
    checkTarget(targets.afterHours?.resolution, `${path}.afterHours.resolution`, businessDayMs, issues);
    if (targets.afterHours?.resolution && !targets.resolution)
      issues.push({
        path: `${path}.afterHours.resolution`,
        message: `priority '${key}' has an after-hours resolution target but no resolution target`,
      });
  }
  for (const key of keys) {
    if (!Object.hasOwn(p.priorities, key))
      issues.push({ path: `priorities.${key}`, message: `priority '${key}' of the ${scheme.id} scheme has no targets` });
  }
  for (const clock of ['firstResponse', 'resolution'] as const) {
    (p.pauseStatuses?.[clock] ?? []).forEach((s, i) => {
      if (s === 'closed') issues.push({ path: `pauseStatuses.${clock}[${i}]`, message: "'closed' stops a clock; it cannot pause one" });
    });
  }
}

/** Checks untrusted data and returns it as a policy, or throws SlaPolicyError listing every issue. */
export function parseSlaPolicy(input: unknown): SlaPolicy {
  const id =
    typeof input === 'object' && input !== null && typeof (input as { id?: unknown }).id === 'string'
      ? (input as { id: string }).id
      : '(no id)';
  const shaped = policySchema.safeParse(input);
  if (!shaped.success)
    throw new SlaPolicyError(
      id,
      shaped.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })),
    );
  const p = shaped.data;
  const issues: PolicyIssue[] = [];
  checkCalendar(p.calendar, issues);
  const bdMinutes = p.calendar.businessDayMinutes ?? weekdayLengths(p.calendar)[0]?.minutes ?? 0;
  checkPriorities(p, bdMinutes * 60_000, issues);
  if (issues.length > 0) throw new SlaPolicyError(id, issues);
  return p as SlaPolicy;
}

/** The same check, as a value instead of a throw (for a policy editor). */
export function checkSlaPolicy(input: unknown): { ok: true; policy: SlaPolicy } | { ok: false; issues: readonly PolicyIssue[] } {
  try {
    return { ok: true, policy: parseSlaPolicy(input) };
  } catch (e) {
    if (e instanceof SlaPolicyError) return { ok: false, issues: e.issues };
    throw e;
  }
}

/**
 * A calendar on its own (a person's working hours), checked by the same rules as a
 * policy's: issue paths start with "calendar." as they do inside a policy.
 */
export function checkCalendarSpec(input: unknown): { ok: true; calendar: CalendarSpec } | { ok: false; issues: readonly PolicyIssue[] } {
  const shaped = calendarSchema.safeParse(input);
  if (!shaped.success)
    return { ok: false, issues: shaped.error.issues.map((i) => ({ path: pathOf(['calendar', ...i.path]), message: i.message })) };
  const issues: PolicyIssue[] = [];
  checkCalendar(shaped.data, issues);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, calendar: shaped.data };
}
