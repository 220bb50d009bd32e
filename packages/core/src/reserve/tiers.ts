/**
 * Readiness tiers (000: 随时能用 / 短期可用 / 未来有用) from 推荐集中度 × 干部成熟度, and the 9-box.
 *
 * `maturity` is the 0–100 score of maturityScore; the thresholds in rules.reserveTiers are shares
 * (0.7 = 70 points), so the comparison is maturity ≥ threshold × 100. `concentration` is 0..1.
 *
 *   readyNow   concentration ≥ readyNow.concentration  and maturity ≥ readyNow.maturity × 100
 *   shortTerm  concentration ≥ shortTerm.concentration and maturity ≥ shortTerm.maturity × 100
 *   future     otherwise
 * Thresholds are inclusive. With no round in the window (concentration null):
 * rules.reserve.noRoundPolicy 'maturityOnly' applies the maturity thresholds alone; 'future'
 * suggests 未来有用.
 */
import type { RulesConfig } from '../rules';

export const TIERS = ['readyNow', 'shortTerm', 'future'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_NAMES: Record<Tier, { zh: string; en: string }> = {
  readyNow: { zh: '随时能用', en: 'ready now' },
  shortTerm: { zh: '短期可用', en: 'ready in 1–2 years' },
  future: { zh: '未来有用', en: 'future potential' },
};

/** '随时能用' → 'readyNow' (also accepts the code itself); undefined otherwise */
export function tierFromName(s: string | null | undefined): Tier | undefined {
  if (s == null) return undefined;
  if ((TIERS as readonly string[]).includes(s)) return s as Tier;
  return TIERS.find((t) => TIER_NAMES[t].zh === s);
}

/** higher = more ready (readyNow 2, shortTerm 1, future 0) */
export function tierRank(t: Tier): number {
  return t === 'readyNow' ? 2 : t === 'shortTerm' ? 1 : 0;
}

export type Reason = { zh: string; en: string };

export type TierSuggestion = {
  tier: Tier;
  /** 'both': concentration and maturity; 'maturityOnly': no round, maturity alone; 'noRound': no round, policy future */
  basis: 'both' | 'maturityOnly' | 'noRound';
  reasons: Reason[];
};

/** a 0..1 share as 0–100 points without float noise (0.7 × 100 = 70.00000000000001 in IEEE) */
export const sharePoints = (share: number) => Math.round(share * 100 * 1e6) / 1e6;
const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const pts = (x: number) => String(Math.round(x * 10) / 10);

export function suggestTier(concentration: number | null, maturity: number, rules: RulesConfig): TierSuggestion {
  const t = rules.reserveTiers;
  const reasons: Reason[] = [];
  const noRound = concentration == null || !Number.isFinite(concentration);
  if (noRound && rules.reserve.noRoundPolicy === 'future') {
    reasons.push({
      zh: `近${rules.reserve.concentrationWindowMonths}个月无民主推荐，按规则建议为未来有用`,
      en: `no recommendation round in the last ${rules.reserve.concentrationWindowMonths} months: 'future' by rule`,
    });
    return { tier: 'future', basis: 'noRound', reasons };
  }
  if (noRound) {
    reasons.push({
      zh: `近${rules.reserve.concentrationWindowMonths}个月无民主推荐，仅按成熟度判断`,
      en: `no recommendation round in the last ${rules.reserve.concentrationWindowMonths} months: judged on maturity alone`,
    });
  }
  const check = (tier: Exclude<Tier, 'future'>): boolean => {
    const th = t[tier];
    const mNeed = sharePoints(th.maturity);
    const cOk = noRound || (concentration as number) >= th.concentration;
    const mOk = maturity >= mNeed;
    const name = TIER_NAMES[tier];
    const parts: Reason[] = [];
    if (!noRound) {
      parts.push({
        zh: `推荐集中度 ${pct(concentration as number)} ${cOk ? '≥' : '<'} ${pct(th.concentration)}`,
        en: `concentration ${pct(concentration as number)} ${cOk ? '≥' : '<'} ${pct(th.concentration)}`,
      });
    }
    parts.push({ zh: `成熟度 ${pts(maturity)} ${mOk ? '≥' : '<'} ${pts(mNeed)}`, en: `maturity ${pts(maturity)} ${mOk ? '≥' : '<'} ${pts(mNeed)}` });
    const ok = cOk && mOk;
    reasons.push({
      zh: `${ok ? '达到' : '未达到'}「${name.zh}」: ${parts.map((p) => p.zh).join('，')}`,
      en: `${ok ? 'meets' : 'does not meet'} '${name.en}': ${parts.map((p) => p.en).join(', ')}`,
    });
    return ok;
  };
  const basis = noRound ? 'maturityOnly' : 'both';
  if (check('readyNow')) return { tier: 'readyNow', basis, reasons };
  if (check('shortTerm')) return { tier: 'shortTerm', basis, reasons };
  return { tier: 'future', basis, reasons };
}

export type NineBoxCell = {
  /** maturity band: 0 low, 1 middle, 2 high (draw row 2 at the top) */
  row: 0 | 1 | 2;
  /** concentration band: 0 low, 1 middle, 2 high; 0 when there is no round (noRound true) */
  col: 0 | 1 | 2;
  noRound: boolean;
  label: Reason;
};

/** labels by [row][col] */
export const NINE_BOX_LABELS: readonly (readonly Reason[])[] = [
  [
    { zh: '待观察', en: 'watch' },
    { zh: '需历练', en: 'needs seasoning' },
    { zh: '口碑先行', en: 'recognised, not yet seasoned' },
  ],
  [
    { zh: '稳步成长', en: 'growing steadily' },
    { zh: '中坚力量', en: 'solid core' },
    { zh: '公认潜力', en: 'recognised potential' },
  ],
  [
    { zh: '成熟待认可', en: 'seasoned, little recognition' },
    { zh: '成熟可用', en: 'seasoned and usable' },
    { zh: '核心骨干', en: 'ready key talent' },
  ],
];

/** the cut points in use: rules.reserve.nineBox, or (null) the reserveTiers thresholds shortTerm / readyNow */
export function nineBoxCuts(rules: RulesConfig): { concentration: { low: number; high: number }; maturity: { low: number; high: number } } {
  const t = rules.reserveTiers;
  return {
    concentration: rules.reserve.nineBox.concentration ?? { low: t.shortTerm.concentration, high: t.readyNow.concentration },
    maturity: rules.reserve.nineBox.maturity ?? { low: t.shortTerm.maturity, high: t.readyNow.maturity },
  };
}

const band = (v: number, low: number, high: number): 0 | 1 | 2 => (v >= high ? 2 : v >= low ? 1 : 0);

/** the 9-box cell (cuts inclusive at the lower edge of a band); maturity 0–100, concentration 0..1 or null */
export function nineBoxCell(concentration: number | null, maturity: number, rules: RulesConfig): NineBoxCell {
  const cuts = nineBoxCuts(rules);
  const row = band(maturity, sharePoints(cuts.maturity.low), sharePoints(cuts.maturity.high));
  const noRound = concentration == null || !Number.isFinite(concentration);
  const col = noRound ? 0 : band(concentration as number, cuts.concentration.low, cuts.concentration.high);
  const l = NINE_BOX_LABELS[row][col];
  return {
    row,
    col,
    noRound,
    label: noRound ? { zh: `${l.zh}（无推荐）`, en: `${l.en} (no round)` } : l,
  };
}
