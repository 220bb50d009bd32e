/**
 * 季度研判 (002): for the members of a pool and a quarter ('2026Q3'), the three lists —
 *   问题清单 problems     active warnings at the quarter end; slipping or weak assessments;
 *                         overdue political training and centralised hours behind the pace at the
 *                         quarter end (training.ts); discipline impact periods running at the quarter end
 *   实绩清单 achievements  key-moment records dated in the quarter; quarterly ratings of the quarter
 *                         with ≥ quarterly.goodStars stars or an excellent result; in Q1, excellent
 *                         annual results of the previous year (annual results are published in Q1)
 *   整改清单 actions       one per problem: a suggested action, owner (quarterly.owners by kind) and due
 *                         date = quarter end + quarterly.rectificationDueDays
 * Assessments:
 * - annual slipping: the latest annual result with year < the quarter's year vs the one of the year
 *   before it; slipping when points (reserve.maturity.assessmentPoints) drop by ≥ quarterly.slippingDrop.
 * - annual weak: that latest result is in teamAnalysis.lowAssessmentResults (基本称职, 不称职).
 * - quarterly slipping: the rating of this quarter vs the previous quarter: stars drop ≥ slippingStarDrop.
 * Training: political training overdue by more than quarterly.overdueTrainingDays days (or never
 * done), and hours behind the pro-rata pace on the quarter end.
 * Items are sorted by cadre (input order) then kind; keys are stable (`cadreId:kind:n`) so a saved
 * review can be regenerated and matched.
 */
import { addDays, daysInMonth, isValidISODate } from '../dates';
import type { RulesConfig } from '../rules';
import { isDisciplineActive, type DisciplineRecordLike } from '../tenure';
import { trainingCompliance, type TrainingRecord } from './training';

export type QuarterMemberInput = {
  cadreId: number;
  entryId?: number | null;
  name: string;
  /** cadre warnings 红/橙/黄 */
  warnings?: readonly { color: string; reasons: readonly string[]; issuedOn: string; resolvedOn?: string | null }[] | null;
  /** annual (quarter null) and quarterly assessments */
  assessments?: readonly { year: number; quarter?: number | null; result?: string | null; stars?: number | null }[] | null;
  trainings?: readonly TrainingRecord[] | null;
  disciplines?: readonly (DisciplineRecordLike & { reason?: string | null })[] | null;
  keyMoments?: readonly { date: string; event: string; rating?: string | null; performance?: string | null }[] | null;
};

export type ProblemKind = 'warning' | 'assessment_slip' | 'assessment_low' | 'stars_slip' | 'training_political' | 'training_hours' | 'discipline';
export type AchievementKind = 'key_moment' | 'quarter_rating' | 'annual_excellent';
/** the owner class of a problem (rules.reserve.quarterly.owners) */
export type ProblemCategory = 'warning' | 'assessment' | 'training' | 'discipline';

export type QuarterItem<K extends string> = {
  key: string;
  kind: K;
  cadreId: number;
  entryId: number | null;
  name: string;
  /** the date the item refers to (warning issued, record date, quarter end …) */
  date: string | null;
  zh: string;
  en: string;
};
export type ProblemItem = QuarterItem<ProblemKind> & { category: ProblemCategory };
export type AchievementItem = QuarterItem<AchievementKind>;
export type RectificationItem = QuarterItem<ProblemKind> & { problemKey: string; ownerRole: string; dueDate: string };

export type QuarterLists = {
  quarter: string;
  from: string;
  to: string;
  problems: ProblemItem[];
  achievements: AchievementItem[];
  rectifications: RectificationItem[];
};

export type QuarterRange = { year: number; q: 1 | 2 | 3 | 4; from: string; to: string };

/** '2026Q3' → { year 2026, q 3, from '2026-07-01', to '2026-09-30' }; RangeError (zh / en) otherwise */
export function parseQuarter(quarter: string): QuarterRange {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!m || Number(m[1]) < 1) throw new RangeError(`无效季度「${quarter}」，应为如 2026Q3 / invalid quarter ${JSON.stringify(quarter)} (expected e.g. 2026Q3)`);
  const year = Number(m[1]);
  const q = Number(m[2]) as 1 | 2 | 3 | 4;
  const y = String(year).padStart(4, '0');
  const endMonth = q * 3;
  const from = `${y}-${String(endMonth - 2).padStart(2, '0')}-01`;
  const to = `${y}-${String(endMonth).padStart(2, '0')}-${daysInMonth(year, endMonth)}`;
  return { year, q, from, to };
}

/** the quarter ('2026Q3') a date falls in */
export function quarterOf(date: string): string {
  if (!isValidISODate(date)) throw new RangeError(`无效日期 / invalid date: ${JSON.stringify(date)}`);
  return `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

const CATEGORY: Record<ProblemKind, ProblemCategory> = {
  warning: 'warning',
  assessment_slip: 'assessment',
  assessment_low: 'assessment',
  stars_slip: 'assessment',
  training_political: 'training',
  training_hours: 'training',
  discipline: 'discipline',
};

/** suggested 整改 action per problem kind */
const ACTIONS: Record<ProblemKind, { zh: string; en: string }> = {
  warning: { zh: '开展谈心谈话，督促对照预警事项逐项整改，下季度复核预警状态', en: 'hold a talk, follow up each warning item, re-check the warning next quarter' },
  assessment_slip: { zh: '分析考核等次下滑原因，约谈提醒并明确改进措施', en: 'analyse the drop in the assessment, remind and agree on improvements' },
  assessment_low: { zh: '对考核结果偏低进行约谈提醒，研究是否调整出库', en: 'talk about the weak assessment and consider an exit from the pool' },
  stars_slip: { zh: '了解季度表现下滑原因，加强日常跟踪管理', en: 'find out why the quarterly rating dropped and follow up closely' },
  training_political: { zh: '列入下期脱产政治培训调训计划', en: 'schedule the next off-job political training' },
  training_hours: { zh: '安排集中培训，补足年度学时', en: 'schedule centralised training to make up the annual hours' },
  discipline: { zh: '影响期内跟踪教育管理，影响期满后重新研判是否保留在库', en: 'follow up during the impact period and review the pool membership when it ends' },
};

export function quarterlyLists(members: readonly QuarterMemberInput[], quarter: string, rules: RulesConfig): QuarterLists {
  const { year, q, from, to } = parseQuarter(quarter);
  const cfg = rules.reserve.quarterly;
  const points = rules.reserve.maturity.assessmentPoints;
  const low = rules.teamAnalysis.lowAssessmentResults;
  const excellent = rules.teamAnalysis.excellentResults;
  const dueDate = addDays(to, cfg.rectificationDueDays);
  const problems: ProblemItem[] = [];
  const achievements: AchievementItem[] = [];
  const rectifications: RectificationItem[] = [];

  for (const m of members) {
    const entryId = m.entryId ?? null;
    let n = 0;
    const problem = (kind: ProblemKind, date: string | null, zh: string, en: string) => {
      const key = `${m.cadreId}:${kind}:${n++}`;
      problems.push({ key, kind, category: CATEGORY[kind], cadreId: m.cadreId, entryId, name: m.name, date, zh, en });
      const a = ACTIONS[kind];
      rectifications.push({
        key: `${key}:action`,
        problemKey: key,
        kind,
        cadreId: m.cadreId,
        entryId,
        name: m.name,
        date: to,
        zh: a.zh,
        en: a.en,
        ownerRole: cfg.owners[CATEGORY[kind]],
        dueDate,
      });
    };
    let an = 0;
    const achievement = (kind: AchievementKind, date: string | null, zh: string, en: string) =>
      achievements.push({ key: `${m.cadreId}:${kind}:${an++}`, kind, cadreId: m.cadreId, entryId, name: m.name, date, zh, en });

    // ── warnings in force at the quarter end
    for (const w of m.warnings ?? []) {
      if (w.issuedOn > to || (w.resolvedOn && w.resolvedOn <= to)) continue;
      const color = w.color === 'red' ? '红' : w.color === 'orange' ? '橙' : w.color === 'yellow' ? '黄' : w.color;
      const why = w.reasons.join('；');
      problem('warning', w.issuedOn, `${color}色预警（${w.issuedOn}）${why ? `: ${why}` : ''}`, `${w.color} warning (${w.issuedOn})${why ? `: ${why}` : ''}`);
    }

    // ── assessments
    const annual = new Map<number, string>();
    const quarterly = new Map<number, { stars: number | null; result: string | null }>();
    for (const a of m.assessments ?? []) {
      if (a.quarter == null) {
        if (a.result) annual.set(a.year, a.result);
      } else {
        quarterly.set(a.year * 4 + (a.quarter - 1), { stars: a.stars ?? null, result: a.result ?? null });
      }
    }
    let latestYear = -Infinity;
    for (const y of annual.keys()) if (y < year && y > latestYear) latestYear = y;
    if (latestYear > -Infinity) {
      const latest = annual.get(latestYear)!;
      const prev = annual.get(latestYear - 1);
      const pl = points[latest];
      const pp = prev != null ? points[prev] : undefined;
      if (pl != null && pp != null && pp - pl >= cfg.slippingDrop) {
        problem('assessment_slip', null, `${latestYear}年度考核「${latest}」，较上年「${prev}」下滑`, `${latestYear} annual result '${latest}', down from '${prev}' the year before`);
      }
      if (low.includes(latest)) problem('assessment_low', null, `${latestYear}年度考核为「${latest}」`, `${latestYear} annual result '${latest}'`);
    }
    const qi = year * 4 + (q - 1);
    const cur = quarterly.get(qi);
    const before = quarterly.get(qi - 1);
    if (cur?.stars != null && before?.stars != null && before.stars - cur.stars >= cfg.slippingStarDrop) {
      const pq = q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
      problem('stars_slip', to, `本季度星级 ${cur.stars}星，较上季度（${pq}）${before.stars}星下滑`, `rated ${cur.stars} stars this quarter, down from ${before.stars} in ${pq}`);
    }
    if (cur && ((cur.stars != null && cur.stars >= cfg.goodStars) || (cur.result != null && excellent.includes(cur.result)))) {
      const what = cur.stars != null ? `${cur.stars}星` : `「${cur.result}」`;
      achievement('quarter_rating', to, `${quarter} 季度考核 ${what}`, `${quarter} quarterly rating ${cur.stars != null ? `${cur.stars} stars` : `'${cur.result}'`}`);
    }
    if (q === 1) {
      const last = annual.get(year - 1);
      if (last && excellent.includes(last)) achievement('annual_excellent', from, `${year - 1}年度考核「${last}」`, `${year - 1} annual result '${last}'`);
    }

    // ── training at the quarter end
    const tc = trainingCompliance(m.trainings ?? [], to, rules);
    if (!tc.political.ok && (tc.political.overdueDays == null || tc.political.overdueDays > cfg.overdueTrainingDays)) {
      const r = tc.reasons.find((x) => x.code === 'political_missing' || x.code === 'political_overdue')!;
      problem('training_political', tc.political.dueBy, r.zh, r.en);
    }
    if (!tc.hours.onPace) {
      const r = tc.reasons.find((x) => x.code === 'hours_behind')!;
      problem('training_hours', to, r.zh, r.en);
    }

    // ── discipline running at the quarter end
    for (const d of m.disciplines ?? []) {
      if (!isDisciplineActive(d, to, rules)) continue;
      problem('discipline', d.date, `${d.kind}（${d.date}）影响期内${d.reason ? `: ${d.reason}` : ''}`, `${d.kind} of ${d.date} within its impact period${d.reason ? `: ${d.reason}` : ''}`);
    }

    // ── key moments in the quarter
    const kms = (m.keyMoments ?? []).filter((k) => k.date >= from && k.date <= to).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const k of kms) {
      const rating = k.rating ? `（${k.rating}）` : '';
      achievement('key_moment', k.date, `${k.date} ${k.event}${rating}${k.performance ? `: ${k.performance}` : ''}`, `${k.date} ${k.event}${k.rating ? ` (${k.rating})` : ''}${k.performance ? `: ${k.performance}` : ''}`);
    }
  }
  return { quarter, from, to, problems, achievements, rectifications };
}
