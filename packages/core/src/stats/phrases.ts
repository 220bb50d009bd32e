/**
 * The figures as the documents phrase them (000, 001):
 *   "35周岁及以下科级干部96人，占29.3%"、"法学类占比最大（40.0%）"、
 *   "提拔35岁以下年轻干部96人，占同期新提拔干部总数的29.3%"、"招录公务员118名、到村工作大学生328名".
 */
import type { Bucket, Distribution, IntakeStats, PromotionStats, StructureStats, YoungRow } from './structure';
import { OTHER_KEY, UNKNOWN_KEY } from './structure';

/** 0.293 → '29.3%' */
export function formatPercent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** '{subject}{仅}{count}人，占{share}' e.g. '35周岁及以下科级干部96人，占29.3%' */
export function formatShareSentence(p: { subject: string; count: number; total?: number; share?: number; only?: boolean; unit?: string; digits?: number }): string {
  const s = p.share ?? (p.total ? p.count / p.total : 0);
  return `${p.subject}${p.only ? '仅' : ''}${p.count}${p.unit ?? '人'}，占${formatPercent(s, p.digits)}`;
}

/** the largest real bucket (not 未填/其他), ties → the first in order */
export function largestBucket(d: Pick<Distribution, 'buckets'>): Bucket | null {
  let best: Bucket | null = null;
  for (const b of d.buckets) {
    if (b.key === UNKNOWN_KEY || b.key === OTHER_KEY || b.count === 0) continue;
    if (!best || b.count > best.count) best = b;
  }
  return best;
}

/** '法学类占比最大（40.0%）' (suffix '类' for 专业类别; '' for others) */
export function formatLargestShare(d: Pick<Distribution, 'buckets'>, suffix = '', digits = 1): string | null {
  const b = largestBucket(d);
  return b ? `${b.label}${suffix}占比最大（${formatPercent(b.share, digits)}）` : null;
}

const TIER_SHORT: Record<string, string> = { 县处级: '处级', 乡科级: '科级', 厅局级: '厅级', 省部级: '部级' };

/** '35周岁及以下科级干部96人，占29.3%' from a young-by-tier row */
export function formatYoungTierSentence(row: YoungRow): string {
  const tier = TIER_SHORT[row.label] ?? row.label;
  const subject = row.threshold != null ? `${row.threshold}周岁及以下${tier}干部` : `${tier}年轻干部`;
  return formatShareSentence({ subject, count: row.count, total: row.total });
}

/** '提拔35岁以下年轻干部96人，占同期新提拔干部总数的29.3%' */
export function formatPromotionSentence(p: PromotionStats, youngLabel?: string): string {
  const label = youngLabel ?? (p.youngThreshold != null ? `${p.youngThreshold}岁以下年轻干部` : '年轻干部');
  return `提拔${label}${p.young}人，占同期新提拔干部总数的${formatPercent(p.youngShare)}`;
}

const CHANNEL_PHRASE: Record<string, string> = {
  公务员招录: '招录公务员',
  选调生: '选调生',
  到村工作大学生: '到村工作大学生',
  引进: '引进人才',
  军转安置: '安置军转干部',
  事业单位招聘: '招聘事业单位人员',
};

/** '新进干部446名：招录公务员118名、到村工作大学生328名；35岁及以下占80.0%' */
export function formatIntakeSentence(i: IntakeStats): string {
  if (!i.total) return '期内无新进干部';
  const parts = i.byChannel.filter((b) => b.count > 0).map((b) => `${b.key === UNKNOWN_KEY ? '渠道未填' : CHANNEL_PHRASE[b.key] ?? b.label}${b.count}名`);
  return `新进干部${i.total}名：${parts.join('、')}；${i.youngUnderAge}岁及以下占${formatPercent(i.youngShare)}`;
}

/** the headline sentences of a structure report, in the documents' style */
export function structureSentences(s: StructureStats): string[] {
  const out: string[] = [];
  const sm = s.summary;
  out.push(`干部总数${s.total}人，平均年龄${sm.meanAge == null ? '—' : sm.meanAge.toFixed(1)}岁`);
  out.push(formatShareSentence({ subject: '女干部', count: sm.women, share: sm.womenShare }));
  out.push(formatShareSentence({ subject: '少数民族干部', count: sm.minority, share: sm.minorityShare }));
  out.push(formatShareSentence({ subject: '党外干部', count: sm.nonParty, share: sm.nonPartyShare }));
  out.push(formatShareSentence({ subject: '年轻干部', count: sm.young, share: sm.youngShare }));
  for (const row of s.young.byTier) if (row.key !== UNKNOWN_KEY && row.total > 0) out.push(formatYoungTierSentence(row));
  const spec = formatLargestShare(s.dimensions.specialty, '类');
  if (spec) out.push(`专业类别中${spec}`);
  const edu = formatLargestShare(s.dimensions.highestEducation);
  if (edu) out.push(`最高学历中${edu}`);
  if (s.promotions.total) out.push(`${s.promotions.from}至${s.promotions.to}${formatPromotionSentence(s.promotions)}`);
  out.push(`${s.intake.from}至${s.intake.to}${formatIntakeSentence(s.intake)}`);
  return out;
}
