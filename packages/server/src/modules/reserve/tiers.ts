/**
 * Tier views: the 9-box (推荐集中度 × 成熟度) of a pool's members from their stored suggestion
 * basis, and one cadre's maturity with its explanation (core maturityScore), concentration and
 * suggested tier — with the fit part when a target post is given.
 */
import { and, eq } from 'drizzle-orm';
import { latestConcentration, maturityScore, nineBoxCell, nineBoxCuts, suggestTier, todayISO, NINE_BOX_LABELS, type RulesConfig } from '@cadre/core';
import type { Db } from '../../db/client';
import { poolEntry } from '../../db/schema';
import type { CurrentUser } from '../../auth/roles';
import type { AuditActor } from '../../audit/audit';
import { loadCadre } from '../registry/service';
import { explainCandidate } from '../fit/service';
import { loadPool } from './policy';
import { maturityInputs, roundVotes, suggestFor } from './facts';
import { entriesOf, presentEntry } from './pools';
import type { RulesRef } from './workflow';

export async function nineBox(db: Db, user: CurrentUser, r: RulesRef, poolId: number, asOf = todayISO()) {
  const p = await loadPool(db, user, poolId);
  const rows = await entriesOf(db, user, and(eq(poolEntry.poolId, poolId), eq(poolEntry.stage, 'admitted')));
  // members without a stored suggestion are judged now (not stored)
  const missing = rows.filter((x) => !x.e.suggestedBasis).map((x) => x.e.cadreId);
  const fresh = missing.length ? await suggestFor(db, missing, asOf, r.rules, r.version) : new Map();
  const cells = NINE_BOX_LABELS.flatMap((cols, row) => cols.map((label, col) => ({ row, col, label, members: [] as ReturnType<typeof presentEntry>[] })));
  for (const x of rows) {
    const basis = x.e.suggestedBasis ?? fresh.get(x.e.cadreId)?.basis;
    if (!basis) continue;
    const entry = presentEntry({ ...x, e: { ...x.e, suggestedBasis: basis, suggestedTier: x.e.suggestedTier ?? fresh.get(x.e.cadreId)?.suggestion.tier ?? null } }, r.rules, asOf);
    const cell = nineBoxCell(basis.concentration, basis.maturity, r.rules);
    const target = cells.find((c) => c.row === cell.row && c.col === cell.col)!;
    target.members.push({ ...entry, noRound: cell.noRound } as ReturnType<typeof presentEntry>);
  }
  const cuts = nineBoxCuts(r.rules);
  return {
    pool: { id: p.id, name: p.name, kind: p.kind },
    asOf,
    /** rows: maturity bands (2 = high, draw on top); cols: concentration bands (0 also holds members without a round) */
    cuts: { concentration: cuts.concentration, maturity: { low: cuts.maturity.low * 100, high: cuts.maturity.high * 100 } },
    tierThresholds: r.rules.reserveTiers,
    cells,
    total: rows.length,
  };
}

/** GET /cadres/:id/maturity — maturity explained, concentration, suggested tier (fit part when positionId) */
export async function cadreMaturity(db: Db, user: CurrentUser, _actor: AuditActor, r: RulesRef, id: number, q: { asOf?: string; positionId?: number }) {
  const c = await loadCadre(db, user, id);
  const asOf = q.asOf ?? todayISO();
  const [inputs, votes] = await Promise.all([maturityInputs(db, [id], asOf, r.rules), roundVotes(db, [id], asOf, r.rules)]);
  const input = inputs.get(id)!;
  let fit: { positionId: number; title: string; total: number } | null = null;
  if (q.positionId) {
    const f = await explainCandidate(db, user, r, q.positionId, id, asOf);
    fit = { positionId: f.position.id, title: `${f.position.orgName}${f.position.title}`, total: f.fit.total };
    input.fit = f.fit.total;
  }
  const maturity = maturityScore(input, { asOf, rules: r.rules });
  const conc = latestConcentration(votes.get(id) ?? [], asOf, r.rules);
  const suggestion = suggestTier(conc?.value ?? null, maturity.score, r.rules);
  return {
    cadre: { id: c.id, name: c.name, postLevel: c.postLevel, currentPostTitle: c.currentPostTitle, orgName: c.orgName },
    asOf,
    maturity,
    concentration: conc,
    rounds: (votes.get(id) ?? []).sort((a, b) => (a.date < b.date ? 1 : -1)),
    suggestion,
    nineBox: nineBoxCell(conc?.value ?? null, maturity.score, r.rules),
    fit,
  };
}

export type { RulesConfig };
