/**
 * Excel 花名册 import: a template with Chinese headers and drop-down lists for coded columns, a
 * streaming reader (100,000 rows), column mapping for files that do not follow the template, and an
 * error report workbook with the bad cells marked.
 */
import ExcelJS from 'exceljs';
import {
  codeFromName,
  codesOf,
  HEALTH_NAMES,
  suggestNames,
  parseJianLiDetailed,
  parseLrmxDate,
  normalizeIdNumber,
  splitSchool,
  validateIdNumber,
  todayISO,
  type CadreRecord,
  type CodeSetId,
} from '@cadre/core';
import { HttpError } from '../../http/errors';
import { reportIssue, type Incoming, type Preview } from './service';
import { LIMITS } from './zip';
import { readXlsx } from './xlsx-read';

/** 'named': kept as written, but it must name an entry of `set` (健康状况: "健康" is GB/T 4767 code 1) */
type Kind = 'text' | 'date' | 'id' | 'code' | 'named' | 'jianli';
export interface Column {
  key: string;
  header: string;
  kind: Kind;
  set?: CodeSetId;
  /** the template's drop-down list when it is not the set's names */
  list?: readonly string[];
  required?: boolean;
  width: number;
  synonyms?: string[];
}

export const COLUMNS: Column[] = [
  { key: 'name', header: '姓名', kind: 'text', required: true, width: 10, synonyms: ['名字'] },
  { key: 'sex', header: '性别', kind: 'code', set: 'sex', required: true, width: 6 },
  { key: 'ethnicity', header: '民族', kind: 'code', set: 'ethnicity', required: true, width: 8 },
  { key: 'birthDate', header: '出生年月', kind: 'date', required: true, width: 11, synonyms: ['出生日期', '出生时间'] },
  { key: 'idNumber', header: '身份证号', kind: 'id', width: 20, synonyms: ['身份证号码', '公民身份号码', '身份证'] },
  { key: 'nativePlace', header: '籍贯', kind: 'text', width: 12 },
  { key: 'birthPlace', header: '出生地', kind: 'text', width: 12 },
  { key: 'politicalStatus', header: '政治面貌', kind: 'code', set: 'political', required: true, width: 10 },
  { key: 'partyJoinDate', header: '入党时间', kind: 'date', width: 11 },
  { key: 'workStartDate', header: '参加工作时间', kind: 'date', required: true, width: 12, synonyms: ['工作时间'] },
  { key: 'health', header: '健康状况', kind: 'named', set: 'health', list: HEALTH_NAMES, width: 8 },
  { key: 'professionalTitle', header: '专业技术职务', kind: 'text', width: 12 },
  { key: 'expertise', header: '熟悉专业有何专长', kind: 'text', width: 14, synonyms: ['专长'] },
  { key: 'fullTimeEducation', header: '全日制学历', kind: 'code', set: 'education', width: 12 },
  { key: 'fullTimeDegree', header: '全日制学位', kind: 'code', set: 'degree', width: 12 },
  { key: 'fullTimeSchool', header: '全日制毕业院校系及专业', kind: 'text', width: 24 },
  { key: 'inServiceEducation', header: '在职学历', kind: 'code', set: 'education', width: 12 },
  { key: 'inServiceDegree', header: '在职学位', kind: 'code', set: 'degree', width: 12 },
  { key: 'inServiceSchool', header: '在职毕业院校系及专业', kind: 'text', width: 24 },
  { key: 'orgName', header: '单位', kind: 'text', width: 20, synonyms: ['工作单位', '所在单位'] },
  { key: 'currentPostTitle', header: '现任职务', kind: 'text', width: 24, synonyms: ['职务'] },
  { key: 'postLevel', header: '职务层次', kind: 'code', set: 'postLevel', width: 12, synonyms: ['职务级别'] },
  { key: 'rank', header: '职级', kind: 'code', set: 'rank', width: 12 },
  { key: 'postStartDate', header: '任现职时间', kind: 'date', width: 11 },
  { key: 'levelStartDate', header: '任同级时间', kind: 'date', width: 11 },
  { key: 'jianLi', header: '简历', kind: 'jianli', width: 40 },
];
const BY_KEY = new Map(COLUMNS.map((c) => [c.key, c]));

// ───────────── template ─────────────
export async function excelTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cadre Atlas 干部队伍建设研判平台';
  const ws = wb.addWorksheet('干部花名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = wb.addWorksheet('代码', { state: 'veryHidden' });
  ws.columns = COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: c.width }));
  const h = ws.getRow(1);
  h.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  h.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFA8071A' } };
  h.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  let listCol = 1;
  COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.numFmt = '@';
    if ((c.kind !== 'code' && c.kind !== 'named') || !c.set) {
      if (c.kind === 'date') ws.getCell(1, i + 1).note = '如 1975.01、197501 或 1975.01.24';
      if (c.kind === 'jianli') ws.getCell(1, i + 1).note = '每行一条：1997.07--2003.09  某某镇科员；现职结束年月留空';
      return;
    }
    const names = c.list ? [...c.list] : [...new Set(codesOf(c.set).map((e) => e.name))];
    lists.getCell(1, listCol).value = c.header;
    names.forEach((n, j) => (lists.getCell(j + 2, listCol).value = n));
    const letter = lists.getColumn(listCol).letter;
    const ref = `代码!$${letter}$2:$${letter}$${names.length + 1}`;
    for (let r = 2; r <= 1000; r++) {
      ws.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: !c.required, formulae: [ref], showErrorMessage: true, errorTitle: c.header, error: `请从列表中选择${c.header}` };
    }
    listCol++;
  });
  ws.addRow({ name: '示例（导入前删除本行）' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ───────────── reading ─────────────
export function parseMapping(s: string | undefined): Record<string, string> {
  if (!s) return {};
  try {
    const m = JSON.parse(s);
    if (!m || typeof m !== 'object' || Array.isArray(m)) throw new Error('not an object');
    return Object.fromEntries(Object.entries(m).map(([k, v]) => [String(k).trim(), String(v).trim()]));
  } catch {
    throw new HttpError(400, 'bad_mapping', 'mapping 应为 JSON 对象：{"文件中的列名": "模板列名"}', 'mapping must be a JSON object: {"header in the file": "template header or field key"}');
  }
}

const cleanHeader = (s: string) => s.replace(/[*＊\s]/g, '');

/** header row → column key per index; unknown headers reported */
export function mapHeaders(headers: string[], mapping: Record<string, string>): { keys: (string | null)[]; unmapped: string[]; missing: string[] } {
  const lookup = new Map<string, string>();
  for (const c of COLUMNS) {
    lookup.set(c.header, c.key);
    lookup.set(c.key, c.key);
    for (const s of c.synonyms ?? []) lookup.set(s, c.key);
  }
  const keys = headers.map((h) => {
    const raw = cleanHeader(h);
    const target = mapping[h.trim()] ?? mapping[raw];
    if (target) return lookup.get(cleanHeader(target)) ?? null;
    return lookup.get(raw) ?? null;
  });
  const unmapped = headers.filter((h, i) => h && !keys[i]);
  const missing = COLUMNS.filter((c) => c.required && !keys.includes(c.key)).map((c) => c.header);
  return { keys, unmapped, missing };
}

function cellText(v: unknown): string {
  if (v == null) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}.${String(v.getUTCMonth() + 1).padStart(2, '0')}.${String(v.getUTCDate()).padStart(2, '0')}`;
  if (typeof v === 'object') {
    const o = v as { text?: unknown; richText?: { text: string }[]; result?: unknown; hyperlink?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (o.result !== undefined) return cellText(o.result);
    if (o.text !== undefined) return String(o.text);
    return '';
  }
  return String(v).trim();
}

/** one data row → an import item */
export function rowItem(row: number, values: unknown[], keys: (string | null)[], asOf: string): Incoming {
  const issues: Incoming['issues'] = [];
  const v: Record<string, string> = {};
  const colOf: Record<string, number> = {};
  keys.forEach((k, i) => {
    if (k) {
      v[k] = cellText(values[i]);
      colOf[k] = i + 1;
    }
  });
  const bad = (key: string, code: string, zh: string, en: string, suggestions?: string[]) =>
    issues.push(reportIssue(BY_KEY.get(key)?.header ?? key, code, 'error', zh, en, { row, col: colOf[key], ...(suggestions ? { suggestions } : {}) }));
  const out: Record<string, string | null> = {};
  for (const c of COLUMNS) {
    const s = v[c.key] ?? '';
    if (!s) {
      if (c.required) bad(c.key, 'required', `${c.header}不能为空`, `${c.header} is required`);
      out[c.key] = null;
      continue;
    }
    if (c.kind === 'date') {
      const d = parseLrmxDate(s);
      if (!d) bad(c.key, 'bad_date', `${c.header}“${s}”不是可识别的日期`, `${c.header} "${s}" is not a recognised date`);
      out[c.key] = d?.iso ?? null;
    } else if (c.kind === 'code') {
      const code = codeFromName(c.set!, s);
      if (!code) {
        const names = [...new Set(codesOf(c.set!).map((e) => e.name))];
        const sugg = names.filter((n) => [...s].some((ch) => n.includes(ch))).slice(0, 3);
        bad(c.key, 'unknown_name', `${c.header}“${s}”不在代码集中${sugg.length ? `，是否为：${sugg.join('、')}` : ''}`, `${c.header} "${s}" is not in the code set`, sugg);
      }
      out[c.key] = code ?? null;
    } else if (c.kind === 'named') {
      if (!codeFromName(c.set!, s)) {
        const sugg = suggestNames(c.set!, s);
        bad(c.key, 'unknown_name', `${c.header}“${s}”不在代码集中，是否为：${sugg.join('、')}`, `${c.header} "${s}" is not in the code set; did you mean ${sugg.join(', ')}?`, sugg);
      }
      out[c.key] = s;
    } else if (c.kind === 'id') {
      const r = validateIdNumber(s, asOf);
      if (!r.ok) bad(c.key, 'bad_id', r.reason.zh, r.reason.en);
      out[c.key] = r.ok ? normalizeIdNumber(r.idNumber) : null;
      // 出生年月 is usually a month: the day comes from the ID number when the months agree
      if (r.ok && out.birthDate && out.birthDate.slice(0, 7) === r.birthDate.slice(0, 7)) out.birthDate = r.birthDate;
    } else out[c.key] = s;
  }
  let careerRows: CadreRecord['career'] = [];
  if (v.jianLi) {
    const jl = parseJianLiDetailed(v.jianLi);
    for (const p of jl.problems) issues.push(reportIssue('简历', p.code, 'warning', p.zh, p.en, { row, col: colOf.jianLi }));
    careerRows = jl.entries.filter((e) => !e.inService).map((e) => ({ startDate: `${e.start}-01`, endDate: e.end ? `${e.end}-01` : null, orgName: e.org ?? e.content, postTitle: e.post ?? '' }));
  }
  if (issues.some((i) => i.severity === 'error')) return { file: `第 ${row} 行`, row, record: null, issues, sections: NO_SECTIONS };
  const edu: CadreRecord['education'] = [];
  if (out.fullTimeEducation) edu.push({ mode: '全日制', education: out.fullTimeEducation, degree: out.fullTimeDegree, ...splitSchool(out.fullTimeSchool ?? '') });
  if (out.inServiceEducation) edu.push({ mode: '在职', education: out.inServiceEducation, degree: out.inServiceDegree, ...splitSchool(out.inServiceSchool ?? '') });
  const record: CadreRecord = {
    cadre: {
      name: out.name!, sex: out.sex!, ethnicity: out.ethnicity!, birthDate: out.birthDate!, nativePlace: out.nativePlace, birthPlace: out.birthPlace, idNumber: out.idNumber,
      politicalStatus: out.politicalStatus!, partyJoinDate: out.partyJoinDate, workStartDate: out.workStartDate!, health: out.health, professionalTitle: out.professionalTitle,
      expertise: out.expertise, fullTimeEducation: out.fullTimeEducation, fullTimeDegree: out.fullTimeDegree,
      highestEducation: out.inServiceEducation ?? out.fullTimeEducation, highestDegree: out.inServiceDegree ?? out.fullTimeDegree,
      currentPostTitle: out.currentPostTitle, postStartDate: out.postStartDate, photo: null,
      ...(out.postLevel ? { postLevel: out.postLevel } : {}), ...(out.rank ? { rank: out.rank } : {}), ...(out.levelStartDate ? { levelStartDate: out.levelStartDate } : {}),
    } as CadreRecord['cadre'],
    education: edu,
    career: careerRows,
    assessments: [],
    rewards: [],
    family: [],
  };
  return {
    file: `第 ${row} 行`, row, record, issues, orgName: out.orgName,
    sections: { education: edu.length > 0, career: careerRows.length > 0, assessments: false, rewards: false, family: false },
  };
}
const NO_SECTIONS = { education: false, career: false, assessments: false, rewards: false, family: false };

/** reads the first (or the named) worksheet of an .xlsx upload into import items */
export async function excelItems(buf: Buffer, mapping: Record<string, string>, sheetName?: string): Promise<{ items: Incoming[]; headers: string[]; rows: Map<number, unknown[]>; unmapped: string[] }> {
  if (buf.length > LIMITS.xlsxBytes) throw new HttpError(413, 'too_large', `Excel 文件超过 ${LIMITS.xlsxBytes / 1024 / 1024} MB`, `the workbook exceeds ${LIMITS.xlsxBytes} bytes`);
  if (!(buf[0] === 0x50 && buf[1] === 0x4b)) throw new HttpError(400, 'not_xlsx', '上传的不是 .xlsx 文件', 'the upload is not an .xlsx workbook');
  const asOf = todayISO();
  const { rows: sheetRows } = readXlsx(buf, sheetName);
  const headerRow = sheetRows.find((r) => r.values.some((v) => v));
  if (!headerRow) throw new HttpError(400, 'empty_sheet', '工作表为空', 'the worksheet is empty');
  const headers = headerRow.values;
  const m = mapHeaders(headers, mapping);
  if (m.missing.length) {
    throw new HttpError(400, 'missing_columns', `缺少必需的列：${m.missing.join('、')}（可用 mapping 参数指定列名对应关系）`, `required columns missing: ${m.missing.join(', ')} (use the mapping parameter)`);
  }
  const items: Incoming[] = [];
  const rows = new Map<number, unknown[]>();
  const nameCol = m.keys.indexOf('name');
  for (const r of sheetRows) {
    if (r.number <= headerRow.number) continue;
    if (r.values.every((x) => x === '')) continue;
    if ((r.values[nameCol] ?? '').startsWith('示例')) continue;
    if (items.length >= LIMITS.xlsxRows) throw new HttpError(400, 'too_many_rows', `行数超过 ${LIMITS.xlsxRows} 行上限`, `more than ${LIMITS.xlsxRows} rows`);
    const it = rowItem(r.number, r.values, m.keys, asOf);
    items.push(it);
    if (it.issues.length) rows.set(r.number, r.values);
  }
  return { items, headers, rows, unmapped: m.unmapped };
}

// ───────────── error report ─────────────
export async function errorReport(p: Preview): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = p.excel?.headers ?? [];
  ws.addRow(['原行号', ...headers, '问题说明']);
  ws.getRow(1).font = { bold: true };
  const red: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
  const yellow: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
  for (const plan of p.plans) {
    if (!plan.issues.length || !plan.row) continue;
    const values = p.excel?.rows.get(plan.row) ?? [];
    const row = ws.addRow([plan.row, ...headers.map((_, i) => cellText(values[i])), plan.issues.map((i) => `${i.label}：${i.message}`).join('；')]);
    for (const i of plan.issues) {
      if (!i.col) continue;
      const cell = row.getCell(i.col + 1);
      cell.fill = i.severity === 'error' ? red : yellow;
      cell.note = `${i.message}\n${i.messageEn}`;
    }
    if (plan.status === 'reject') row.getCell(headers.length + 2).font = { color: { argb: 'FF9C0006' } };
  }
  ws.getColumn(headers.length + 2).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
