/**
 * 人岗适配晴雨表 — the fit model (seed 004's four degrees):
 *   岗位匹配度 position    level gap (rules.fit.levelGapPoints), specialty vs preferred
 *                          specialties, post type (a chief post prefers chief experience);
 *                          parts weighted by rules.fit.positionParts
 *   经历相关度 experience  per required experience kind: min(1, years / minYears) × 100
 *                          (minYears 0 = preferred: present / absent points); mean
 *   能力契合度 competency  Σ weight × score over the description's competency weights
 *                          (default rules.fit.competency.defaultWeights); scores explicit or
 *                          derived (政治素质 / 工作实绩 / 担当作为), missing → missingScore
 *   性格相容度 temperament style vs the preferred style, and vs the rest of the team
 *                          (rules.fit.temperament.teamRules, e.g. an all-老黄牛 team gains from a
 *                          小老虎); weighted positionWeight / teamWeight
 * total = Σ rules.fitWeights[d] × degree[d] / Σ weights. Every degree and the total are in
 * [0, 100]. Hard exclusions are separate from the score (see ExclusionCode).
 *
 * A position is compiled once against a PreparedCandidates (lookup tables indexed by the
 * candidates' level order, specialty id, style id), so scoring one candidate is a few array
 * reads; fitScore / explainFit use exactly the same code path as the ranking loop.
 */
import { isChiefLevel, levelOrder, normalizePostLevel, postLevelShort } from '../codes';
import { addMonths, fromEpochDays, toEpochDays } from '../dates';
import { DEFAULT_RULES, type RulesConfig } from '../rules';
import { disciplineImpactEnd, isDisciplineActive, rankMinYears } from '../tenure';
import { PositionDescriptionSchema, type PositionDescription, type PositionDescriptionInput } from './description';
import { isChiefOrder, prepareCandidates, type FitCandidate, type PreparedCandidates } from './prepare';

// ───────────────────────────── public types ─────────────────────────────
export type FitDegree = 'position' | 'experience' | 'competency' | 'temperament';
export const FIT_DEGREES: readonly FitDegree[] = ['position', 'experience', 'competency', 'temperament'];
export const FIT_DEGREE_NAMES: Record<FitDegree, { zh: string; en: string }> = {
  position: { zh: '岗位匹配度', en: 'position match' },
  experience: { zh: '经历相关度', en: 'experience relevance' },
  competency: { zh: '能力契合度', en: 'competency fit' },
  temperament: { zh: '性格相容度', en: 'temperament compatibility' },
};

export type FitFactor = {
  factor: string;
  /** '+' raised the degree, '-' lowered it, '=' neutral */
  effect: '+' | '-' | '=';
  detail: string;
  detailEn: string;
  /** the points this factor contributed to its degree (0–100 scale before weighting) */
  points?: number;
};

export type ExclusionCode =
  | 'discipline_active'
  | 'age_out_of_band'
  | 'retiring_soon'
  | 'level_jump'
  | 'level_tenure'
  | 'rank_tenure'
  | 'work_years'
  | 'grassroots_years';

export const EXCLUSION_BITS: Record<ExclusionCode, number> = {
  discipline_active: 1,
  age_out_of_band: 2,
  retiring_soon: 4,
  level_jump: 8,
  level_tenure: 16,
  rank_tenure: 32,
  work_years: 64,
  grassroots_years: 128,
};
export const EXCLUSION_LABELS: Record<ExclusionCode, { zh: string; en: string }> = {
  discipline_active: { zh: '处分/组织处理影响期内', en: 'a sanction impact period is running' },
  age_out_of_band: { zh: '年龄不在岗位要求范围内', en: 'age outside the band of the post' },
  retiring_soon: { zh: '临近法定退休年龄', en: 'reaches retirement age within the horizon' },
  level_jump: { zh: '越级提拔', en: 'promotion by more than one level' },
  level_tenure: { zh: '任下一级职务年限不足', en: 'not long enough at the level below' },
  rank_tenure: { zh: '职级最低任职年限不足', en: 'minimum years in the current rank not met' },
  work_years: { zh: '工作年限不足（县处级）', en: 'not enough years of work (county level)' },
  grassroots_years: { zh: '基层工作经历不足（县处级）', en: 'not enough grassroots experience (county level)' },
};

export type FitExclusion = { code: ExclusionCode; zh: string; en: string };

/** the members of the team other than the post being filled */
export type TeamContext = { styles: readonly (string | null | undefined)[] };

export type FitPosition = {
  /** 岗位说明书 (validated with PositionDescriptionSchema; {} = no requirements) */
  description?: PositionDescriptionInput | PositionDescription | null;
  /** 职务级别 of the post (used when the description has no requiredLevel) */
  level?: string | null;
  teamContext?: TeamContext | null;
};

export type FitOptions = { asOf: string; rules?: RulesConfig };

export type FitDegrees = Record<FitDegree, number>;

export type FitResult = {
  candidateId: string | number;
  total: number;
  degrees: FitDegrees;
  explanation: Record<FitDegree, FitFactor[]>;
  exclusions: FitExclusion[];
  eligible: boolean;
};

// ───────────────────────────── compiled position ─────────────────────────────
const LEVELS = 13; // level orders 0 … 12

export interface CompiledPosition {
  readonly description: PositionDescription;
  readonly targetLevel: string | undefined;
  readonly targetOrd: number;
  readonly targetChief: boolean;
  /** by candidate level order */
  readonly levelPts: Float64Array;
  /** required years at the current level, Infinity = level jump (excluded); 0 = no promotion */
  readonly reqYears: Float64Array;
  readonly promo: Uint8Array;
  readonly countyPromo: Uint8Array;
  /** by specialty id + 1 */
  readonly specPts: Float64Array;
  /** [no chief experience, chief experience] */
  readonly postTypePts: Float64Array;
  readonly wLevel: number;
  readonly wSpec: number;
  readonly wPostType: number;
  readonly expIdx: Int32Array;
  readonly expMin: Float64Array;
  readonly expKinds: string[];
  readonly compIdx: Int32Array;
  readonly compW: Float64Array;
  readonly compNames: string[];
  /** temperament degree by style id, and its two parts */
  readonly stylePts: Float64Array;
  readonly stylePosPart: Float64Array;
  readonly styleTeamPart: Float64Array;
  readonly teamKnown: boolean;
  readonly teamShares: Record<string, number>;
  readonly teamRuleIdx: Int32Array;
  readonly wP: number;
  readonly wE: number;
  readonly wC: number;
  readonly wT: number;
  readonly ageMin: number;
  readonly ageMax: number;
  readonly retireCutoffDay: number;
  readonly retireCutoff: string;
}

function normalizeDescription(d: FitPosition['description']): PositionDescription {
  return PositionDescriptionSchema.parse(d ?? {});
}

/** Compile a position against the dictionaries of a prepared candidate set. */
export function compilePosition(prep: PreparedCandidates, position: FitPosition): CompiledPosition {
  const rules = prep.rules;
  const fit = rules.fit;
  const desc = normalizeDescription(position.description);
  const targetLevel = normalizePostLevel(desc.requiredLevel ?? position.level ?? undefined) ?? undefined;
  const T = levelOrder(targetLevel);
  const targetChief = isChiefLevel(targetLevel);
  const levelPts = new Float64Array(LEVELS);
  const reqYears = new Float64Array(LEVELS);
  const promo = new Uint8Array(LEVELS);
  const countyPromo = new Uint8Array(LEVELS);
  const same = fit.levelGapPoints['0'] ?? 100;
  for (let C = 0; C < LEVELS; C++) {
    if (T === 0) {
      levelPts[C] = same;
      continue;
    }
    const gap = T - C;
    levelPts[C] = fit.levelGapPoints[String(gap)] ?? fit.levelGapOtherPoints;
    if (gap <= 0) continue;
    promo[C] = 1;
    countyPromo[C] = T >= 5 ? 1 : 0; // 县处级 and above (order 5 = 副处)
    let rule = 0;
    if (gap === 1 && C > 0) {
      if (targetChief && !isChiefOrder(C)) rule = rules.promotion.deputyToChiefSameLevelYears;
      else if (!targetChief && isChiefOrder(C)) rule = rules.promotion.chiefToHigherDeputyYears;
    }
    reqYears[C] = gap >= 2 && fit.excludeLevelJump ? Infinity : Math.max(rule, desc.minYearsAtLevelBelow ?? 0);
  }
  const prefs = desc.preferredSpecialties;
  const specPts = new Float64Array(prep.specialtyDict.length + 1);
  specPts[0] = prefs.length ? fit.specialty.unknown : fit.specialty.noPreference;
  prep.specialtyDict.forEach((s, i) => {
    specPts[i + 1] = !prefs.length ? fit.specialty.noPreference : prefs.includes(s) ? fit.specialty.match : fit.specialty.mismatch;
  });
  const postTypePts = new Float64Array(2);
  if (targetChief) {
    postTypePts[0] = fit.postType.chiefWithoutChiefExperience;
    postTypePts[1] = fit.postType.chiefWithChiefExperience;
  } else postTypePts[0] = postTypePts[1] = fit.postType.deputyPost;
  const pp = fit.positionParts;
  const pSum = pp.level + pp.specialty + pp.postType || 1;
  // experience
  const reqs = desc.requiredExperience;
  const expIdx = new Int32Array(reqs.length);
  const expMin = new Float64Array(reqs.length);
  reqs.forEach((r, k) => {
    expIdx[k] = prep.expKinds.indexOf(r.kind);
    expMin[k] = r.minYears;
  });
  // competency
  let weights = Object.entries(desc.competencyWeights).filter(([, w]) => w > 0);
  if (!weights.length) weights = Object.entries(fit.competency.defaultWeights).filter(([, w]) => w > 0);
  const wSum = weights.reduce((a, [, w]) => a + w, 0);
  const compIdx = new Int32Array(weights.length);
  const compW = new Float64Array(weights.length);
  weights.forEach(([name, w], k) => {
    compIdx[k] = prep.compNames.indexOf(name);
    compW[k] = w / wSum;
  });
  // temperament
  const tcfg = fit.temperament;
  const known = (position.teamContext?.styles ?? []).filter((s): s is string => s === 'tiger' || s === 'ox');
  const teamKnown = known.length >= tcfg.minKnownTeamStyles;
  const teamShares: Record<string, number> = {};
  for (const s of ['tiger', 'ox']) teamShares[s] = known.length ? known.filter((x) => x === s).length / known.length : 0;
  const nStyles = prep.styleDict.length;
  const stylePts = new Float64Array(nStyles);
  const stylePosPart = new Float64Array(nStyles);
  const styleTeamPart = new Float64Array(nStyles);
  const teamRuleIdx = new Int32Array(nStyles).fill(-1);
  const pref = desc.preferredStyle ?? null;
  for (let s = 0; s < nStyles; s++) {
    const code = s === 0 ? null : prep.styleDict[s];
    const posPart = !pref ? tcfg.noPreference : code == null ? tcfg.unknownStyle : code === pref ? tcfg.styleMatch : tcfg.styleMismatch;
    let teamPart = tcfg.teamNeutral;
    if (code == null) teamPart = tcfg.unknownStyle;
    else {
      const ri = tcfg.teamRules.findIndex((r) => r.candidateStyle === code && teamShares[r.teamStyle] >= r.minShare);
      if (ri >= 0) {
        teamPart = tcfg.teamRules[ri].points;
        teamRuleIdx[s] = ri;
      }
    }
    stylePosPart[s] = posPart;
    styleTeamPart[s] = teamPart;
    const wPos = tcfg.positionWeight;
    const wTeam = teamKnown ? tcfg.teamWeight : 0;
    stylePts[s] = wPos + wTeam > 0 ? (posPart * wPos + teamPart * wTeam) / (wPos + wTeam) : posPart;
  }
  const fw = rules.fitWeights;
  const fSum = fw.position + fw.experience + fw.competency + fw.temperament;
  const retireCutoff = addMonths(prep.asOf, fit.retirementHorizonMonths);
  return {
    description: desc,
    targetLevel,
    targetOrd: T,
    targetChief,
    levelPts,
    reqYears,
    promo,
    countyPromo,
    specPts,
    postTypePts,
    wLevel: pp.level / pSum,
    wSpec: pp.specialty / pSum,
    wPostType: pp.postType / pSum,
    expIdx,
    expMin,
    expKinds: reqs.map((r) => r.kind),
    compIdx,
    compW,
    compNames: weights.map(([n]) => n),
    stylePts,
    stylePosPart,
    styleTeamPart,
    teamKnown,
    teamShares,
    teamRuleIdx,
    wP: fw.position / fSum,
    wE: fw.experience / fSum,
    wC: fw.competency / fSum,
    wT: fw.temperament / fSum,
    ageMin: desc.ageBand?.min ?? -Infinity,
    ageMax: desc.ageBand?.max ?? Infinity,
    retireCutoffDay: toEpochDays(retireCutoff),
    retireCutoff,
  };
}

// ───────────────────────────── scoring (the hot path) ─────────────────────────────
/** Writes [total, position, experience, competency, temperament] of candidate i into out. */
export function degreesAt(p: PreparedCandidates, i: number, cp: CompiledPosition, out: Float64Array): Float64Array {
  const fit = p.rules.fit;
  const lv = p.levelOrd[i];
  const pos = cp.levelPts[lv] * cp.wLevel + cp.specPts[p.specialty[i] + 1] * cp.wSpec + cp.postTypePts[p.chiefExp[i]] * cp.wPostType;
  let exp: number;
  const ne = cp.expIdx.length;
  if (ne === 0) exp = fit.experience.noRequirement;
  else {
    let s = 0;
    for (let k = 0; k < ne; k++) {
      const ki = cp.expIdx[k];
      const y = ki < 0 ? 0 : p.expYears[ki][i];
      const min = cp.expMin[k];
      s += min > 0 ? (y >= min ? 100 : (100 * y) / min) : y > 0 ? fit.experience.preferredPresent : fit.experience.preferredAbsent;
    }
    exp = s / ne;
  }
  let comp = 0;
  const missing = fit.competency.missingScore;
  for (let k = 0; k < cp.compIdx.length; k++) {
    const ci = cp.compIdx[k];
    const v = ci < 0 ? NaN : p.comp[ci][i];
    comp += cp.compW[k] * (v === v ? v : missing);
  }
  if (cp.compIdx.length === 0) comp = missing;
  const temp = cp.stylePts[p.style[i]];
  out[0] = cp.wP * pos + cp.wE * exp + cp.wC * comp + cp.wT * temp;
  out[1] = pos;
  out[2] = exp;
  out[3] = comp;
  out[4] = temp;
  return out;
}

/** Bit set of ExclusionCode (EXCLUSION_BITS) for candidate i; 0 = eligible. */
export function exclusionMaskAt(p: PreparedCandidates, i: number, cp: CompiledPosition): number {
  let m = 0;
  if (p.disciplineActive[i]) m |= 1;
  const a = p.age[i];
  if (a < cp.ageMin || a > cp.ageMax) m |= 2;
  if (p.retireDay[i] <= cp.retireCutoffDay) m |= 4;
  const lv = p.levelOrd[i];
  const req = cp.reqYears[lv];
  if (req === Infinity) m |= 8;
  else if (p.yearsAtLevel[i] < req) m |= 16;
  if (cp.promo[lv]) {
    if (!p.rankOk[i]) m |= 32;
    if (cp.countyPromo[lv]) {
      if (p.workYears[i] < p.rules.promotion.countyLevelMinWorkYears) m |= 64;
      if (p.grassrootsYears[i] < p.rules.promotion.countyLevelMinGrassrootsYears) m |= 128;
    }
  }
  return m;
}

export function exclusionCodes(mask: number): ExclusionCode[] {
  return (Object.keys(EXCLUSION_BITS) as ExclusionCode[]).filter((c) => (mask & EXCLUSION_BITS[c]) !== 0);
}

/** {code, zh, en} for every bit of the mask (generic labels; explainFit gives the details) */
export function exclusionReasons(mask: number): FitExclusion[] {
  return exclusionCodes(mask).map((code) => ({ code, ...EXCLUSION_LABELS[code] }));
}

// ───────────────────────────── explanations ─────────────────────────────
const fy = (y: number) => {
  const r = Math.round(y * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
};
const fp = (v: number) => String(Math.round(v * 10) / 10);
const levelName = (ord: number, p: PreparedCandidates, i: number) =>
  postLevelShort(p.facts[i]?.postLevel) ?? (ord ? `级别序${ord}` : '未定级');
const STYLE_ZH: Record<string, string> = { tiger: '小老虎型', ox: '老黄牛型' };
const STYLE_EN: Record<string, string> = { tiger: 'enterprising (tiger)', ox: 'steady (ox)' };
const sign = (v: number, good: number, weak: number): '+' | '-' | '=' => (v >= good ? '+' : v < weak ? '-' : '=');

function explainAt(p: PreparedCandidates, i: number, cp: CompiledPosition): { explanation: Record<FitDegree, FitFactor[]>; exclusions: FitExclusion[] } {
  const rules = p.rules;
  const fit = rules.fit;
  const facts = p.facts[i];
  const position: FitFactor[] = [];
  const experience: FitFactor[] = [];
  const competency: FitFactor[] = [];
  const temperament: FitFactor[] = [];
  // 岗位匹配度
  const lv = p.levelOrd[i];
  const lp = cp.levelPts[lv];
  const tName = postLevelShort(cp.targetLevel) ?? '未定';
  const cName = levelName(lv, p, i);
  const gap = cp.targetOrd - lv;
  position.push({
    factor: '职务层次',
    effect: lp >= 85 ? '+' : lp < 60 ? '-' : '=',
    detail: cp.targetOrd === 0 ? '岗位未定职务层次' : gap === 0 ? `现任${cName}，与岗位${tName}同级` : gap > 0 ? `现任${cName}，岗位${tName}（提拔${gap}级）` : `现任${cName}，高于岗位${tName}`,
    detailEn: cp.targetOrd === 0 ? 'the post has no level' : gap === 0 ? 'same level as the post' : gap > 0 ? `${gap} level(s) below the post (promotion)` : 'above the level of the post',
    points: lp,
  });
  const prefs = cp.description.preferredSpecialties;
  const sp = p.specialty[i];
  const spName = sp >= 0 ? p.specialtyDict[sp] : null;
  const spPts = cp.specPts[sp + 1];
  position.push({
    factor: '专业',
    effect: !prefs.length ? '=' : spName && prefs.includes(spName) ? '+' : '-',
    detail: !prefs.length
      ? `专业: ${spName ?? '未知'}，岗位无专业偏好`
      : `专业: ${spName ?? '未知'}，岗位偏好: ${prefs.join('/')} → ${spName ? (prefs.includes(spName) ? '匹配' : '不匹配') : '无法判断'}`,
    detailEn: !prefs.length
      ? `specialty ${spName ?? 'unknown'}; no preference`
      : `specialty ${spName ?? 'unknown'}, preferred ${prefs.join('/')} → ${spName ? (prefs.includes(spName) ? 'match' : 'no match') : 'unknown'}`,
    points: spPts,
  });
  if (cp.targetChief) {
    const has = p.chiefExp[i] === 1;
    position.push({
      factor: '岗位类型',
      effect: has ? '+' : '-',
      detail: has ? '正职岗位，有正职任职经历' : '正职岗位，无正职任职经历',
      detailEn: has ? 'chief post; has chief experience' : 'chief post; no chief experience',
      points: cp.postTypePts[p.chiefExp[i]],
    });
  }
  // 经历相关度
  if (!cp.expIdx.length) experience.push({ factor: '经历要求', effect: '=', detail: '岗位无经历要求', detailEn: 'the post requires no experience', points: fit.experience.noRequirement });
  for (let k = 0; k < cp.expIdx.length; k++) {
    const kind = cp.expKinds[k];
    const ki = cp.expIdx[k];
    const y = ki < 0 ? 0 : p.expYears[ki][i];
    const min = cp.expMin[k];
    if (min > 0) {
      const ok = y >= min;
      experience.push({
        factor: `${kind}经历`,
        effect: ok ? '+' : '-',
        detail: `${kind}工作经历 ${fy(y)}年 ${ok ? '≥' : '<'} 要求 ${fy(min)}年`,
        detailEn: `${kind} experience ${fy(y)} years ${ok ? '≥' : '<'} required ${fy(min)}`,
        points: ok ? 100 : (100 * y) / min,
      });
    } else {
      experience.push({
        factor: `${kind}经历`,
        effect: y > 0 ? '+' : '-',
        detail: y > 0 ? `有${kind}工作经历 ${fy(y)}年（岗位优先）` : `无${kind}工作经历（岗位优先）`,
        detailEn: y > 0 ? `${kind} experience ${fy(y)} years (preferred)` : `no ${kind} experience (preferred)`,
        points: y > 0 ? fit.experience.preferredPresent : fit.experience.preferredAbsent,
      });
    }
  }
  // 能力契合度
  const cc = fit.competency;
  if (!cp.compIdx.length) competency.push({ factor: '能力权重', effect: '=', detail: '未设能力权重，按中性分', detailEn: 'no competency weights: neutral score', points: cc.missingScore });
  for (let k = 0; k < cp.compIdx.length; k++) {
    const name = cp.compNames[k];
    const ci = cp.compIdx[k];
    const v = ci < 0 ? NaN : p.comp[ci][i];
    const w = Math.round(cp.compW[k] * 100);
    if (v !== v) {
      competency.push({ factor: name, effect: '=', detail: `${name}: 无数据，按中性分 ${fp(cc.missingScore)}（权重${w}%）`, detailEn: `${name}: no data, neutral ${fp(cc.missingScore)} (weight ${w}%)`, points: cc.missingScore });
    } else {
      const explicit = facts?.competencies?.[name] != null;
      competency.push({
        factor: name,
        effect: sign(v, cc.goodThreshold, cc.weakThreshold),
        detail: `${name}: ${fp(v)}分${explicit ? '' : '（由档案推算）'}（权重${w}%）`,
        detailEn: `${name}: ${fp(v)}${explicit ? '' : ' (derived from the file)'} (weight ${w}%)`,
        points: v,
      });
    }
  }
  // 性格相容度
  const st = p.style[i];
  const code = st === 0 ? null : p.styleDict[st];
  const pref = cp.description.preferredStyle ?? null;
  const tc = fit.temperament;
  temperament.push({
    factor: '岗位性格偏好',
    effect: !pref || code == null ? '=' : code === pref ? '+' : '-',
    detail: !pref
      ? `岗位无性格偏好（本人: ${code ? STYLE_ZH[code] ?? code : '未标注'}）`
      : `本人: ${code ? STYLE_ZH[code] ?? code : '未标注'}，岗位偏好: ${STYLE_ZH[pref]} → ${code == null ? '无法判断' : code === pref ? '相符' : '不符'}`,
    detailEn: !pref
      ? `no preferred style (own: ${code ? STYLE_EN[code] ?? code : 'unknown'})`
      : `own ${code ? STYLE_EN[code] ?? code : 'unknown'}, preferred ${STYLE_EN[pref]} → ${code == null ? 'unknown' : code === pref ? 'match' : 'no match'}`,
    points: cp.stylePosPart[st],
  });
  if (cp.teamKnown) {
    const ri = cp.teamRuleIdx[st];
    const share = `小老虎型${Math.round(cp.teamShares.tiger * 100)}%、老黄牛型${Math.round(cp.teamShares.ox * 100)}%`;
    const shareEn = `tiger ${Math.round(cp.teamShares.tiger * 100)}%, ox ${Math.round(cp.teamShares.ox * 100)}%`;
    const tp = cp.styleTeamPart[st];
    temperament.push({
      factor: '班子性格结构',
      effect: tp > tc.teamNeutral ? '+' : tp < tc.teamNeutral ? '-' : '=',
      detail: ri >= 0 ? `班子其他成员${share}；${tc.teamRules[ri].reason.zh}` : code == null ? `班子其他成员${share}；本人性格未标注` : `班子其他成员${share}；结构无明显冲突`,
      detailEn: ri >= 0 ? `rest of the team ${shareEn}; ${tc.teamRules[ri].reason.en}` : code == null ? `rest of the team ${shareEn}; own style unknown` : `rest of the team ${shareEn}; no conflict`,
      points: tp,
    });
  }
  // exclusions with details
  const exclusions: FitExclusion[] = [];
  const mask = exclusionMaskAt(p, i, cp);
  const add = (code: ExclusionCode, zh: string, en: string) => exclusions.push({ code, zh, en });
  if (mask & 1) {
    const active = (facts?.disciplines ?? []).filter((d) => isDisciplineActive(d, p.asOf, rules));
    const parts = active.map((d) => `${d.kind}（${d.date}，影响期至${disciplineImpactEnd(d.date, d.kind, d.impactMonths, rules, d.category)}）`);
    add('discipline_active', `处于影响期内: ${parts.join('；') || '有处分'}`, `within the impact period of ${active.map((d) => `${d.kind} (${d.date})`).join(', ') || 'a sanction'}`);
  }
  if (mask & 2) {
    const b = cp.description.ageBand;
    add('age_out_of_band', `年龄 ${p.age[i]}岁，岗位要求 ${b?.min ?? ''}–${b?.max ?? ''}岁`, `age ${p.age[i]}, band ${b?.min ?? ''}–${b?.max ?? ''}`);
  }
  if (mask & 4) {
    const d = fromEpochDays(p.retireDay[i]);
    add('retiring_soon', `法定退休日期 ${d}，早于 ${cp.retireCutoff}（${fit.retirementHorizonMonths}个月内）`, `retires on ${d}, before ${cp.retireCutoff} (${fit.retirementHorizonMonths} months)`);
  }
  if (mask & 8) add('level_jump', `现任${cName}，岗位${tName}，越级提拔`, `currently ${cName}; the post ${tName} is more than one level higher`);
  if (mask & 16) {
    const req = cp.reqYears[lv];
    add('level_tenure', `任现职级 ${fy(p.yearsAtLevel[i])}年 < 要求 ${fy(req)}年`, `${fy(p.yearsAtLevel[i])} years at the current level < required ${fy(req)}`);
  }
  if (mask & 32) {
    const r = facts?.rank ?? '';
    add('rank_tenure', `职级 ${r} 任职未满 ${rankMinYears(r, rules)}年`, `rank ${r}: fewer than ${rankMinYears(r, rules)} years`);
  }
  if (mask & 64) add('work_years', `工作年限 ${fy(p.workYears[i])}年 < 要求 ${rules.promotion.countyLevelMinWorkYears}年`, `${fy(p.workYears[i])} years of work < ${rules.promotion.countyLevelMinWorkYears}`);
  if (mask & 128) add('grassroots_years', `基层工作经历 ${fy(p.grassrootsYears[i])}年 < 要求 ${rules.promotion.countyLevelMinGrassrootsYears}年`, `${fy(p.grassrootsYears[i])} years at grassroots < ${rules.promotion.countyLevelMinGrassrootsYears}`);
  return { explanation: { position, experience, competency, temperament }, exclusions };
}

/** Full result (scores, explanation, exclusions) of candidate i of a prepared set. */
export function fitResultAt(p: PreparedCandidates, i: number, cp: CompiledPosition): FitResult {
  const d = degreesAt(p, i, cp, new Float64Array(5));
  const { explanation, exclusions } = explainAt(p, i, cp);
  return {
    candidateId: p.ids[i],
    total: d[0],
    degrees: { position: d[1], experience: d[2], competency: d[3], temperament: d[4] },
    explanation,
    exclusions,
    eligible: exclusions.length === 0,
  };
}

/**
 * Fit of one candidate to one position on opts.asOf: total and four degrees (0–100), the
 * explanation of every degree and the hard exclusions. Deterministic.
 */
export function fitScore(candidate: FitCandidate, position: FitPosition, opts: FitOptions): FitResult {
  const prep = prepareCandidates([candidate], opts.asOf, opts.rules ?? DEFAULT_RULES);
  return fitResultAt(prep, 0, compilePosition(prep, position));
}

/** The same as fitScore: on-demand explanation for the rows a page shows. */
export const explainFit = fitScore;
