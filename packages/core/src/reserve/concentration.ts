/**
 * 推荐集中度 (000): the share of the voters of a 民主推荐 round who recommended the candidate.
 * A candidate's concentration on a date is that of the latest round (by date, then id) within
 * rules.reserve.concentrationWindowMonths before the date; older rounds and rounds after the
 * date are ignored.
 */
import { addMonths, compareISO } from '../dates';
import type { RulesConfig } from '../rules';

/** one candidate's result in one round */
export type RoundVote = {
  roundId: number;
  /** date of the round 'YYYY-MM-DD' */
  date: string;
  votes: number;
  voterCount: number;
};

export type LatestConcentration = { value: number; roundId: number; date: string; votes: number; voterCount: number };

/**
 * votes / voterCount in [0, 1]. Throws a RangeError (zh / en) for a non-positive voter count,
 * negative or non-integer votes, or more votes than voters (one voter recommends a candidate once).
 */
export function concentration(votes: number, voterCount: number): number {
  if (!Number.isInteger(voterCount) || voterCount <= 0) {
    throw new RangeError(`参加推荐人数必须为正整数（当前 ${voterCount}） / voter count must be a positive integer (got ${voterCount})`);
  }
  if (!Number.isInteger(votes) || votes < 0) {
    throw new RangeError(`得票数必须为非负整数（当前 ${votes}） / votes must be a non-negative integer (got ${votes})`);
  }
  if (votes > voterCount) {
    throw new RangeError(`得票数 ${votes} 超过参加推荐人数 ${voterCount} / votes ${votes} exceed the voter count ${voterCount}`);
  }
  return votes / voterCount;
}

/** the first day a round may have to count on asOf (asOf − window months) */
export function concentrationWindowStart(asOf: string, rules: RulesConfig): string {
  return addMonths(asOf, -rules.reserve.concentrationWindowMonths);
}

/**
 * The concentration of the latest round with windowStart ≤ date ≤ asOf (ties on the date: the
 * higher roundId); null when there is none.
 */
export function latestConcentration(rounds: readonly RoundVote[], asOf: string, rules: RulesConfig): LatestConcentration | null {
  const start = concentrationWindowStart(asOf, rules);
  let best: RoundVote | null = null;
  for (const r of rounds) {
    if (compareISO(r.date, asOf) > 0 || compareISO(r.date, start) < 0) continue;
    if (!best || r.date > best.date || (r.date === best.date && r.roundId > best.roundId)) best = r;
  }
  if (!best) return null;
  return { value: concentration(best.votes, best.voterCount), roundId: best.roundId, date: best.date, votes: best.votes, voterCount: best.voterCount };
}
