/**
 * 班子研判总览: every team's colour, the ids of the indicator rules it hits and its key figures — the
 * overview grid / heatmap of thousands of teams. One lean teamAnalysis per team, consumed at once: only
 * the compact item is kept (not the analysis), and the rules' texts come once in `indicators`.
 */
import type { Metrics, TeamColor } from '../indicators';
import type { RulesConfig } from '../rules';
import { teamAnalysis, type TeamAnalysis, type TeamInput } from './team';

/** an indicator rule as the overview's dictionary gives it (every item's `reasons` refer to it by id) */
export interface OverviewIndicator {
  id: string;
  name: string;
  color: 'red' | 'blue';
  reason: { zh: string; en: string };
  source: string | null;
}

export interface OverviewItem {
  teamId: number;
  name: string;
  kind: string;
  orgUnitId: number;
  orgName: string | null;
  unitKind: string | null;
  level: string | null;
  color: TeamColor;
  /** ids of the indicator rules hit, in rule order */
  reasons: string[];
  figures: TeamAnalysis['figures'];
  /** the full metrics (≈ 30 numbers) only with `withMetrics` (undefined: left out of the JSON) */
  metrics: Metrics | undefined;
}

export interface TeamsOverview {
  counts: Record<TeamColor, number>;
  total: number;
  indicators: Record<string, OverviewIndicator>;
  items: OverviewItem[];
}

export interface TeamsOverviewOptions {
  asOf: string;
  rules: RulesConfig;
  /** keep only teams of these colours in `items` (`counts` and `total` still count every team) */
  colors?: readonly TeamColor[] | null;
  withMetrics?: boolean;
}

export function teamsOverview(inputs: readonly TeamInput[], opts: TeamsOverviewOptions): TeamsOverview {
  const { asOf, rules } = opts;
  const wanted = opts.colors?.length ? opts.colors : null;
  const withMetrics = opts.withMetrics === true;
  const indicators: Record<string, OverviewIndicator> = {};
  const counts = { red: 0, blue: 0, green: 0 };
  const items: OverviewItem[] = [];
  for (let t = 0; t < inputs.length; t++) {
    const a = teamAnalysis(inputs[t], { asOf, rules, detail: false });
    counts[a.color]++;
    if (wanted && !wanted.includes(a.color)) continue;
    const reasons = new Array<string>(a.hits.length);
    for (let i = 0; i < a.hits.length; i++) {
      const h = a.hits[i];
      reasons[i] = h.id;
      indicators[h.id] ??= { id: h.id, name: h.name, color: h.color, reason: h.reason, source: h.source ?? null };
    }
    // one literal shape for every item (metrics undefined rather than absent)
    items.push({
      teamId: a.team.id,
      name: a.team.name,
      kind: a.team.kind,
      orgUnitId: a.team.orgUnitId,
      orgName: a.team.orgName,
      unitKind: a.team.unitKind,
      level: a.team.level,
      color: a.color,
      reasons,
      figures: a.figures,
      metrics: withMetrics ? a.metrics : undefined,
    });
  }
  return { counts, total: inputs.length, indicators, items };
}
