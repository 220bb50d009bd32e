/** LRMX value conventions: dates in their several spellings, and display names ↔ codes. */
import { codeName, codesOf, normalizeCode, type CodeSetId } from '../codes';
import { isValidISODate } from '../dates';

/** one-to-one normalisation of digits, dots and dashes (full-width, box-drawing, em dash): same length as the input */
export function normalizeMarks(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xff10 + 48);
    else if (ch === '．' || ch === '。' || ch === '·') out += '.';
    else if (ch === '－' || ch === '—' || ch === '─' || ch === '–' || ch === '━' || ch === '―' || ch === '～' || ch === '~') out += '-';
    else if (ch === '／') out += '/';
    else if (ch === '\u3000') out += ' ';
    else out += ch;
    // keep string length equal to the input in UTF-16 units (all replaced characters are BMP)
  }
  return out;
}

export type DatePrecision = 'year' | 'month' | 'day';
export interface LrmxDate {
  /** ISO date; month precision → first of the month */
  iso: string;
  precision: DatePrecision;
}

/**
 * `197501`, `1975.01`, `1975.1`, `1975-01`, `1975年1月`, `1975.01.24`, `19750124`, `1975年1月24日`,
 * `1975`; full-width digits and dots allowed. null for anything else (incl. impossible dates).
 */
export function parseLrmxDate(input: string | null | undefined): LrmxDate | null {
  if (input == null) return null;
  const s = normalizeMarks(input).replace(/\s+/g, '');
  if (!s) return null;
  let y: number, m = 1, d = 1;
  let precision: DatePrecision;
  let r: RegExpExecArray | null;
  if ((r = /^(\d{4})(\d{2})$/.exec(s))) [y, m, precision] = [+r[1], +r[2], 'month'];
  else if ((r = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) [y, m, d, precision] = [+r[1], +r[2], +r[3], 'day'];
  else if ((r = /^(\d{4})[./\-年](\d{1,2})月?$/.exec(s))) [y, m, precision] = [+r[1], +r[2], 'month'];
  else if ((r = /^(\d{4})[./\-年](\d{1,2})[./\-月](\d{1,2})日?$/.exec(s))) [y, m, d, precision] = [+r[1], +r[2], +r[3], 'day'];
  else if ((r = /^(\d{4})年?$/.exec(s))) [y, precision] = [+r[1], 'year'];
  else return null;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (!isValidISODate(iso) || y < 1900) return null;
  return { iso, precision };
}

/** How the editor writes dates: `YYYYMM` (month or year precision), `YYYYMMDD` (day precision). */
export function formatLrmxDate(iso: string | null | undefined, precision: DatePrecision = 'month'): string {
  if (!iso) return '';
  const compact = iso.replace(/-/g, '');
  return precision === 'day' ? compact.slice(0, 8) : compact.slice(0, 6);
}

/** A stored ISO date → the precision it is written with: a day other than the 1st needs day precision. */
export function precisionOf(iso: string | null | undefined): DatePrecision {
  return iso && iso.slice(8, 10) !== '01' ? 'day' : 'month';
}

// ───────────── names ↔ codes ─────────────

/** names found in LRMX files that the national sets spell differently */
const ALIASES: Partial<Record<CodeSetId, Record<string, string>>> = {
  education: {
    大学本科: '21', 本科: '21', 大学本科毕业: '21', 硕士研究生: '11', 博士研究生: '11', 研究生毕业: '11', 在职研究生: '11',
    大学专科: '31', 专科: '31', 大专毕业: '31', 中等专科: '35', 中专毕业: '35', 高中毕业: '37', 初中毕业: '38',
    省委党校研究生: '1B', 省委党校大学: '23', 省委党校大专: '32', 中央党校大学本科: '22', 中央党校本科: '22',
  },
  degree: { 学士学位: '4', 硕士学位: '3', 博士学位: '2', 工商管理硕士MBA: '346', MBA: '346', MPA: '349' },
  political: {
    九三学社: '10', 中国民主同盟: '05', 中国国民党革命委员会: '04', 中国民主建国会: '06', 中国民主促进会: '07', 中国农工民主党: '08', 农工民主党: '08',
    中国致公党: '09', 台湾民主自治同盟: '11', 无党派: '12', 党员: '01', 中共: '01', 共产党员: '01', 预备党员: '02', 团员: '03', 共青团: '03', 无: '13' },
  relation: {
    爱人: '配偶', 夫妻: '配偶', 妻: '妻子', 夫: '丈夫', 父: '父亲', 母: '母亲', 子: '儿子', 女: '女儿',
    长子: '儿子', 次子: '儿子', 三子: '儿子', 独子: '儿子', 长女: '女儿', 次女: '女儿', 三女: '女儿', 独女: '女儿',
    哥: '哥哥', 弟: '弟弟', 姐: '姐姐', 妹: '妹妹', 兄: '哥哥', 岳父亲: '岳父', 岳母亲: '岳母',
  },
};

/** name (or code, short name, alias) → code of the set, undefined when unknown */
export function codeFromName(set: CodeSetId, name: string | null | undefined): string | undefined {
  if (name == null) return undefined;
  const v = normalizeMarks(name).replace(/\s+/g, '');
  if (!v) return undefined;
  const direct = normalizeCode(set, v);
  if (direct) return direct;
  const a = ALIASES[set]?.[v];
  if (a) return a;
  if (set === 'degree' || set === 'education') {
    const stripped = v.replace(/学位$|毕业$|学历$/, '');
    if (stripped !== v) return codeFromName(set, stripped);
  }
  if (set === 'education') {
    // GB/T 4658 names (大学本科毕业 …) → the ZB64 code of the same group
    const gb = normalizeCode('educationGb', v);
    if (gb) {
      const group = codesOf('educationGb').find((e) => e.code === gb)?.extra?.group;
      const map: Record<string, string> = { 研究生: '11', 大学本科: '21', 大学专科: '31' };
      if (typeof group === 'string' && map[group]) return map[group];
    }
  }
  return undefined;
}

/** code → the display name written into LRMX */
export function nameForCode(set: CodeSetId, code: string | null | undefined): string {
  if (!code) return '';
  return codeName(set, code) ?? code;
}

function editDistance(a: string, b: string): number {
  const A = [...a], B = [...b];
  const dp = Array.from({ length: A.length + 1 }, (_, i) => [i, ...Array(B.length).fill(0)] as number[]);
  for (let j = 1; j <= B.length; j++) dp[0][j] = j;
  for (let i = 1; i <= A.length; i++)
    for (let j = 1; j <= B.length; j++)
      dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
  return dp[A.length][B.length];
}

/**
 * up to `n` display names of the set closest to `value` (shared characters, then edit distance); the usual forms
 * listed as aliases count as names (健康状况 "建康" → 健康, not 健康或良好)
 */
export function suggestNames(set: CodeSetId, value: string, n = 3): string[] {
  const v = value.trim();
  const names = [
    ...new Set(
      codesOf(set).flatMap((e) => {
        const aliases = (e.extra as { aliases?: unknown } | undefined)?.aliases;
        return [e.name, ...(Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string' && a.length >= 2) : [])];
      }),
    ),
  ];
  const scored = names.map((name) => {
    const shared = [...new Set(v)].filter((ch) => name.includes(ch)).length;
    return { name, score: editDistance(v, name) - shared * 0.5 };
  });
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return scored.slice(0, n).map((s) => s.name);
}

/**
 * 健康状况 is kept as written, but it must name a GB/T 4767 category (健康, 良好, 一般, 有慢性病, 残疾 …): null when it
 * does (or is empty), else why not with the nearest names — the one check of LRMX import and the registry API
 */
export function healthNameProblem(text: string | null | undefined): { zh: string; en: string; suggestions: string[] } | null {
  if (!text || !text.trim() || codeFromName('health', text)) return null;
  const suggestions = suggestNames('health', text);
  return {
    zh: `健康状况“${text}”不在代码集（GB/T 4767）中，是否为：${suggestions.join('、')}？`,
    en: `health "${text}" is not in the code set (GB/T 4767); did you mean ${suggestions.join(', ')}?`,
    suggestions,
  };
}
