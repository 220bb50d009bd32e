/**
 * 班子运行全息图: one leadership team's structure as of a date — members and posts, vacancies
 * against quota, age, women, 党外, 少数民族, education and specialty mix, coverage of what the
 * team's description asks for, rotation, 正职 experience, retirements, assessments — and the
 * `metrics` that the rules' teamIndicators turn into a colour (红/蓝/绿) with reasons. Then
 * teamLedger: "一个班子一本账", what the team needs next.
 *
 * Every threshold is read from the rules (youngCadre, rotation, retirement,
 * retirementHorizonYears, teamAnalysis, teamIndicators); nothing here decides a colour.
 */
import { codeName, educationGroup, educationRank, isMinority, isNonParty, levelOrder, normalizePostLevel, postLevelShort, type EducationGroup } from '../codes';
import { evaluateTeamIndicators, type IndicatorHit, type Metrics, type TeamColor } from '../indicators';
import type { RulesConfig } from '../rules';
import { youngThreshold } from '../young';
import { addMonthsPacked, fracYearsPacked, fullYearsPacked, makeRetirementFn, packDate, unpackDate } from './fast';

// ───────────────────────────── input ─────────────────────────────
export interface TeamPositionInput {
  id: number;
  title: string;
  /** 职务级别 code */
  level: string;
  isChief: boolean;
  category?: string | null;
  isKey?: boolean;
  quota: number;
  /** 岗位说明书 (jsonb): { specialties?: string[], experienceTypes?: string[], ageMin?, ageMax?, … } */
  description?: Record<string, unknown> | null;
}

export interface TeamMemberInput {
  cadreId: number;
  name: string;
  sex: string;
  ethnicity: string | null;
  birthDate: string;
  politicalStatus: string | null;
  fullTimeEducation?: string | null;
  highestEducation?: string | null;
  highestDegree?: string | null;
  specialtyCategory?: string | null;
  /** the position held in this team */
  positionId: number;
  /** start of this appointment (任现职时间) */
  startDate: string;
  /** 任职 (default) | 兼任 | 挂职 | 代理 — only 任职 fills the quota */
  kind?: string | null;
  /** any career entry at grassroots (career.isGrassroots) */
  grassroots?: boolean;
  /** union of career.experienceTypes */
  experienceTypes?: readonly string[];
  /** annual assessments (quarter null), any order */
  assessments?: readonly { year: number; result: string | null; score?: number | null }[];
  /** statutory retirement date when known; else computed (cadre rules) */
  retirementDate?: string | null;
}

export interface TeamInput {
  id: number;
  name: string;
  /** 党政班子 | 党委 | 政府 | 人大 | 政协 | 经营班子 */
  kind: string;
  orgUnitId: number;
  orgName?: string | null;
  /** org_unit.kind: 党政机关 | 事业单位 | 国有企业 | 镇街 | 园区 | 高校科研 */
  unitKind?: string | null;
  /** team.needs (jsonb): { woman?: boolean, young?: number, nonParty?: boolean, specialties?: string[], experience?: string[] } */
  needs?: Record<string, unknown> | null;
  positions: readonly TeamPositionInput[];
  members: readonly TeamMemberInput[];
}

export interface TeamOptions {
  asOf: string;
  rules: RulesConfig;
  /**
   * false: figures, metrics, colour and reasons only (the overview grid of thousands of teams):
   * no member cards (positions[].members and members stay empty), no mixes, no radar
   */
  detail?: boolean;
}

// ───────────────────────────── output ─────────────────────────────
export type RotationFlag = 'ok' | 'should' | 'must';

export interface MemberCard {
  cadreId: number;
  name: string;
  sex: string;
  age: number;
  ethnicity: string | null;
  minority: boolean;
  politicalStatus: string | null;
  nonParty: boolean;
  fullTimeEducation: string | null;
  highestEducation: string | null;
  educationGroup: EducationGroup | null;
  highestDegree: string | null;
  specialtyCategory: string | null;
  positionId: number;
  positionTitle: string;
  level: string;
  isChief: boolean;
  kind: string;
  startDate: string;
  /** fractional years in this post, 1 decimal */
  yearsInPost: number;
  rotation: RotationFlag;
  young: boolean;
  youngThreshold: number;
  retirementDate: string;
  retiringSoon: boolean;
  pastRetirement: boolean;
  grassroots: boolean;
  experienceTypes: string[];
  /** experience types this member's post description asks for and the member lacks */
  missingExperience: string[];
  /** does the member's specialty match the post description's specialties (null: none asked) */
  specialtyMatch: boolean | null;
  lastAssessment: { year: number; result: string | null } | null;
  assessments: { year: number; result: string | null; score: number | null }[];
  /** short Chinese flags for the card: 年轻干部, 女, 党外, 少数民族, 应交流, 须交流, 即将退休 … */
  flags: string[];
}

export interface PositionView {
  id: number;
  title: string;
  level: string;
  levelName: string;
  isChief: boolean;
  isKey: boolean;
  category: string | null;
  quota: number;
  filled: number;
  vacancies: number;
  members: MemberCard[];
}

export interface Coverage {
  required: string[];
  covered: string[];
  missing: string[];
  /** covered / required (1 when nothing is required) */
  share: number;
}

export interface MixRow {
  key: string;
  label: string;
  count: number;
  ids: number[];
}

export interface RadarAxis {
  key: string;
  label: string;
  /** 0..1 */
  value: number;
  /** what the description / rules ask for (0..1), null when nothing is asked */
  target: number | null;
}

export interface TeamAnalysis {
  team: { id: number; name: string; kind: string; orgUnitId: number; orgName: string | null; unitKind: string | null; level: string | null };
  asOf: string;
  color: TeamColor;
  hex: string;
  hits: (IndicatorHit<'red' | 'blue'> & { metrics: string[] })[];
  metrics: Metrics;
  figures: {
    quota: number;
    filled: number;
    vacancies: number;
    memberCount: number;
    meanAge: number | null;
    youngestAge: number | null;
    oldestAge: number | null;
    youngCount: number;
    women: number;
    nonParty: number;
    nonPartyDeputy: number;
    minority: number;
  };
  needs: { woman: boolean; young: number; nonParty: boolean; specialties: string[]; experience: string[] };
  positions: PositionView[];
  /** distinct members (a cadre holding two posts of the team appears once, with the first post) */
  members: MemberCard[];
  education: MixRow[];
  specialties: MixRow[];
  coverage: { specialties: Coverage; experience: Coverage };
  rotation: { should: number[]; must: number[] };
  chiefsMissingExperience: { cadreId: number; name: string; positionId: number; positionTitle: string; missing: string[]; noGrassroots: boolean }[];
  retiring: { cadreId: number; name: string; positionTitle: string; retirementDate: string; overdue: boolean }[];
  assessments: { years: number[]; byYear: { year: number; counts: Record<string, number> }[]; low: number[]; excellent: number[] };
  radar: RadarAxis[];
}

// ───────────────────────────── helpers ─────────────────────────────
const NO_STRINGS: string[] = [];
/**
 * the non-empty strings of a json array: the array itself when it holds nothing else (the common case; never
 * mutated here), else a filtered copy. A loop, not filter: called per team and post on the overview's hot path.
 */
function strArr(v: unknown): string[] {
  if (!Array.isArray(v) || v.length === 0) return NO_STRINGS;
  let i = 0;
  while (i < v.length && typeof v[i] === 'string' && v[i] !== '') i++;
  if (i === v.length) return v as string[];
  const out: string[] = [];
  for (const x of v) if (typeof x === 'string' && x !== '') out.push(x);
  return out;
}

export function parseNeeds(raw: Record<string, unknown> | null | undefined): TeamAnalysis['needs'] {
  const n = raw ?? {};
  const young = typeof n.young === 'number' ? Math.max(0, Math.floor(n.young)) : n.young === true ? 1 : 0;
  return { woman: n.woman === true, young, nonParty: n.nonParty === true, specialties: strArr(n.specialties), experience: strArr(n.experience) };
}

const EMPTY: readonly string[] = [];
/** shared empty results for lean mode (never mutated: only filled when detail is on) */
const EMPTY_MUT: string[] = [];
const EMPTY_RECENT: MemberCard['assessments'] = [];
const EMPTY_MAP = new Map<string, number[]>();
const BACHELOR_RANK = educationRank('21');
const EMPTY_ASSESSMENTS: NonNullable<TeamMemberInput['assessments']> = [];
function coverageOf(required: string[], have: string[]): Coverage {
  const covered: string[] = [];
  const missing: string[] = [];
  for (const r of required) (have.includes(r) ? covered : missing).push(r);
  return { required, covered, missing, share: required.length ? covered.length / required.length : 1 };
}
function mixRows(m: Map<string, number[]>): MixRow[] {
  return [...m.entries()].sort((a, b) => b[1].length - a[1].length).map(([k, ids]) => ({ key: k, label: k, count: ids.length, ids }));
}
function ratio(a: number, b: number): number {
  return b > 0 ? Math.min(1, a / b) : a > 0 ? 1 : 0;
}
const byYearDesc = (a: { year: number }, b: { year: number }) => b.year - a.year;
const byRetirementDate = (a: { retirementDate: string }, b: { retirementDate: string }) => (a.retirementDate < b.retirementDate ? -1 : 1);

/** what a post's 职务级别 code resolves to (code-set lookups once per distinct code, not per post) */
interface LevelInfo {
  level: string;
  levelName: string;
  order: number;
  threshold: number;
}

/** per-rules-object precomputation (rules objects are immutable once parsed) */
interface Prepared {
  retire: (birth: number, sex: string) => number;
  ruleMetrics: Map<string, string[]>;
  threshold: Map<string, number>;
  levels: Map<string, LevelInfo>;
}
const PREPARED = new WeakMap<RulesConfig, Prepared>();
function prepared(rules: RulesConfig): Prepared {
  let p = PREPARED.get(rules);
  if (!p) {
    p = {
      retire: makeRetirementFn(rules),
      ruleMetrics: new Map(rules.teamIndicators.map((r) => [r.id, [r.when.metric, ...(r.also ?? []).map((c) => c.metric)]])),
      threshold: new Map(),
      levels: new Map(),
    };
    PREPARED.set(rules, p);
  }
  return p;
}
function levelInfo(p: Prepared, raw: string, rules: RulesConfig): LevelInfo {
  let info = p.levels.get(raw);
  if (!info) {
    const level = normalizePostLevel(raw) ?? raw;
    info = { level, levelName: postLevelShort(level) ?? codeName('postLevel', level) ?? level, order: levelOrder(level), threshold: thresholdFor(p, level, rules) };
    p.levels.set(raw, info);
  }
  return info;
}
function thresholdFor(p: Prepared, level: string, rules: RulesConfig): number {
  let t = p.threshold.get(level);
  if (t === undefined) p.threshold.set(level, (t = youngThreshold(level, rules)));
  return t;
}

/** metric name → the worst colour of the hits whose conditions use it */
function metricColours(hits: TeamAnalysis['hits']): Map<string, 'red' | 'blue'> {
  const m = new Map<string, 'red' | 'blue'>();
  for (const h of hits) for (const k of h.metrics) if (m.get(k) !== 'red') m.set(k, h.color);
  return m;
}

// ───────────────────────────── teamAnalysis ─────────────────────────────
export function teamAnalysis(team: TeamInput, opts: TeamOptions): TeamAnalysis {
  const { asOf, rules } = opts;
  const detail = opts.detail !== false;
  const asOfP = packDate(asOf);
  const cfg = rules.teamAnalysis;
  const should = rules.rotation.shouldRotateYears;
  const must = rules.rotation.mustRotateYears;
  const horizonP = addMonthsPacked(asOfP, rules.retirementHorizonYears * 12);
  const prep = prepared(rules);
  const retire = prep.retire;
  const grassrootsTypes = cfg.grassrootsExperienceTypes;
  const asOfYear = Math.floor(asOfP / 10000);
  const firstYear = asOfYear - cfg.recentAssessmentYears;
  const years: number[] = [];
  for (let y = firstYear; y < asOfYear; y++) years.push(y);
  const needs = parseNeeds(team.needs);

  // positions
  const posViews: PositionView[] = [];
  const posList: { view: PositionView; specialties: string[]; experience: string[]; threshold: number }[] = [];
  let teamLevel: string | null = null;
  let teamOrder = 0;
  let quota = 0;
  const reqSpecialties = needs.specialties.slice();
  const reqExperience = needs.experience.slice();
  for (const p of team.positions) {
    const li = levelInfo(prep, p.level, rules);
    const level = li.level;
    const view: PositionView = {
      id: p.id,
      title: p.title,
      level,
      levelName: li.levelName,
      isChief: p.isChief,
      isKey: p.isKey ?? false,
      category: p.category ?? null,
      quota: p.quota,
      filled: 0,
      vacancies: 0,
      members: [],
    };
    const specialties = strArr(p.description?.specialties);
    const experience = strArr(p.description?.experienceTypes);
    for (const x of specialties) if (!reqSpecialties.includes(x)) reqSpecialties.push(x);
    for (const e of experience) if (!reqExperience.includes(e)) reqExperience.push(e);
    posViews.push(view);
    posList.push({ view, specialties, experience, threshold: li.threshold });
    quota += p.quota;
    if (teamLevel == null || li.order > teamOrder) {
      teamLevel = level;
      teamOrder = li.order;
    }
  }

  // members
  const members: MemberCard[] = [];
  const seen: number[] = [];
  const haveSpecialties: string[] = [];
  const haveExperience: string[] = [];
  let ageSum = 0;
  let youngest: number | null = null;
  let oldest: number | null = null;
  let youngCount = 0;
  let women = 0;
  let nonParty = 0;
  let nonPartyDeputy = 0;
  let minority = 0;
  let maxYearsInPost: number | null = null;
  let bachelorPlus = 0;
  const shouldIds: number[] = [];
  const mustIds: number[] = [];
  const chiefsMissing: TeamAnalysis['chiefsMissingExperience'] = [];
  let chiefWithoutGrassroots = 0;
  const retiring: TeamAnalysis['retiring'] = [];
  let retiringSoon = 0;
  let pastRetirement = 0;
  const low: number[] = [];
  const excellent: number[] = [];
  const byYear = detail ? years.map((year) => ({ year, counts: {} as Record<string, number> })) : [];
  const eduMix = detail ? new Map<string, number[]>() : EMPTY_MAP;
  const specMix = detail ? new Map<string, number[]>() : EMPTY_MAP;
  const bachelorRank = BACHELOR_RANK;

  for (const m of team.members) {
    let pos: (typeof posList)[number] | undefined;
    for (let i = 0; i < posList.length; i++) if (posList[i].view.id === m.positionId) pos = posList[i];
    if (!pos) continue;
    const kind = m.kind ?? '任职';
    if (kind === '任职') pos.view.filled++;
    const birth = packDate(m.birthDate);
    const age = fullYearsPacked(birth, asOfP);
    const start = packDate(m.startDate);
    const fullInPost = start >= asOfP ? 0 : fullYearsPacked(start, asOfP);
    const fracInPost = fracYearsPacked(start, asOfP);
    const rotation: RotationFlag = fullInPost >= must ? 'must' : fullInPost >= should ? 'should' : 'ok';
    const level = pos.view.level;
    const threshold = pos.threshold;
    const young = age <= threshold;
    const retP = m.retirementDate ? packDate(m.retirementDate) : retire(birth, m.sex);
    const past = retP <= asOfP;
    const soon = !past && retP <= horizonP;
    const mExp = m.experienceTypes ?? EMPTY;
    const gr = m.grassroots === true;
    let hasGrassroots = gr;
    for (let i = 0; !hasGrassroots && i < grassrootsTypes.length; i++) if (mExp.includes(grassrootsTypes[i])) hasGrassroots = true;
    let missingExperience: string[] = detail ? [] : EMPTY_MUT;
    if (detail || pos.view.isChief) {
      for (const e of pos.experience) {
        if (mExp.includes(e) || (gr && grassrootsTypes.includes(e))) continue;
        if (missingExperience === EMPTY_MUT) missingExperience = [];
        missingExperience.push(e);
      }
    }
    const specialtyMatch = pos.specialties.length ? m.specialtyCategory != null && pos.specialties.includes(m.specialtyCategory) : null;
    let last: { year: number; result: string | null } | null = null;
    const recent: MemberCard['assessments'] = detail ? [] : EMPTY_RECENT;
    for (const a of m.assessments ?? EMPTY_ASSESSMENTS) {
      if (a.year >= asOfYear) continue;
      if (!last || a.year > last.year) last = a;
      if (detail && a.year >= firstYear) recent.push({ year: a.year, result: a.result, score: a.score ?? null });
    }
    if (recent.length > 1) recent.sort(byYearDesc);
    const minorityFlag = isMinority(m.ethnicity);
    const nonPartyFlag = isNonParty(m.politicalStatus);
    const eduGroup = m.highestEducation ? educationGroup(m.highestEducation) : null;

    let card: MemberCard | null = null;
    if (detail) {
      const flags: string[] = [];
      if (young) flags.push('年轻干部');
      if (m.sex === '2') flags.push('女');
      if (nonPartyFlag) flags.push('党外');
      if (minorityFlag) flags.push('少数民族');
      if (rotation === 'must') flags.push('须交流');
      else if (rotation === 'should') flags.push('应交流');
      if (past) flags.push('已到龄');
      else if (soon) flags.push('即将退休');
      if (pos.view.isChief && !hasGrassroots) flags.push('缺基层经历');

      card = {
        cadreId: m.cadreId,
        name: m.name,
        sex: m.sex,
        age,
        ethnicity: m.ethnicity,
        minority: minorityFlag,
        politicalStatus: m.politicalStatus,
        nonParty: nonPartyFlag,
        fullTimeEducation: m.fullTimeEducation ?? null,
        highestEducation: m.highestEducation ?? null,
        educationGroup: eduGroup,
        highestDegree: m.highestDegree ?? null,
        specialtyCategory: m.specialtyCategory ?? null,
        positionId: pos.view.id,
        positionTitle: pos.view.title,
        level,
        isChief: pos.view.isChief,
        kind,
        startDate: m.startDate,
        yearsInPost: Math.round(fracInPost * 10) / 10,
        rotation,
        young,
        youngThreshold: threshold,
        retirementDate: unpackDate(retP),
        retiringSoon: soon,
        pastRetirement: past,
        grassroots: hasGrassroots,
        experienceTypes: gr ? [...new Set([...mExp, ...grassrootsTypes])] : mExp.slice(),
        missingExperience,
        specialtyMatch,
        lastAssessment: last ? { year: last.year, result: last.result } : null,
        assessments: recent,
        flags,
      };
      pos.view.members.push(card);
    }

    // 正职 checks are per post (a cadre may be chief in one post and deputy in another)
    if (pos.view.isChief && (!hasGrassroots || missingExperience.length)) {
      if (!hasGrassroots) chiefWithoutGrassroots++;
      chiefsMissing.push({ cadreId: m.cadreId, name: m.name, positionId: pos.view.id, positionTitle: pos.view.title, missing: missingExperience, noGrassroots: !hasGrassroots });
    }
    if (maxYearsInPost == null || fracInPost > maxYearsInPost) maxYearsInPost = fracInPost;
    if (rotation === 'must') mustIds.push(m.cadreId);
    else if (rotation === 'should') shouldIds.push(m.cadreId);

    if (seen.includes(m.cadreId)) continue; // structure figures count each person once
    seen.push(m.cadreId);
    if (card) members.push(card);
    ageSum += age;
    if (youngest == null || age < youngest) youngest = age;
    if (oldest == null || age > oldest) oldest = age;
    if (young) youngCount++;
    if (m.sex === '2') women++;
    if (nonPartyFlag) {
      nonParty++;
      if (!pos.view.isChief) nonPartyDeputy++;
    }
    if (minorityFlag) minority++;
    if (educationRank(m.highestEducation) >= bachelorRank) bachelorPlus++;
    if (m.specialtyCategory && !haveSpecialties.includes(m.specialtyCategory)) haveSpecialties.push(m.specialtyCategory);
    for (const e of mExp) if (!haveExperience.includes(e)) haveExperience.push(e);
    if (gr) for (const e of grassrootsTypes) if (!haveExperience.includes(e)) haveExperience.push(e);
    if (soon || past) {
      retiring.push({ cadreId: m.cadreId, name: m.name, positionTitle: pos.view.title, retirementDate: unpackDate(retP), overdue: past });
      if (soon) retiringSoon++;
      else pastRetirement++;
    }
    if (last && last.result && last.year >= firstYear) {
      if (cfg.lowAssessmentResults.includes(last.result)) low.push(m.cadreId);
      if (cfg.excellentResults.includes(last.result)) excellent.push(m.cadreId);
    }
    for (const a of recent) {
      const row = byYear[a.year - firstYear];
      if (row && a.result) row.counts[a.result] = (row.counts[a.result] ?? 0) + 1;
    }
    if (detail) {
      const ek = eduGroup ?? '未填';
      (eduMix.get(ek) ?? eduMix.set(ek, []).get(ek)!).push(m.cadreId);
      const sk = m.specialtyCategory ?? '未填';
      (specMix.get(sk) ?? specMix.set(sk, []).get(sk)!).push(m.cadreId);
    }
  }

  let filled = 0;
  let vacancies = 0;
  for (const v of posViews) {
    v.vacancies = Math.max(0, v.quota - v.filled);
    filled += Math.min(v.filled, v.quota);
    vacancies += v.vacancies;
  }
  const n = seen.length;
  const specCov = coverageOf(reqSpecialties, haveSpecialties);
  const expCov = coverageOf(reqExperience, haveExperience);

  const metrics: Metrics = {
    memberCount: n,
    quota,
    filled,
    vacancies,
    vacancyShare: quota ? vacancies / quota : 0,
    womenCount: women,
    womanRequired: needs.woman,
    youngCount,
    youngRequired: needs.young,
    youngShortfall: Math.max(0, needs.young - youngCount),
    nonPartyCount: nonParty,
    nonPartyDeputyCount: nonPartyDeputy,
    nonPartyRequired: needs.nonParty,
    minorityCount: minority,
    meanAge: n ? ageSum / n : null,
    youngestAge: youngest,
    oldestAge: oldest,
    maxYearsInPost,
    shouldRotateCount: shouldIds.length,
    mustRotateCount: mustIds.length,
    chiefWithoutGrassrootsCount: chiefWithoutGrassroots,
    chiefMissingExperienceCount: chiefsMissing.length,
    retiringSoonCount: retiringSoon,
    pastRetirementCount: pastRetirement,
    specialtyCoverage: specCov.share,
    experienceCoverage: expCov.share,
    missingSpecialtyCount: specCov.missing.length,
    missingExperienceCount: expCov.missing.length,
    lowAssessmentCount: low.length,
    excellentCount: excellent.length,
    bachelorOrAboveShare: n ? bachelorPlus / n : null,
  };

  const ev = evaluateTeamIndicators(metrics, { unitKind: team.unitKind ?? null, teamKind: team.kind, postLevel: teamLevel }, rules);
  const ruleMetrics = prep.ruleMetrics;
  const hits: TeamAnalysis['hits'] = new Array(ev.hits.length);
  for (let i = 0; i < ev.hits.length; i++) {
    const h = ev.hits[i];
    const hit: TeamAnalysis['hits'][number] = { id: h.id, name: h.name, color: h.color, reason: h.reason, metrics: ruleMetrics.get(h.id) ?? EMPTY_MUT };
    if (h.source) hit.source = h.source;
    hits[i] = hit;
  }

  const radar: RadarAxis[] = !detail ? [] : [
    { key: 'quota', label: '职数配备', value: quota ? filled / quota : 1, target: 1 },
    { key: 'young', label: '年轻干部', value: ratio(youngCount, Math.max(needs.young, 1)), target: needs.young > 0 ? 1 : null },
    { key: 'woman', label: '女干部', value: women > 0 ? 1 : 0, target: needs.woman ? 1 : null },
    { key: 'nonParty', label: '党外干部', value: nonPartyDeputy > 0 ? 1 : 0, target: needs.nonParty ? 1 : null },
    { key: 'specialty', label: '专业覆盖', value: specCov.share, target: specCov.required.length ? 1 : null },
    { key: 'experience', label: '经历覆盖', value: expCov.share, target: expCov.required.length ? 1 : null },
    { key: 'education', label: '本科及以上', value: n ? bachelorPlus / n : 0, target: null },
    { key: 'tenure', label: '任职年限合理', value: n ? Math.max(0, 1 - (shouldIds.length + mustIds.length) / n) : 1, target: 1 },
  ];

  return {
    team: { id: team.id, name: team.name, kind: team.kind, orgUnitId: team.orgUnitId, orgName: team.orgName ?? null, unitKind: team.unitKind ?? null, level: teamLevel },
    asOf,
    color: ev.color,
    hex: ev.hex,
    hits,
    metrics,
    figures: { quota, filled, vacancies, memberCount: n, meanAge: n ? ageSum / n : null, youngestAge: youngest, oldestAge: oldest, youngCount, women, nonParty, nonPartyDeputy, minority },
    needs,
    positions: posViews,
    members,
    education: detail ? mixRows(eduMix) : [],
    specialties: detail ? mixRows(specMix) : [],
    coverage: { specialties: specCov, experience: expCov },
    rotation: { should: shouldIds, must: mustIds },
    chiefsMissingExperience: chiefsMissing,
    retiring: retiring.length > 1 ? retiring.sort(byRetirementDate) : retiring,
    assessments: { years, byYear, low, excellent },
    radar,
  };
}

/** teamAnalysis for many teams (the overview grid / heatmap) */
export function teamsAnalysis(teams: readonly TeamInput[], opts: TeamOptions): TeamAnalysis[] {
  const out = new Array<TeamAnalysis>(teams.length);
  for (let i = 0; i < teams.length; i++) out[i] = teamAnalysis(teams[i], opts);
  return out;
}

// ───────────────────────────── ledger 一个班子一本账 ─────────────────────────────
export type LedgerPriority = 'high' | 'medium' | 'low';
export type LedgerKind = 'vacancy' | 'woman' | 'young' | 'nonParty' | 'rotate' | 'chiefExperience' | 'specialty' | 'experience' | 'retire' | 'assessment';

export interface LedgerItem {
  kind: LedgerKind;
  /** high: addresses a red indicator; medium: a blue one; low: an improvement nothing flags */
  priority: LedgerPriority;
  text: string;
  reason: string;
  /** the team metric the item improves */
  metric: string;
  count?: number;
  cadreId?: number;
  positionId?: number;
  level?: string;
  /** do it by this date (retirements) */
  due?: string;
}

const PRIORITY_ORDER: Record<LedgerPriority, number> = { high: 0, medium: 1, low: 2 };

/**
 * "一个班子一本账": what the team needs next, each with a reason and a priority. The priority of
 * an item is the colour of the indicators (from the rules) whose conditions use the metric the
 * item improves: red → high, blue → medium, none → low.
 */
export function teamLedger(a: TeamAnalysis): LedgerItem[] {
  const colours = metricColours(a.hits);
  const prio = (metric: string, floor: LedgerPriority = 'low'): LedgerPriority => {
    const c = colours.get(metric);
    const p: LedgerPriority = c === 'red' ? 'high' : c === 'blue' ? 'medium' : 'low';
    return PRIORITY_ORDER[p] <= PRIORITY_ORDER[floor] ? p : floor;
  };
  const reasonOf = (metric: string, fallback: string) => a.hits.find((h) => h.metrics.includes(metric))?.reason.zh ?? fallback;
  const items: LedgerItem[] = [];
  const f = a.figures;
  const card = new Map(a.members.map((m) => [m.cadreId, m]));

  for (const p of a.positions) {
    if (p.vacancies > 0) {
      items.push({
        kind: 'vacancy',
        priority: prio('vacancyShare'),
        text: `配齐${p.title}（${p.levelName}）${p.vacancies}名`,
        reason: `核定职数${p.quota}名，在任${p.filled}名，空缺${p.vacancies}名`,
        metric: 'vacancyShare',
        count: p.vacancies,
        positionId: p.id,
        level: p.level,
      });
    }
  }
  if (f.women < 1 && (a.needs.woman || colours.has('womenCount'))) {
    items.push({ kind: 'woman', priority: prio('womenCount'), text: '选配女干部1名', reason: reasonOf('womenCount', '岗位说明书要求班子配备女干部'), metric: 'womenCount', count: 1 });
  }
  const youngNeed = Math.max(a.needs.young, colours.has('youngCount') ? 1 : 0) - f.youngCount;
  if (youngNeed > 0) {
    items.push({
      kind: 'young',
      priority: prio('youngCount'),
      text: `选配年轻干部${youngNeed}名`,
      reason: reasonOf('youngCount', `岗位说明书要求配备年轻干部${a.needs.young}名，现有${f.youngCount}名`),
      metric: 'youngCount',
      count: youngNeed,
    });
  }
  if (a.needs.nonParty && f.nonPartyDeputy < 1) {
    items.push({ kind: 'nonParty', priority: prio('nonPartyDeputyCount'), text: '选配党外副职1名', reason: reasonOf('nonPartyDeputyCount', '要求配备党外副职但未配备'), metric: 'nonPartyDeputyCount', count: 1 });
  }
  for (const [ids, must] of [[a.rotation.must, true], [a.rotation.should, false]] as const) {
    for (const id of ids) {
      const m = card.get(id) ?? a.positions.flatMap((p) => p.members).find((x) => x.cadreId === id);
      if (!m) continue;
      items.push({
        kind: 'rotate',
        priority: must ? prio('maxYearsInPost') : 'low',
        text: `交流${m.name}（${m.positionTitle}，任现职${Math.floor(m.yearsInPost)}年）`,
        reason: must ? reasonOf('maxYearsInPost', '同一职位任职已满必须交流年限') : '同一职位任职已满应当交流年限',
        metric: must ? 'mustRotateCount' : 'shouldRotateCount',
        cadreId: id,
        positionId: m.positionId,
      });
    }
  }
  for (const c of a.chiefsMissingExperience) {
    const metric = c.noGrassroots ? 'chiefWithoutGrassrootsCount' : 'chiefMissingExperienceCount';
    const what = c.noGrassroots ? '基层工作经历' : `${c.missing.join('、')}经历`;
    items.push({
      kind: 'chiefExperience',
      priority: prio(metric),
      text: `${c.name}（${c.positionTitle}）缺少${what}：安排针对性锻炼，调整时优先选配具备该经历的正职`,
      reason: reasonOf(metric, `岗位说明书要求正职具备${c.missing.join('、') || '基层'}经历`),
      metric,
      cadreId: c.cadreId,
      positionId: c.positionId,
    });
  }
  for (const s of a.coverage.specialties.missing) {
    items.push({ kind: 'specialty', priority: prio('missingSpecialtyCount'), text: `补充${s}专业背景的干部`, reason: `班子岗位说明书要求${s}专业，现有成员无此专业`, metric: 'missingSpecialtyCount' });
  }
  for (const e of a.coverage.experience.missing) {
    items.push({ kind: 'experience', priority: prio('missingExperienceCount'), text: `补充具有${e}经历的干部`, reason: `班子岗位说明书要求${e}经历，现有成员均不具备`, metric: 'missingExperienceCount' });
  }
  for (const r of a.retiring) {
    items.push({
      kind: 'retire',
      priority: r.overdue ? 'high' : prio('retiringSoonCount', 'medium'),
      text: r.overdue ? `${r.name}（${r.positionTitle}）已于${r.retirementDate}到法定退休年龄，办理退休并补缺` : `${r.name}（${r.positionTitle}）将于${r.retirementDate}到龄退休，提前储备接替人选`,
      reason: r.overdue ? '已到法定退休年龄' : '将在退休预警期内到龄',
      metric: r.overdue ? 'pastRetirementCount' : 'retiringSoonCount',
      cadreId: r.cadreId,
      due: r.retirementDate,
    });
  }
  for (const id of a.assessments.low) {
    const m = card.get(id);
    if (!m?.lastAssessment) continue;
    items.push({
      kind: 'assessment',
      priority: prio('lowAssessmentCount'),
      text: `关注${m.name}：${m.lastAssessment.year}年度考核${m.lastAssessment.result}`,
      reason: '年度考核结果偏低',
      metric: 'lowAssessmentCount',
      cadreId: id,
    });
  }
  return items
    .map((it, i) => ({ it, i }))
    .sort((x, y) => PRIORITY_ORDER[x.it.priority] - PRIORITY_ORDER[y.it.priority] || (x.it.due ?? '9999') .localeCompare(y.it.due ?? '9999') || x.i - y.i)
    .map((x) => x.it);
}

/** the team level's young threshold (for display: "班子中40岁左右及以下 …") */
export function teamYoungThreshold(a: Pick<TeamAnalysis, 'team'>, rules: RulesConfig): number {
  return youngThreshold(a.team.level, rules);
}

