/** The teams overview as a formatted .xlsx: one row per team, colour-filled status cell, same numbers as the JSON. */
import ExcelJS from 'exceljs';
import { codeName } from '@cadre/core';
import { styleHeader } from '../stats/export';
import type { teamsOverview } from './service';

const COLOR_ZH = { red: '红', blue: '蓝', green: '绿' } as const;
const round1 = (v: number | null) => (v == null ? '' : Math.round(v * 10) / 10);

export async function teamsWorkbook(o: Awaited<ReturnType<typeof teamsOverview>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cadre Atlas 干部队伍建设研判平台';
  wb.created = new Date();
  const ws = wb.addWorksheet('班子研判', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  ws.columns = [
    { header: '单位', key: 'orgName', width: 22 },
    { header: '班子', key: 'name', width: 26 },
    { header: '单位类型', key: 'unitKind', width: 10 },
    { header: '班子类型', key: 'kind', width: 10 },
    { header: '层级', key: 'level', width: 8 },
    { header: '预警', key: 'color', width: 6 },
    { header: '预警原因', key: 'reasons', width: 48 },
    { header: '核定职数', key: 'quota', width: 9 },
    { header: '在任', key: 'filled', width: 6 },
    { header: '空缺', key: 'vacancies', width: 6 },
    { header: '平均年龄', key: 'meanAge', width: 9 },
    { header: '最小年龄', key: 'youngestAge', width: 9 },
    { header: '最大年龄', key: 'oldestAge', width: 9 },
    { header: '年轻干部', key: 'youngCount', width: 9 },
    { header: '女干部', key: 'women', width: 8 },
    { header: '党外干部', key: 'nonParty', width: 9 },
    { header: '少数民族', key: 'minority', width: 9 },
    { header: '应交流', key: 'should', width: 8 },
    { header: '须交流', key: 'must', width: 8 },
    { header: '近期退休', key: 'retiring', width: 9 },
    { header: '专业缺项', key: 'missingSpecialty', width: 9 },
    { header: '经历缺项', key: 'missingExperience', width: 9 },
  ];
  styleHeader(ws);
  for (const t of o.items) {
    const m = t.metrics!; // the export route always asks for metrics
    const row = ws.addRow({
      orgName: t.orgName,
      name: t.name,
      unitKind: t.unitKind,
      kind: t.kind,
      level: t.level ? codeName('postLevel', t.level) ?? t.level : '',
      color: COLOR_ZH[t.color],
      reasons: t.reasons.map((id) => o.indicators[id].reason.zh).join('；'),
      quota: t.figures.quota,
      filled: t.figures.filled,
      vacancies: t.figures.vacancies,
      meanAge: round1(t.figures.meanAge),
      youngestAge: t.figures.youngestAge ?? '',
      oldestAge: t.figures.oldestAge ?? '',
      youngCount: t.figures.youngCount,
      women: t.figures.women,
      nonParty: t.figures.nonParty,
      minority: t.figures.minority,
      should: m.shouldRotateCount,
      must: m.mustRotateCount,
      retiring: m.retiringSoonCount,
      missingSpecialty: m.missingSpecialtyCount,
      missingExperience: m.missingExperienceCount,
    });
    const cell = row.getCell('color');
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${o.colors[t.color].slice(1).toUpperCase()}` } };
    cell.font = { color: { argb: 'FFFFFFFF' }, bold: true };
    cell.alignment = { horizontal: 'center' };
    row.getCell('reasons').alignment = { wrapText: true, vertical: 'top' };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
