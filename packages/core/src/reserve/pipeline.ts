/**
 * Pipeline figures of the reserve (001: "196人入库", "96人，占29.3%"):
 * - sizes on asOf: distinct cadres in the pool(s) (admitted on or before asOf, not exited by asOf)
 *   by level (职务级别 short name), age band (rules.ageBands), field and sex. A cadre in several
 *   entries counts once per dimension, except fields (a field belongs to an entry: a cadre in two
 *   fields counts in both, so field counts may sum to more than `size`).
 * - flows per quarter of [from, to]: in = entries admitted in the quarter, out = entries exited in
 *   the quarter by exit reason, size at the quarter end (distinct cadres).
 * - the cohort of entries nominated in [from, to], followed to asOf: a funnel (how many reached
 *   each stage) and a Sankey (单位推荐 → 组织考察 → 比选研究 → 入库 → 出库·<reason>, any step → 未入库),
 *   shaped for ECharts: nodes [{ name }], links [{ source, target, value }].
 * - with promotion events: promotions in [from, to] (stats/promotionStats: young share by the
 *   youngCadre thresholds) and how many of the promoted were in a pool on the promotion date.
 */
import { levelOrder, normalizePostLevel, postLevelShort } from '../codes';
import { addMonths, compareISO, parseISO } from '../dates';
import type { RulesConfig } from '../rules';
import { fullYearsPacked, packDate } from '../stats/fast';
import { isPromotion, promotionStats, type PromotionEvent } from '../stats/structure';
import { ageBandOf } from '../young';
import { parseQuarter, quarterOf } from './quarterly';
import { STAGE_NAMES, type PoolStage } from './workflow';

export type PipelineEntry = {
  entryId: number;
  cadreId: number;
  poolId?: number | null;
  stage: PoolStage;
  field?: string | null;
  birthDate: string;
  /** '1' 男 / '2' 女 */
  sex: string;
  /** 现职务级别 */
  postLevel?: string | null;
  /** 单位推荐 date (the entry's creation) */
  nominatedOn: string;
  inspectedOn?: string | null;
  comparedOn?: string | null;
  admittedOn?: string | null;
  exitedOn?: string | null;
  exitReason?: string | null;
  rejectedOn?: string | null;
};

export type PipelineBucket = { key: string; label: string; count: number; share: number };
export type PipelineQuarter = { quarter: string; from: string; to: string; in: number; out: number; outByReason: Record<string, number>; sizeAtEnd: number };

export type PipelineFigures = {
  asOf: string;
  from: string;
  to: string;
  size: number;
  byLevel: PipelineBucket[];
  byAgeBand: PipelineBucket[];
  byField: PipelineBucket[];
  bySex: PipelineBucket[];
  quarters: PipelineQuarter[];
  /** cohort nominated in [from, to]: entries that reached each stage by asOf */
  funnel: { stage: PoolStage; label: string; count: number }[];
  sankey: { nodes: { name: string }[]; links: { source: string; target: string; value: number }[] };
  promotions: {
    total: number;
    young: number;
    youngShare: number;
    youngThreshold: number | null;
    /** promoted cadres who were in a pool (admitted, not exited) on the promotion date */
    fromPool: number;
    fromPoolShare: number;
  } | null;
};

const UNKNOWN = '_unknown';
const share = (n: number, d: number) => (d ? n / d : 0);

function buckets(m: Map<string, { label: string; count: number }>, total: number, order?: string[]): PipelineBucket[] {
  const keys = [...m.keys()];
  if (order) keys.sort((a, b) => idx(order, a) - idx(order, b));
  else keys.sort((a, b) => m.get(b)!.count - m.get(a)!.count || (a === UNKNOWN ? 1 : b === UNKNOWN ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((k) => ({ key: k, label: m.get(k)!.label, count: m.get(k)!.count, share: share(m.get(k)!.count, total) }));
}
const idx = (order: string[], k: string) => {
  const i = order.indexOf(k);
  return i < 0 ? order.length : i;
};
const bump = (m: Map<string, { label: string; count: number }>, key: string, label: string) => {
  const b = m.get(key);
  if (b) b.count++;
  else m.set(key, { label, count: 1 });
};

/** in the pool on `date`: admitted on or before it, not exited by it */
const inPoolOn = (e: PipelineEntry, date: string) => !!e.admittedOn && e.admittedOn <= date && !(e.exitedOn && e.exitedOn <= date);

export function pipelineFigures(
  entries: readonly PipelineEntry[],
  opts: { from: string; to: string; asOf: string; rules: RulesConfig; promotions?: readonly PromotionEvent[] | null },
): PipelineFigures {
  const { from, to, asOf, rules } = opts;
  if (compareISO(from, to) > 0) throw new RangeError(`统计区间起点 ${from} 晚于终点 ${to} / period start ${from} is after its end ${to}`);
  parseISO(asOf);

  // ── sizes on asOf
  const seen = new Set<number>();
  const byLevel = new Map<string, { label: string; count: number }>();
  const byAge = new Map<string, { label: string; count: number }>();
  const bySex = new Map<string, { label: string; count: number }>();
  const byField = new Map<string, { label: string; count: number }>();
  const fieldSeen = new Set<string>();
  const asOfP = packDate(asOf);
  for (const e of entries) {
    if (!inPoolOn(e, asOf)) continue;
    const f = e.field || UNKNOWN;
    const fk = `${e.cadreId}\u0001${f}`;
    if (!fieldSeen.has(fk)) {
      fieldSeen.add(fk);
      bump(byField, f, f === UNKNOWN ? '未填' : f);
    }
    if (seen.has(e.cadreId)) continue;
    seen.add(e.cadreId);
    const lvl = normalizePostLevel(e.postLevel ?? undefined);
    bump(byLevel, lvl ?? UNKNOWN, lvl ? (postLevelShort(lvl) ?? lvl) : '未知');
    const band = ageBandOf(fullYearsPacked(packDate(e.birthDate), asOfP), rules);
    bump(byAge, band ?? UNKNOWN, band ?? '其他');
    bump(bySex, e.sex === '1' || e.sex === '2' ? e.sex : UNKNOWN, e.sex === '1' ? '男' : e.sex === '2' ? '女' : '未知');
  }
  const size = seen.size;

  // ── flows per quarter
  const quarters: PipelineQuarter[] = [];
  for (let qs = parseQuarter(quarterOf(from)).from; qs <= to; qs = addMonths(qs, 3)) {
    const q = parseQuarter(quarterOf(qs));
    const qFrom = q.from < from ? from : q.from;
    const qTo = q.to > to ? to : q.to;
    let inN = 0;
    let outN = 0;
    const outByReason: Record<string, number> = {};
    const present = new Set<number>();
    for (const e of entries) {
      if (e.admittedOn && e.admittedOn >= qFrom && e.admittedOn <= qTo) inN++;
      if (e.exitedOn && e.exitedOn >= qFrom && e.exitedOn <= qTo) {
        outN++;
        const r = e.exitReason || '其他';
        outByReason[r] = (outByReason[r] ?? 0) + 1;
      }
      if (inPoolOn(e, qTo)) present.add(e.cadreId);
    }
    quarters.push({ quarter: quarterOf(qs), from: qFrom, to: qTo, in: inN, out: outN, outByReason, sizeAtEnd: present.size });
  }

  // ── cohort nominated in [from, to], followed to asOf
  const reached = { nominated: 0, inspected: 0, compared: 0, admitted: 0, exited: 0, rejected: 0 };
  const links = new Map<string, number>();
  const link = (s: string, t: string) => {
    const k = `${s}\u0001${t}`;
    links.set(k, (links.get(k) ?? 0) + 1);
  };
  const N = STAGE_NAMES;
  const by = (d: string | null | undefined) => !!d && d <= asOf;
  for (const e of entries) {
    if (e.nominatedOn < from || e.nominatedOn > to || e.nominatedOn > asOf) continue;
    reached.nominated++;
    let last = N.nominated.zh;
    const steps: [PoolStage, string | null | undefined][] = [
      ['inspected', e.inspectedOn],
      ['compared', e.comparedOn],
      ['admitted', e.admittedOn],
    ];
    for (const [st, d] of steps) {
      if (!by(d)) break;
      reached[st as 'inspected' | 'compared' | 'admitted']++;
      link(last, N[st].zh);
      last = N[st].zh;
    }
    if (by(e.rejectedOn) && last !== N.admitted.zh) {
      reached.rejected++;
      link(last, N.rejected.zh);
    } else if (last === N.admitted.zh && by(e.exitedOn)) {
      reached.exited++;
      link(last, `${N.exited.zh}·${e.exitReason || '其他'}`);
    }
  }
  const linkList = [...links].map(([k, value]) => {
    const [source, target] = k.split('\u0001');
    return { source, target, value };
  });
  // nodes: the four stages, 未入库, then 出库·<reason> in the order of rules.reserve.exitReasons
  const exitOrder = (n: string) => {
    const i = rules.reserve.exitReasons.indexOf(n.slice(N.exited.zh.length + 1));
    return i < 0 ? rules.reserve.exitReasons.length : i;
  };
  const exitNodes = [...new Set(linkList.map((l) => l.target).filter((t) => t.startsWith(`${N.exited.zh}·`)))].sort((a, b) => exitOrder(a) - exitOrder(b) || (a < b ? -1 : a > b ? 1 : 0));
  const nodeNames = [N.nominated.zh, N.inspected.zh, N.compared.zh, N.admitted.zh, N.rejected.zh, ...exitNodes];
  const order = (s: string) => nodeNames.indexOf(s);
  linkList.sort((a, b) => order(a.source) - order(b.source) || order(a.target) - order(b.target));
  const usedNodes = nodeNames.filter((n) => linkList.some((l) => l.source === n || l.target === n) || n === N.nominated.zh);
  const funnel = (['nominated', 'inspected', 'compared', 'admitted', 'exited', 'rejected'] as const).map((st) => ({ stage: st as PoolStage, label: N[st].zh, count: reached[st] }));

  // ── promotions
  let promotions: PipelineFigures['promotions'] = null;
  if (opts.promotions) {
    const p = promotionStats(opts.promotions, { from, to }, rules, true);
    const byCadre = new Map<number, PipelineEntry[]>();
    for (const e of entries) {
      let l = byCadre.get(e.cadreId);
      if (!l) byCadre.set(e.cadreId, (l = []));
      l.push(e);
    }
    // the promotion date of each counted cadre: the event promotionStats kept (highest level reached, latest)
    const dates = new Map<number, string>();
    for (const ev of opts.promotions) {
      if (ev.date < from || ev.date > to || !isPromotion(ev)) continue;
      const d = dates.get(ev.cadreId);
      if (!d || ev.date > d) dates.set(ev.cadreId, ev.date);
    }
    let fromPool = 0;
    for (const id of p.ids ?? []) {
      const d = dates.get(id);
      // in a pool on the day before the promotion (exits for 提拔使用 are recorded on the promotion day)
      if (d && (byCadre.get(id) ?? []).some((e) => !!e.admittedOn && e.admittedOn < d && !(e.exitedOn && e.exitedOn < d))) fromPool++;
    }
    promotions = { total: p.total, young: p.young, youngShare: p.youngShare, youngThreshold: p.youngThreshold, fromPool, fromPoolShare: share(fromPool, p.total) };
  }

  const ageOrder = rules.ageBands.map((b) => b.label);
  return {
    asOf,
    from,
    to,
    size,
    byLevel: buckets(byLevel, size, [...byLevel.keys()].sort((a, b) => levelOrder(b) - levelOrder(a) || (a === UNKNOWN ? 1 : b === UNKNOWN ? -1 : 0))),
    byAgeBand: buckets(byAge, size, ageOrder),
    byField: buckets(byField, size),
    bySex: buckets(bySex, size, ['1', '2', UNKNOWN]),
    quarters,
    funnel,
    sankey: { nodes: usedNodes.map((name) => ({ name })), links: linkList },
    promotions,
  };
}
