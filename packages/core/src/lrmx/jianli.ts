/**
 * 简历 (JianLi): plain text, one entry a line — `YYYY.MM--YYYY.MM  content`, the current entry with an
 * open end (`2019.03--         县委书记`), in-service study as `（其间：…）` lines, long entries wrapped
 * onto indented continuation lines. Dashes and dots vary (`--`, `—`, `─`, `－`, `．`, full-width digits).
 */
import { normalizeMarks } from './text';

export interface JianLiEntry {
  /** 'YYYY-MM' */
  start: string;
  /** 'YYYY-MM'; null = open (the current post) */
  end: string | null;
  /** the entry text, verbatim (continuation lines joined) */
  content: string;
  org?: string;
  post?: string;
  /** a `（其间：…）` line: in-service study or a concurrent post during the previous entry */
  inService?: boolean;
  /** 1-based line of the entry in the text */
  line: number;
}

export interface JianLiProblem {
  line: number;
  code: string;
  zh: string;
  en: string;
}

const ym = (y: string, m: string) => `${y}-${m.padStart(2, '0')}`;
const validMonth = (m: string) => Number(m) >= 1 && Number(m) <= 12;

// on the normalised line: start, separator, optional end
const PREFIX = /^(\s*)(\d{4})\s*(?:\.\s*(\d{1,2})|(\d{2}))\s*(?:-+|至|到)\s*(?:(\d{4})\s*(?:\.\s*(\d{1,2})|(\d{2})))?/;
const INSERVICE = /^[（(]\s*其\s*间/;

export function parseJianLiDetailed(text: string): { entries: JianLiEntry[]; problems: JianLiProblem[] } {
  const entries: JianLiEntry[] = [];
  const problems: JianLiProblem[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let last: JianLiEntry | null = null;
  lines.forEach((original, idx) => {
    const line = idx + 1;
    if (!original.trim()) return;
    const norm = normalizeMarks(original);
    const trimmed = original.trim();
    if (INSERVICE.test(trimmed)) {
      const inner = normalizeMarks(trimmed).replace(/^[（(]\s*其\s*间\s*[:：]?\s*/, '');
      const m = PREFIX.exec(inner);
      const start = m ? ym(m[2], m[3] ?? m[4]) : (last?.start ?? null);
      const end = m && m[5] ? ym(m[5], m[6] ?? m[7]) : null;
      if (!start) {
        problems.push({ line, code: 'jianli_orphan', zh: `简历第 ${line} 行“其间”说明前没有简历条目`, en: `JianLi line ${line}: an in-service note without an entry before it` });
        return;
      }
      const e: JianLiEntry = { start, end, content: trimmed, inService: true, line };
      entries.push(e);
      return;
    }
    const m = PREFIX.exec(norm);
    if (m) {
      const sm = m[3] ?? m[4];
      const em = m[6] ?? m[7];
      if (!validMonth(sm) || (m[5] && !validMonth(em))) {
        problems.push({ line, code: 'jianli_bad_date', zh: `简历第 ${line} 行日期无效：${trimmed.slice(0, 20)}`, en: `JianLi line ${line}: invalid date: ${trimmed.slice(0, 20)}` });
        return;
      }
      let content = original.slice(m[0].length).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
      let end = m[5] ? ym(m[5], em) : null;
      if (/^至今/.test(content)) {
        content = content.replace(/^至今[\s\u3000]*/, '');
        end = null;
      }
      const start = ym(m[2], sm);
      if (end && end < start) {
        problems.push({ line, code: 'jianli_range', zh: `简历第 ${line} 行结束年月早于开始年月`, en: `JianLi line ${line}: the end is before the start` });
      }
      if (!content) problems.push({ line, code: 'jianli_empty', zh: `简历第 ${line} 行没有内容`, en: `JianLi line ${line} has no text after the dates` });
      const e: JianLiEntry = { start, end, content, line, ...splitOrgPost(content) };
      entries.push(e);
      last = e;
      return;
    }
    // a wrapped continuation line
    const prev = entries[entries.length - 1];
    if (prev) {
      prev.content += trimmed;
      if (!prev.inService) Object.assign(prev, splitOrgPost(prev.content));
      return;
    }
    problems.push({ line, code: 'jianli_unparsed', zh: `简历第 ${line} 行无法识别起止年月：${trimmed.slice(0, 20)}`, en: `JianLi line ${line}: no start/end dates found: ${trimmed.slice(0, 20)}` });
  });
  // open ends other than the last main entry are suspicious but legal (concurrent posts)
  return { entries, problems };
}

/** entries of a 简历 text; see parseJianLiDetailed for the problems found */
export function parseJianLi(text: string): JianLiEntry[] {
  return parseJianLiDetailed(text).entries;
}

const POST_WORDS = [
  '书记', '副书记', '委员', '常委', '主任', '镇长', '乡长', '县长', '区长', '市长', '州长', '省长', '局长', '处长', '科长', '股长', '部长',
  '主席', '秘书长', '秘书', '干事', '科员', '办事员', '经理', '董事长', '董事', '总经理', '主任科员', '调研员', '巡视员', '院长', '校长',
  '所长', '站长', '队长', '教师', '学生', '职员', '干部', '工作人员', '研究员', '专员', '组长', '社长', '理事长', '馆长', '会长', '厅长',
  '司长', '行长', '监事长', '审判员', '检察员', '庭长', '检察长', '大队长', '指导员', '政委', '主任委员', '总工程师', '工程师', '会计',
  '助理', '组织员', '宣传委员', '统战委员', '武装部长', '团委书记', '战士', '副主任科员', '一级主任科员', '二级主任科员', '三级主任科员',
  '四级主任科员', '一级科员', '二级科员', '一级调研员', '二级调研员', '三级调研员', '四级调研员', '一级巡视员', '二级巡视员', '负责人',
];
const PREFIXES = ['党委', '党组', '党工委', '工委', '纪委', '纪工委', '常务', '副', '代', '代理', '执行', '专职', '第一', '挂职', '兼'];
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD = `(?:(?:${PREFIXES.map(esc).join('|')})*(?:${[...POST_WORDS].sort((a, b) => b.length - a.length).map(esc).join('|')}))`;
const POST_STRICT = new RegExp(`^${WORD}(?:[、，,和及兼]${WORD})*$`);

/** Splits `城关镇党委书记` into org `城关镇` and post `党委书记` by the trailing post words; {} when no post word ends it. */
export function splitOrgPost(content: string): { org?: string; post?: string } {
  const c = content.trim();
  for (let i = 1; i < c.length; i++) {
    const tail = c.slice(i);
    if (POST_STRICT.test(tail)) return { org: c.slice(0, i), post: tail };
  }
  if (POST_STRICT.test(c)) return { org: '', post: c };
  return {};
}

/** the canonical text of entries (what the export writes when the career history changed) */
export function formatJianLi(entries: Pick<JianLiEntry, 'start' | 'end' | 'content' | 'inService'>[]): string {
  const dot = (s: string) => s.replace('-', '.');
  return entries
    .map((e) => (e.inService ? `                  ${e.content}` : `${dot(e.start)}--${e.end ? dot(e.end) : '       '}  ${e.content}`))
    .join('\n');
}
