/**
 * Evaluate the data-driven colour rules of the rules configuration (team 红/蓝/绿 and cadre
 * 红/橙/黄) against metrics computed elsewhere. Pure: the caller supplies the metrics.
 *
 * Team metrics used by the defaults: womenCount, youngCount, nonPartyRequired (boolean),
 * nonPartyDeputyCount, vacancyShare (0–1), maxYearsInPost, chiefWithoutGrassrootsCount.
 * Cadre metrics used by the defaults: lastAnnualBelowCompetent (boolean), negativeInfoCount12m,
 * activeDisciplineCount, lowStarQuarters (of the last 4), yearsWithoutExcellent, avgQuarterStars.
 * A condition on a metric that is missing (undefined/null) does not hold.
 */
import type { CadreWarningRule, ComparisonOp, Condition, RulesConfig, TeamIndicator } from './rules';
import { rulesValueAt } from './rules';

export type MetricValue = number | boolean | null | undefined;
export type Metrics = Record<string, MetricValue>;
export type IndicatorContext = { unitKind?: string | null; teamKind?: string | null; postLevel?: string | null };

export type IndicatorHit<C extends string> = {
  id: string;
  name: string;
  color: C;
  reason: { zh: string; en: string };
  source?: string;
};

export function compare(a: number | boolean, op: ComparisonOp, b: number | boolean): boolean {
  const x = typeof a === 'boolean' ? Number(a) : a;
  const y = typeof b === 'boolean' ? Number(b) : b;
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    case '==':
      return x === y;
    case '!=':
      return x !== y;
  }
}

/** a condition's `{ ref }` value resolved once per (rules, condition): rules objects are immutable once parsed */
const REFS = new WeakMap<RulesConfig, Map<string, unknown>>();
function refValue(rules: RulesConfig, ref: string): unknown {
  let m = REFS.get(rules);
  if (!m) REFS.set(rules, (m = new Map()));
  let v = m.get(ref);
  if (v === undefined && !m.has(ref)) m.set(ref, (v = rulesValueAt(rules, ref)));
  return v;
}

export function conditionHolds(c: Condition, metrics: Metrics, rules: RulesConfig): boolean {
  const actual = metrics[c.metric];
  if (actual === undefined || actual === null) return false;
  let expected: unknown = c.value;
  if (typeof expected === 'object' && expected !== null) expected = refValue(rules, (expected as { ref: string }).ref);
  if (typeof expected !== 'number' && typeof expected !== 'boolean') return false;
  return compare(actual, c.op, expected);
}

type AnyRule = TeamIndicator | CadreWarningRule;

function applies(rule: AnyRule, ctx: IndicatorContext): boolean {
  if (rule.enabled === false) return false;
  const a = rule.appliesTo;
  if (!a) return true;
  if (a.unitKinds && a.unitKinds.length && !(ctx.unitKind && a.unitKinds.includes(ctx.unitKind))) return false;
  if (a.teamKinds && a.teamKinds.length && !(ctx.teamKind && a.teamKinds.includes(ctx.teamKind))) return false;
  if (a.postLevels && a.postLevels.length && !(ctx.postLevel && a.postLevels.includes(ctx.postLevel))) return false;
  return true;
}

function evaluate<R extends AnyRule>(list: R[], metrics: Metrics, ctx: IndicatorContext, rules: RulesConfig): IndicatorHit<R['color']>[] {
  const hits: IndicatorHit<R['color']>[] = [];
  for (const r of list) {
    if (!applies(r, ctx)) continue;
    if (!conditionHolds(r.when, metrics, rules)) continue;
    if (r.also) {
      let all = true;
      for (let i = 0; all && i < r.also.length; i++) all = conditionHolds(r.also[i], metrics, rules);
      if (!all) continue;
    }
    const hit: IndicatorHit<R['color']> = { id: r.id, name: r.name, color: r.color, reason: r.reason };
    if (r.source) hit.source = r.source;
    hits.push(hit);
  }
  return hits;
}

export type TeamColor = 'red' | 'blue' | 'green';
export type CadreWarningColor = 'red' | 'orange' | 'yellow';

/** Team colour: red if any red rule hits, else blue if any blue rule hits, else green. */
export function evaluateTeamIndicators(
  metrics: Metrics,
  ctx: IndicatorContext,
  rules: RulesConfig,
): { color: TeamColor; hex: string; hits: IndicatorHit<'red' | 'blue'>[] } {
  const hits = evaluate(rules.teamIndicators, metrics, ctx, rules);
  let color: TeamColor = 'green';
  for (let i = 0; i < hits.length && color !== 'red'; i++) color = hits[i].color === 'red' ? 'red' : 'blue';
  return { color, hex: rules.teamColors[color], hits };
}

/** Cadre warning: the most severe colour hit (red > orange > yellow), or null when none. */
export function evaluateCadreWarnings(
  metrics: Metrics,
  ctx: IndicatorContext,
  rules: RulesConfig,
): { color: CadreWarningColor | null; hex: string | null; hits: IndicatorHit<CadreWarningColor>[] } {
  const hits = evaluate(rules.cadreWarnings, metrics, ctx, rules);
  const color = (['red', 'orange', 'yellow'] as const).find((c) => hits.some((h) => h.color === c)) ?? null;
  return { color, hex: color ? rules.cadreWarningColors[color] : null, hits };
}
