/**
 * Training duties of pool members (001): at least one off-job political training of
 * ≥ rules.training.poolPoliticalTrainingMinDays days every poolPoliticalTrainingEveryYears years,
 * and ≥ rules.training.annualCentralisedHours hours of 集中培训 a calendar year.
 *
 * Rules (documented in docs/reserve.md):
 * - Length of a record: end date given → calendar days start … end inclusive; no end date →
 *   hours / rules.reserve.training.hoursPerDay (8) days, dated on its start.
 * - Political duty: a record counts when isPolitical, its mode is in
 *   rules.reserve.training.politicalModes (脱产), it lasts ≥ minDays and it ended on or before asOf.
 *   The duty is met while asOf ≤ (end of the latest such record) + everyYears years (so a course
 *   that ended exactly N years ago still counts; the day after it is overdue).
 * - Hours: records whose mode is in rules.reserve.training.centralisedModes (脱产, 在职; 在线 is
 *   online self-study, not 集中培训, and is reported separately) count in the calendar year of
 *   their START date, when that start is on or before asOf. A course over New Year counts whole
 *   for the year it began.
 * - Behind on hours: done < target × (days elapsed in the year up to asOf / days in the year)
 *   (the pro-rata pace); `met` says whether the full-year target is reached.
 */
import { addYears, daysBetween, isLeapYear, parseISO } from '../dates';
import type { RulesConfig } from '../rules';

export type TrainingRecord = {
  name?: string | null;
  startDate: string;
  endDate?: string | null;
  hours: number;
  /** 脱产 | 在线 | 在职 */
  mode: string;
  isPolitical: boolean;
};

export type TrainingReasonCode = 'political_overdue' | 'political_missing' | 'hours_behind';
export type TrainingReason = { code: TrainingReasonCode; zh: string; en: string };

export type TrainingCompliance = {
  asOf: string;
  political: {
    ok: boolean;
    everyYears: number;
    minDays: number;
    /** the latest qualifying political training ended on or before asOf (any time) */
    last: { name: string | null; startDate: string; endDate: string; days: number } | null;
    /** last end + everyYears years (null when there was never one) */
    dueBy: string | null;
    /** days past dueBy (0 when ok; null when there was never one) */
    overdueDays: number | null;
  };
  hours: {
    year: number;
    target: number;
    /** centralised hours this calendar year (start ≤ asOf) */
    done: number;
    /** online hours this year (not counted in done) */
    online: number;
    /** target − done, ≥ 0 */
    short: number;
    /** the pro-rata target on asOf */
    pace: number;
    onPace: boolean;
    met: boolean;
  };
  behind: boolean;
  reasons: TrainingReason[];
};

const r1 = (n: number) => Math.round(n * 10) / 10;

/** days a record lasts (see the module comment) */
export function trainingDays(t: Pick<TrainingRecord, 'startDate' | 'endDate' | 'hours'>, rules: RulesConfig): number {
  if (t.endDate) return Math.max(0, daysBetween(t.startDate, t.endDate) + 1);
  return t.hours / rules.reserve.training.hoursPerDay;
}

/** the date a record ends for the political duty (its end date, else its start date) */
function endOf(t: TrainingRecord): string {
  return t.endDate ?? t.startDate;
}

export function trainingCompliance(trainings: readonly TrainingRecord[], asOf: string, rules: RulesConfig): TrainingCompliance {
  const { poolPoliticalTrainingEveryYears: everyYears, poolPoliticalTrainingMinDays: minDays, annualCentralisedHours: target } = rules.training;
  const cfg = rules.reserve.training;
  const year = parseISO(asOf).y;
  const yearStart = `${String(year).padStart(4, '0')}-01-01`;

  let last: TrainingRecord | null = null;
  let lastDays = 0;
  let done = 0;
  let online = 0;
  for (const t of trainings) {
    if (t.isPolitical && cfg.politicalModes.includes(t.mode)) {
      const end = endOf(t);
      const days = trainingDays(t, rules);
      if (end <= asOf && days >= minDays && (!last || end > endOf(last))) {
        last = t;
        lastDays = days;
      }
    }
    if (t.startDate >= yearStart && t.startDate <= asOf) {
      if (cfg.centralisedModes.includes(t.mode)) done += t.hours;
      else if (t.mode === '在线') online += t.hours;
    }
  }

  const reasons: TrainingReason[] = [];
  let dueBy: string | null = null;
  let overdueDays: number | null = null;
  let ok = false;
  if (last) {
    dueBy = addYears(endOf(last), everyYears);
    ok = asOf <= dueBy;
    overdueDays = ok ? 0 : daysBetween(dueBy, asOf);
    if (!ok) {
      reasons.push({
        code: 'political_overdue',
        zh: `近${everyYears}年无${minDays}天以上脱产政治培训（上次结束于 ${endOf(last)}，应于 ${dueBy} 前再次参训，已逾期 ${overdueDays} 天）`,
        en: `no off-job political training of ${minDays}+ days in the last ${everyYears} years (last ended ${endOf(last)}, due by ${dueBy}, ${overdueDays} days overdue)`,
      });
    }
  } else {
    reasons.push({
      code: 'political_missing',
      zh: `无${minDays}天以上脱产政治培训记录（要求每${everyYears}年至少1次）`,
      en: `no off-job political training of ${minDays}+ days on record (required every ${everyYears} years)`,
    });
  }

  const daysInYear = isLeapYear(year) ? 366 : 365;
  const elapsed = daysBetween(yearStart, asOf) + 1;
  const pace = r1((target * elapsed) / daysInYear);
  done = r1(done);
  const onPace = done >= pace;
  if (!onPace) {
    reasons.push({
      code: 'hours_behind',
      zh: `${year}年集中培训 ${done} 学时，低于进度 ${pace} 学时（全年要求 ${target} 学时）`,
      en: `${done} centralised training hours in ${year}, behind the pace of ${pace} h (annual target ${target} h)`,
    });
  }

  return {
    asOf,
    political: {
      ok,
      everyYears,
      minDays,
      last: last ? { name: last.name ?? null, startDate: last.startDate, endDate: endOf(last), days: r1(lastDays) } : null,
      dueBy,
      overdueDays,
    },
    hours: { year, target, done, online: r1(online), short: r1(Math.max(0, target - done)), pace, onPace, met: done >= target },
    behind: reasons.length > 0,
    reasons,
  };
}
