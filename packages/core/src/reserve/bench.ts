/**
 * Bench strength (后备力量) per key post — Infor "bench strength by team", SAP "key positions"; 000:
 * "急用现找" is a key post with nobody 随时能用.
 *
 * Posts: 正职 (isChief) and 关键岗位 (isKey) — all posts with keyOnly: false — sorted 正职 first, then
 * key posts, then by level (higher first), org unit id, position id.
 *
 * Which successors belong to which post (documented in docs/reserve.md):
 * - only pool entries in stage `admitted` with a tier: the confirmed tier, else the suggestion
 *   (`suggestedOnly` flag); entries with neither are counted as `unrated` in the summary.
 * - an entry with `targetPositionId` is a successor of that post only.
 * - otherwise an entry with a `targetLevel` is a successor of every post with that 职务级别 whose
 *   正职 flag equals the entry's `targetChief` (null = either; default true for 正职后备库 entries)
 *   and whose org unit kind equals the entry's `unitKind` (null = any kind).
 * - an entry with neither is mapped to no post (`unmapped` in the summary).
 * - a cadre appearing more than once for a post counts once: a position match beats a level match,
 *   then a confirmed tier beats a suggestion, then the higher tier, then higher maturity.
 *
 * Speed: entries are grouped once by target post and by (level, chief, unit kind); the level-match
 * successors of each post signature (level, chief, unit kind) are merged and sorted once and shared
 * by all posts with that signature, so a post costs a few Map lookups plus its own position-targeted
 * entries — never posts × entries.
 *
 * Incumbent: retirement date given or computed (cadre rules, stats/fast); `retiringWithinHorizon`
 * when it falls in (asOf, asOf + rules.retirementHorizonYears years]; `pastRetirement` when ≤ asOf.
 * `urgent` (急用现找) when nobody is 随时能用; risk 'high' when urgent and the post is vacant or its
 * incumbent retires within the horizon (or is past retirement), 'medium' when urgent, else 'low'.
 */
import { levelOrder, normalizePostLevel, postLevelShort } from '../codes';
import type { RulesConfig } from '../rules';
import { addMonthsPacked, fullYearsPacked, makeRetirementFn, packDate, unpackDate } from '../stats/fast';
import { TIER_NAMES, tierRank, type Reason, type Tier } from './tiers';
import type { PoolStage } from './workflow';

export type BenchIncumbentInput = { cadreId: number; name: string; birthDate: string; sex: string; retirementDate?: string | null };

export type KeyPostInput = {
  positionId: number;
  title: string;
  /** 职务级别 code */
  level: string;
  isChief: boolean;
  isKey: boolean;
  orgUnitId: number;
  orgName?: string | null;
  /** org_unit.kind: 党政机关 | 事业单位 | 国有企业 | 镇街 | 园区 | 高校科研 */
  unitKind?: string | null;
  teamId?: number | null;
  teamName?: string | null;
  /** holders of the post (任职); empty = vacant */
  incumbents?: readonly BenchIncumbentInput[] | null;
};

export type SuccessorInput = {
  entryId: number;
  cadreId: number;
  name: string;
  poolId?: number | null;
  /** 正职后备库 | 优秀年轻干部库 | … */
  poolKind?: string | null;
  stage: PoolStage;
  targetPositionId?: number | null;
  /** the 职务级别 the entry is a reserve for (used when there is no targetPositionId) */
  targetLevel?: string | null;
  /** reserve for a 正职 (true), a deputy (false), or either (null; default true for 正职后备库) */
  targetChief?: boolean | null;
  /** org unit kind the entry is a reserve for (null = any) */
  unitKind?: string | null;
  confirmedTier?: Tier | null;
  suggestedTier?: Tier | null;
  concentration?: number | null;
  maturity?: number | null;
};

export type BenchOptions = {
  asOf: string;
  rules: RulesConfig;
  /** only 正职 and 关键岗位 (default true) */
  keyOnly?: boolean;
  /** successors listed per tier per post (counts are always complete); default 10 */
  maxPerTier?: number;
};

export type BenchSuccessor = {
  entryId: number;
  cadreId: number;
  name: string;
  poolId: number | null;
  poolKind: string | null;
  tier: Tier;
  /** the tier is the suggestion: no officer has confirmed one */
  suggestedOnly: boolean;
  /** 'position': the entry targets this post; 'level': by level / 正职 / unit kind */
  match: 'position' | 'level';
  concentration: number | null;
  maturity: number | null;
};

export type BenchIncumbent = {
  cadreId: number;
  name: string;
  age: number;
  retirementDate: string;
  retiringWithinHorizon: boolean;
  pastRetirement: boolean;
};

export type BenchRow = {
  positionId: number;
  title: string;
  level: string;
  levelName: string;
  isChief: boolean;
  isKey: boolean;
  orgUnitId: number;
  orgName: string | null;
  unitKind: string | null;
  teamId: number | null;
  teamName: string | null;
  incumbents: BenchIncumbent[];
  vacant: boolean;
  /** an incumbent retires within the horizon or is past retirement */
  retiringWithinHorizon: boolean;
  /** distinct successors per tier */
  counts: Record<Tier, number>;
  /** successors whose tier is only suggested */
  suggestedOnly: number;
  total: number;
  /** best first, at most maxPerTier per tier */
  successors: Record<Tier, BenchSuccessor[]>;
  /** 急用现找: nobody 随时能用 */
  urgent: boolean;
  risk: 'high' | 'medium' | 'low';
  reasons: Reason[];
};

export type BenchSummary = {
  asOf: string;
  horizonYears: number;
  /** rows (posts) on the board */
  keyPosts: number;
  chiefPosts: number;
  urgent: number;
  /** urgent and vacant or retiring within the horizon */
  urgentHighRisk: number;
  vacant: number;
  retiringWithinHorizon: number;
  withReadyNow: number;
  withoutSuccessor: number;
  /** distinct cadres on the board by their best tier over the posts */
  successors: Record<Tier, number>;
  /** distinct cadres on the board whose tier is only suggested */
  suggestedOnly: number;
  /** admitted entries without a confirmed or suggested tier */
  unrated: number;
  /** admitted entries with neither targetPositionId nor targetLevel */
  unmapped: number;
};

export type BenchStrength = { rows: BenchRow[]; summary: BenchSummary };

const emptyCounts = (): Record<Tier, number> => ({ readyNow: 0, shortTerm: 0, future: 0 });

/** better successor first: position match, confirmed, tier, maturity, concentration, cadre id */
function compareSuccessor(a: BenchSuccessor, b: BenchSuccessor): number {
  if (a.match !== b.match) return a.match === 'position' ? -1 : 1;
  if (a.suggestedOnly !== b.suggestedOnly) return a.suggestedOnly ? 1 : -1;
  const t = tierRank(b.tier) - tierRank(a.tier);
  if (t) return t;
  const m = (b.maturity ?? -1) - (a.maturity ?? -1);
  if (m) return m;
  const c = (b.concentration ?? -1) - (a.concentration ?? -1);
  if (c) return c;
  return a.cadreId - b.cadreId;
}

/** the level-match successors of one post signature, merged and sorted once */
type Group = {
  byCadre: Map<number, BenchSuccessor>;
  /** per tier, fully sorted (best first) */
  lists: Record<Tier, BenchSuccessor[]>;
  counts: Record<Tier, number>;
  suggestedOnly: number;
};

function buildGroup(parts: (readonly BenchSuccessor[] | undefined)[]): Group {
  const byCadre = new Map<number, BenchSuccessor>();
  for (const list of parts) {
    if (!list) continue;
    for (const s of list) {
      const prev = byCadre.get(s.cadreId);
      if (!prev || compareSuccessor(s, prev) < 0) byCadre.set(s.cadreId, s);
    }
  }
  const lists: Record<Tier, BenchSuccessor[]> = { readyNow: [], shortTerm: [], future: [] };
  let suggestedOnly = 0;
  for (const s of byCadre.values()) {
    lists[s.tier].push(s);
    if (s.suggestedOnly) suggestedOnly++;
  }
  for (const t of ['readyNow', 'shortTerm', 'future'] as const) lists[t].sort(compareSuccessor);
  return { byCadre, lists, counts: { readyNow: lists.readyNow.length, shortTerm: lists.shortTerm.length, future: lists.future.length }, suggestedOnly };
}

const EMPTY_GROUP: Group = buildGroup([]);

export function benchStrength(posts: readonly KeyPostInput[], successors: readonly SuccessorInput[], opts: BenchOptions): BenchStrength {
  const { asOf, rules } = opts;
  const keyOnly = opts.keyOnly ?? true;
  const k = Math.max(0, opts.maxPerTier ?? 10);
  const horizonYears = rules.retirementHorizonYears;
  const asOfP = packDate(asOf);
  const horizonP = addMonthsPacked(asOfP, Math.round(horizonYears * 12));
  const retire = makeRetirementFn(rules);

  // ── group the admitted entries
  const byPosition = new Map<number, BenchSuccessor[]>();
  const byKey = new Map<string, BenchSuccessor[]>();
  let unrated = 0;
  let unmapped = 0;
  for (const e of successors) {
    if (e.stage !== 'admitted') continue;
    const tier = e.confirmedTier ?? e.suggestedTier ?? null;
    if (!tier) {
      unrated++;
      continue;
    }
    const base = {
      entryId: e.entryId,
      cadreId: e.cadreId,
      name: e.name,
      poolId: e.poolId ?? null,
      poolKind: e.poolKind ?? null,
      tier,
      suggestedOnly: !e.confirmedTier,
      concentration: e.concentration ?? null,
      maturity: e.maturity ?? null,
    };
    if (e.targetPositionId != null) {
      let l = byPosition.get(e.targetPositionId);
      if (!l) byPosition.set(e.targetPositionId, (l = []));
      l.push({ ...base, match: 'position' });
      continue;
    }
    const lvl = normalizePostLevel(e.targetLevel ?? undefined) ?? e.targetLevel ?? null;
    if (!lvl) {
      unmapped++;
      continue;
    }
    const chief = e.targetChief ?? (e.poolKind === '正职后备库' ? true : null);
    const key = `${lvl}|${chief == null ? '*' : chief ? '1' : '0'}|${e.unitKind ?? '*'}`;
    let l = byKey.get(key);
    if (!l) byKey.set(key, (l = []));
    l.push({ ...base, match: 'level' });
  }

  // ── one row per post
  type LevelInfo = { code: string; name: string; order: number; chiefGroups: Map<string, Group>; deputyGroups: Map<string, Group> };
  const levelCache = new Map<string, LevelInfo>();
  const byCode = new Map<string, LevelInfo>();
  const rows: BenchRow[] = [];
  const rowOrder: number[] = [];
  const usedGroups = new Set<Group>();
  const usedSpecific: BenchSuccessor[] = [];
  for (const p of posts) {
    if (keyOnly && !p.isChief && !p.isKey) continue;
    let lv = levelCache.get(p.level);
    if (!lv) {
      const code = normalizePostLevel(p.level) ?? p.level;
      lv = byCode.get(code);
      if (!lv) {
        lv = { code, name: postLevelShort(code) ?? p.level, order: levelOrder(code), chiefGroups: new Map(), deputyGroups: new Map() };
        byCode.set(code, lv);
      }
      levelCache.set(p.level, lv);
    }
    const chief = p.isChief ? '1' : '0';
    const unit = p.unitKind ?? '';
    // signature (level, chief, unit kind) → merged level-match group, cached per level code
    const byUnit = p.isChief ? lv.chiefGroups : lv.deputyGroups;
    let g = byUnit.get(unit);
    if (!g) {
      const parts = [byKey.get(`${lv.code}|${chief}|*`), byKey.get(`${lv.code}|*|*`)];
      if (unit) parts.push(byKey.get(`${lv.code}|${chief}|${unit}`), byKey.get(`${lv.code}|*|${unit}`));
      g = parts.some((x) => x && x.length) ? buildGroup(parts) : EMPTY_GROUP;
      byUnit.set(unit, g);
    }
    usedGroups.add(g);

    const specific = byPosition.get(p.positionId);
    let counts: Record<Tier, number>;
    let suggestedOnly: number;
    let lists: Record<Tier, BenchSuccessor[]>;
    if (!specific || !specific.length) {
      counts = { ...g.counts };
      suggestedOnly = g.suggestedOnly;
      lists = { readyNow: g.lists.readyNow.slice(0, k), shortTerm: g.lists.shortTerm.slice(0, k), future: g.lists.future.slice(0, k) };
    } else {
      // position-targeted entries override the same cadre's level match
      const own = buildGroup([specific]);
      for (const s of own.byCadre.values()) usedSpecific.push(s);
      counts = { ...g.counts };
      suggestedOnly = g.suggestedOnly;
      const replaced = new Set<number>();
      for (const s of own.byCadre.values()) {
        const prev = g.byCadre.get(s.cadreId);
        if (prev) {
          replaced.add(s.cadreId);
          counts[prev.tier]--;
          if (prev.suggestedOnly) suggestedOnly--;
        }
        counts[s.tier]++;
        if (s.suggestedOnly) suggestedOnly++;
      }
      lists = emptyLists();
      for (const t of ['readyNow', 'shortTerm', 'future'] as const) {
        const out = lists[t];
        for (const s of own.lists[t]) {
          if (out.length >= k) break;
          out.push(s);
        }
        for (const s of g.lists[t]) {
          if (out.length >= k) break;
          if (!replaced.has(s.cadreId)) out.push(s);
        }
      }
    }

    const incumbents: BenchIncumbent[] = [];
    let retiring = false;
    for (const i of p.incumbents ?? []) {
      const b = packDate(i.birthDate);
      const rd = i.retirementDate ? packDate(i.retirementDate) : retire(b, i.sex);
      const past = rd <= asOfP;
      const within = rd > asOfP && rd <= horizonP;
      if (past || within) retiring = true;
      incumbents.push({ cadreId: i.cadreId, name: i.name, age: fullYearsPacked(b, asOfP), retirementDate: unpackDate(rd), retiringWithinHorizon: within, pastRetirement: past });
    }
    const vacant = incumbents.length === 0;
    const urgent = counts.readyNow === 0;
    const total = counts.readyNow + counts.shortTerm + counts.future;
    const reasons: Reason[] = [];
    if (urgent) {
      reasons.push(
        total
          ? { zh: `无「${TIER_NAMES.readyNow.zh}」后备人选（急用现找）`, en: `nobody '${TIER_NAMES.readyNow.en}' (emergency search)` }
          : { zh: '无后备人选（急用现找）', en: 'no successor at all (emergency search)' },
      );
    }
    if (vacant) reasons.push({ zh: '岗位空缺', en: 'the post is vacant' });
    for (const i of incumbents) {
      if (i.pastRetirement) reasons.push({ zh: `${i.name} 已到法定退休时间（${i.retirementDate}）`, en: `${i.name} reached retirement on ${i.retirementDate}` });
      else if (i.retiringWithinHorizon) reasons.push({ zh: `${i.name} 将于 ${i.retirementDate} 退休（${horizonYears}年内）`, en: `${i.name} retires on ${i.retirementDate} (within ${horizonYears} years)` });
    }
    if (suggestedOnly) reasons.push({ zh: `${suggestedOnly} 名后备人选的层级仅为系统建议，尚未确认`, en: `${suggestedOnly} successor tier(s) only suggested, not confirmed` });
    const risk: BenchRow['risk'] = urgent ? (vacant || retiring ? 'high' : 'medium') : 'low';

    rowOrder.push(lv.order);
    rows.push({
      positionId: p.positionId,
      title: p.title,
      level: lv.code,
      levelName: lv.name,
      isChief: p.isChief,
      isKey: p.isKey,
      orgUnitId: p.orgUnitId,
      orgName: p.orgName ?? null,
      unitKind: p.unitKind ?? null,
      teamId: p.teamId ?? null,
      teamName: p.teamName ?? null,
      incumbents,
      vacant,
      retiringWithinHorizon: retiring,
      counts,
      suggestedOnly,
      total,
      successors: lists,
      urgent,
      risk,
      reasons,
    });
  }

  // 正职 first, then 关键岗位, then higher level, org unit id, position id (numeric keys, index sort)
  const idx = Array.from(rows.keys());
  idx.sort((i, j) => {
    const a = rows[i];
    const b = rows[j];
    if (a.isChief !== b.isChief) return a.isChief ? -1 : 1;
    if (a.isKey !== b.isKey) return a.isKey ? -1 : 1;
    return rowOrder[j] - rowOrder[i] || a.orgUnitId - b.orgUnitId || a.positionId - b.positionId;
  });
  const sorted = idx.map((i) => rows[i]);

  // ── summary
  const best = new Map<number, BenchSuccessor>();
  const consider = (s: BenchSuccessor) => {
    const prev = best.get(s.cadreId);
    if (!prev || tierRank(s.tier) > tierRank(prev.tier) || (s.tier === prev.tier && prev.suggestedOnly && !s.suggestedOnly)) best.set(s.cadreId, s);
  };
  for (const g of usedGroups) for (const s of g.byCadre.values()) consider(s);
  for (const s of usedSpecific) consider(s);
  const succ = emptyCounts();
  let suggestedOnlyAll = 0;
  for (const s of best.values()) {
    succ[s.tier]++;
    if (s.suggestedOnly) suggestedOnlyAll++;
  }
  const summary: BenchSummary = {
    asOf,
    horizonYears,
    keyPosts: rows.length,
    chiefPosts: 0,
    urgent: 0,
    urgentHighRisk: 0,
    vacant: 0,
    retiringWithinHorizon: 0,
    withReadyNow: 0,
    withoutSuccessor: 0,
    successors: succ,
    suggestedOnly: suggestedOnlyAll,
    unrated,
    unmapped,
  };
  for (const r of sorted) {
    if (r.isChief) summary.chiefPosts++;
    if (r.urgent) summary.urgent++;
    if (r.risk === 'high') summary.urgentHighRisk++;
    if (r.vacant) summary.vacant++;
    if (r.retiringWithinHorizon) summary.retiringWithinHorizon++;
    if (!r.urgent) summary.withReadyNow++;
    if (r.total === 0) summary.withoutSuccessor++;
  }
  return { rows: sorted, summary };
}

function emptyLists(): Record<Tier, BenchSuccessor[]> {
  return { readyNow: [], shortTerm: [], future: [] };
}
