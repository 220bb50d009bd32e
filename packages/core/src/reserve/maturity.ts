/**
 * 干部成熟度 (000): a 0–100 score from six parts, each 0–100, weighted by
 * rules.reserve.maturity.weights (normalised by the sum of the parts that apply):
 *
 *   levelYears         years at the current 职务级别 / levelYearsFull (capped at 100)
 *   experienceBreadth  distinct experience kinds in the career (fit/experience.ts, rules.experienceMapping)
 *                      / experienceKindsFull
 *   assessments        mean points (assessmentPoints) of the annual results of the last
 *                      assessmentYears completed calendar years; results not in the table are
 *                      ignored; no counted result → 0
 *   training           trainingPoliticalShare × (political duty met ? 100 : 0)
 *                      + (1 − share) × min(1, centralised hours in the 12 months up to asOf / annual target)
 *   keyMoments         Σ points / 100 of the key moments of the last keyMomentYears years
 *                      / keyMomentsFull (capped): 3 × 突出 = 100, 3 × 一般 = 40
 *   fit                the 人岗适配 total (0–100) to the target post, when there is one; without it
 *                      the part drops out and the other weights are renormalised
 *
 * Missing data scores 0 (maturity is what the file shows), except fit. Parts and score are
 * rounded to 1 decimal; the score is computed from the unrounded parts. Explained like fit:
 * one FitFactor per part.
 */
import { normalizePostLevel, postLevelShort } from '../codes';
import { addMonths, addYears, parseISO, yearsBetween } from '../dates';
import { experienceYears, type ExperienceCareerEntry } from '../fit/experience';
import type { FitFactor } from '../fit/model';
import { DEFAULT_RULES, type RulesConfig } from '../rules';
import { MATURITY_PARTS, type MaturityPart } from './config';
import { trainingCompliance, type TrainingRecord } from './training';

export const MATURITY_PART_NAMES: Record<MaturityPart, { zh: string; en: string }> = {
  levelYears: { zh: '任职年限', en: 'years at level' },
  experienceBreadth: { zh: '经历广度', en: 'breadth of experience' },
  assessments: { zh: '考核结果', en: 'assessments' },
  training: { zh: '培训情况', en: 'training' },
  keyMoments: { zh: '关键时刻表现', en: 'key moments' },
  fit: { zh: '岗位适配', en: 'fit to target post' },
};

export type MaturityInput = {
  /** 现职务级别 */
  postLevel?: string | null;
  /** 任现职级时间 */
  levelStartDate?: string | null;
  career?: readonly ExperienceCareerEntry[] | null;
  /** annual (quarter null / absent) and quarterly assessments; only annual ones count */
  assessments?: readonly { year: number; quarter?: number | null; result: string | null }[] | null;
  trainings?: readonly TrainingRecord[] | null;
  keyMoments?: readonly { date: string; rating: string | null }[] | null;
  /** 人岗适配 total 0–100 to the target post; null / absent = no target post (part dropped) */
  fit?: number | null;
};

export type MaturityResult = {
  /** 0–100, 1 decimal */
  score: number;
  /** each 0–100, 1 decimal; fit is null when it did not apply */
  parts: Record<Exclude<MaturityPart, 'fit'>, number> & { fit: number | null };
  /** the weights actually used (normalised to sum 1; 0 for a dropped part) */
  weights: Record<MaturityPart, number>;
  factors: FitFactor[];
};

const r1 = (n: number) => Math.round(n * 10) / 10;
const clamp100 = (n: number) => (n > 100 ? 100 : n < 0 ? 0 : n);
const fmt = (n: number) => String(r1(n));

export function maturityScore(input: MaturityInput, opts: { asOf: string; rules?: RulesConfig }): MaturityResult {
  const rules = opts.rules ?? DEFAULT_RULES;
  const asOf = opts.asOf;
  const m = rules.reserve.maturity;
  const asOfYear = parseISO(asOf).y;
  const effect = (p: number): FitFactor['effect'] => (p >= m.goodPart ? '+' : p < m.weakPart ? '-' : '=');
  const factors: FitFactor[] = [];
  const add = (part: MaturityPart, points: number, detail: string, detailEn: string) =>
    factors.push({ factor: MATURITY_PART_NAMES[part].zh, effect: effect(points), detail, detailEn, points: r1(points) });

  // ── 任职年限
  let levelYears = 0;
  const lvl = postLevelShort(normalizePostLevel(input.postLevel ?? undefined)) ?? input.postLevel ?? '';
  if (input.levelStartDate && input.levelStartDate <= asOf) {
    const y = yearsBetween(input.levelStartDate, asOf);
    levelYears = clamp100((y / m.levelYearsFull) * 100);
    add('levelYears', levelYears, `任现职级${lvl ? `（${lvl}）` : ''} ${fmt(y)}年 / 满分 ${m.levelYearsFull}年`, `${fmt(y)} years at the current level${lvl ? ` (${lvl})` : ''} / full at ${m.levelYearsFull}`);
  } else {
    add('levelYears', 0, '任现职级时间未知', 'start at the current level unknown');
  }

  // ── 经历广度
  const exp = experienceYears(input.career ?? [], asOf, rules);
  const kinds = Object.keys(exp.years).sort((a, b) => exp.years[b] - exp.years[a] || (a < b ? -1 : a > b ? 1 : 0));
  const breadth = clamp100((kinds.length / m.experienceKindsFull) * 100);
  add(
    'experienceBreadth',
    breadth,
    kinds.length ? `经历类型 ${kinds.length} 种: ${kinds.join(', ')} / 满分 ${m.experienceKindsFull}种` : '简历中无可识别的经历类型',
    kinds.length ? `${kinds.length} experience kinds: ${kinds.join(', ')} / full at ${m.experienceKindsFull}` : 'no recognised experience kind in the career',
  );

  // ── 考核结果: annual results of the last N completed years (one per year: the last listed wins)
  const fromYear = asOfYear - m.assessmentYears;
  const byYear = new Map<number, string>();
  for (const a of input.assessments ?? []) {
    if (a.quarter != null || a.result == null) continue;
    if (a.year < fromYear || a.year >= asOfYear) continue;
    if (m.assessmentPoints[a.result] == null) continue;
    byYear.set(a.year, a.result);
  }
  let assessments = 0;
  if (byYear.size) {
    let sum = 0;
    const counts = new Map<string, number>();
    for (const r of byYear.values()) {
      sum += m.assessmentPoints[r];
      counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    assessments = clamp100(sum / byYear.size);
    const order = Object.keys(m.assessmentPoints).filter((k) => counts.has(k));
    const list = order.map((k) => `${k}×${counts.get(k)}`).join(' ');
    add('assessments', assessments, `近${m.assessmentYears}年考核 ${list}`, `annual results of the last ${m.assessmentYears} years: ${list}`);
  } else {
    add('assessments', 0, `近${m.assessmentYears}年无年度考核结果`, `no annual result in the last ${m.assessmentYears} years`);
  }

  // ── 培训情况
  const trainings = input.trainings ?? [];
  const tc = trainingCompliance(trainings, asOf, rules);
  const yearAgo = addMonths(asOf, -12);
  let hours12 = 0;
  for (const t of trainings) {
    if (t.startDate > yearAgo && t.startDate <= asOf && rules.reserve.training.centralisedModes.includes(t.mode)) hours12 += t.hours;
  }
  const target = rules.training.annualCentralisedHours;
  const hoursShare = target > 0 ? Math.min(1, hours12 / target) : 1;
  const ps = m.trainingPoliticalShare;
  const training = clamp100(ps * (tc.political.ok ? 100 : 0) + (1 - ps) * hoursShare * 100);
  add(
    'training',
    training,
    `${tc.political.ok ? `近${tc.political.everyYears}年有脱产政治培训` : `近${tc.political.everyYears}年无脱产政治培训`}；近12个月集中培训 ${fmt(hours12)} 学时 / 要求 ${target} 学时`,
    `${tc.political.ok ? 'political training within' : 'no political training in'} the last ${tc.political.everyYears} years; ${fmt(hours12)} centralised hours in the last 12 months / ${target} required`,
  );

  // ── 关键时刻表现
  const kmFrom = addYears(asOf, -m.keyMomentYears);
  let kmSum = 0;
  let kmCount = 0;
  const kmCounts = new Map<string, number>();
  for (const k of input.keyMoments ?? []) {
    if (k.rating == null || k.date <= kmFrom || k.date > asOf) continue;
    const p = m.keyMomentPoints[k.rating];
    if (p == null) continue;
    kmSum += p / 100;
    kmCount++;
    kmCounts.set(k.rating, (kmCounts.get(k.rating) ?? 0) + 1);
  }
  const keyMoments = clamp100((kmSum / m.keyMomentsFull) * 100);
  const kmList = [...kmCounts].map(([k, n]) => `${k}×${n}`).join(' ');
  add(
    'keyMoments',
    keyMoments,
    kmCount ? `近${m.keyMomentYears}年关键时刻表现纪实 ${kmCount} 条: ${kmList}` : `近${m.keyMomentYears}年无关键时刻表现纪实`,
    kmCount ? `${kmCount} key-moment records in the last ${m.keyMomentYears} years: ${kmList}` : `no key-moment record in the last ${m.keyMomentYears} years`,
  );

  // ── 岗位适配
  const hasFit = input.fit != null && Number.isFinite(input.fit);
  const fit = hasFit ? clamp100(input.fit as number) : null;
  if (fit != null) add('fit', fit, `与目标岗位适配度 ${fmt(fit)}`, `fit to the target post ${fmt(fit)}`);
  else factors.push({ factor: MATURITY_PART_NAMES.fit.zh, effect: '=', detail: '无目标岗位，适配度不计入', detailEn: 'no target post: fit not counted' });

  const raw: Record<MaturityPart, number> = { levelYears, experienceBreadth: breadth, assessments, training, keyMoments, fit: fit ?? 0 };
  let wSum = 0;
  for (const p of MATURITY_PARTS) if (p !== 'fit' || fit != null) wSum += m.weights[p];
  const weights = {} as Record<MaturityPart, number>;
  let score = 0;
  for (const p of MATURITY_PARTS) {
    const w = (p !== 'fit' || fit != null) && wSum > 0 ? m.weights[p] / wSum : 0;
    weights[p] = w;
    score += w * raw[p];
  }

  return {
    score: r1(clamp100(score)),
    parts: {
      levelYears: r1(levelYears),
      experienceBreadth: r1(breadth),
      assessments: r1(assessments),
      training: r1(training),
      keyMoments: r1(keyMoments),
      fit: fit == null ? null : r1(fit),
    },
    weights,
    factors,
  };
}
