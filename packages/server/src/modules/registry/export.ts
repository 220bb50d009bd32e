/** Export of the current filtered roster view to a formatted .xlsx (Chinese headers, frozen header row, widths). */
import ExcelJS from 'exceljs';
import { codeName, type RulesConfig } from '@cadre/core';
import type { Db } from '../../db/client';
import type { CurrentUser } from '../../auth/roles';
import type { RosterQuery } from './schema';
import { searchRoster } from './search';

export const EXPORT_MAX_ROWS = 100_000;

const COLUMNS: { header: string; key: string; width: number; value: (r: Record<string, unknown>) => unknown }[] = [
  { header: '序号', key: 'no', width: 6, value: () => null },
  { header: '姓名', key: 'name', width: 10, value: (r) => r.name },
  { header: '性别', key: 'sex', width: 6, value: (r) => codeName('sex', String(r.sex)) ?? r.sex },
  { header: '民族', key: 'ethnicity', width: 8, value: (r) => codeName('ethnicity', String(r.ethnicity)) ?? r.ethnicity },
  { header: '出生年月', key: 'birthDate', width: 11, value: (r) => String(r.birthDate).slice(0, 7).replace('-', '.') },
  { header: '年龄', key: 'age', width: 6, value: (r) => r.age },
  { header: '籍贯', key: 'nativePlace', width: 12, value: (r) => r.nativePlace },
  { header: '政治面貌', key: 'politicalStatus', width: 10, value: (r) => codeName('political', String(r.politicalStatus)) ?? r.politicalStatus },
  { header: '入党时间', key: 'partyJoinDate', width: 11, value: (r) => (r.partyJoinDate ? String(r.partyJoinDate).slice(0, 7).replace('-', '.') : '') },
  { header: '参加工作时间', key: 'workStartDate', width: 12, value: (r) => String(r.workStartDate).slice(0, 7).replace('-', '.') },
  { header: '全日制学历', key: 'fullTimeEducation', width: 14, value: (r) => (r.fullTimeEducation ? codeName('education', String(r.fullTimeEducation)) : '') },
  { header: '最高学历', key: 'highestEducation', width: 14, value: (r) => (r.highestEducation ? codeName('education', String(r.highestEducation)) : '') },
  { header: '专业类别', key: 'specialtyCategory', width: 10, value: (r) => r.specialtyCategory },
  { header: '单位', key: 'orgName', width: 22, value: (r) => r.orgName },
  { header: '现任职务', key: 'currentPostTitle', width: 30, value: (r) => r.currentPostTitle },
  { header: '职务层次', key: 'postLevel', width: 12, value: (r) => (r.postLevel ? codeName('postLevel', String(r.postLevel)) : '') },
  { header: '职级', key: 'rank', width: 12, value: (r) => (r.rank ? codeName('rank', String(r.rank)) : '') },
  { header: '任现职时间', key: 'postStartDate', width: 12, value: (r) => (r.postStartDate ? String(r.postStartDate).slice(0, 7).replace('-', '.') : '') },
  { header: '任现职年限', key: 'yearsInPost', width: 10, value: (r) => r.yearsInPost },
  { header: '标签', key: 'tags', width: 20, value: (r) => (Array.isArray(r.tags) ? r.tags.join('、') : '') },
];

export async function exportRoster(db: Db, user: CurrentUser, q: RosterQuery, rules: RulesConfig): Promise<{ buffer: Buffer; rows: number }> {
  const { items } = await searchRoster(db, user, { ...q, page: 1 }, rules, { count: false, limit: EXPORT_MAX_ROWS });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cadre Atlas 干部队伍建设研判平台';
  wb.created = new Date();
  const ws = wb.addWorksheet('干部名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFA8071A' } };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.height = 22;
  items.forEach((r, i) => {
    const row: Record<string, unknown> = {};
    for (const c of COLUMNS) row[c.key] = c.value(r as Record<string, unknown>);
    row.no = i + 1;
    ws.addRow(row);
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, rows: items.length };
}
