/** Structure statistics as a formatted .xlsx (Chinese headers, frozen header rows, widths) and as a printable HTML report. */
import ExcelJS from 'exceljs';
import { formatPercent, type Bucket } from '@cadre/core';
import type { StructureResult } from './structure';

const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFA8071A' } };

export function styleHeader(ws: ExcelJS.Worksheet, row = 1) {
  const header = ws.getRow(row);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.height = 22;
}

const pct = (share: number) => Math.round(share * 1000) / 10;

function filterText(s: StructureResult): string {
  const f = s.filter;
  const parts = Object.entries(f)
    .filter(([k, v]) => v != null && v !== '' && !['asOf', 'from', 'to', 'ids'].includes(k) && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`);
  if (Array.isArray(f.ids)) parts.push(`ids(${f.ids.length})`);
  return parts.join('；') || '全部（本人权限范围）';
}

export async function structureWorkbook(s: StructureResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cadre Atlas 干部队伍建设研判平台';
  wb.created = new Date();

  const sum = wb.addWorksheet('摘要', { views: [{ state: 'frozen', ySplit: 1 }] });
  sum.columns = [{ header: '干部队伍结构分析', key: 'text', width: 90 }];
  styleHeader(sum);
  sum.addRow({ text: `统计时点：${s.asOf}；期间：${s.promotions.from} 至 ${s.promotions.to}；范围：${filterText(s)}` });
  for (const line of s.sentences) sum.addRow({ text: line });

  const ws = wb.addWorksheet('结构统计', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '维度', key: 'dim', width: 24 },
    { header: '类别', key: 'label', width: 22 },
    { header: '人数', key: 'count', width: 10 },
    { header: '占比(%)', key: 'share', width: 10 },
  ];
  styleHeader(ws);
  for (const d of Object.values(s.dimensions)) {
    for (const b of d.buckets) ws.addRow({ dim: d.title, label: b.label, count: b.count, share: pct(b.share) });
    ws.addRow({ dim: d.title, label: '合计', count: d.total, share: d.total ? 100 : 0 }).font = { bold: true };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 4 } };

  const y = wb.addWorksheet('年轻干部', { views: [{ state: 'frozen', ySplit: 1 }] });
  y.columns = [
    { header: '职务层次/层级', key: 'label', width: 18 },
    { header: '年轻干部标准(岁及以下)', key: 'threshold', width: 22 },
    { header: '干部数', key: 'total', width: 10 },
    { header: '年轻干部数', key: 'count', width: 12 },
    { header: '占比(%)', key: 'share', width: 10 },
  ];
  styleHeader(y);
  for (const r of [...s.young.byTier, ...s.young.byLevel]) y.addRow({ label: r.label, threshold: r.threshold ?? '按层次', total: r.total, count: r.count, share: pct(r.share) });
  y.addRow({ label: '合计', threshold: '', total: s.young.total, count: s.young.count, share: pct(s.young.share) }).font = { bold: true };

  const p = wb.addWorksheet('提拔与新进', { views: [{ state: 'frozen', ySplit: 1 }] });
  p.columns = [
    { header: '项目', key: 'item', width: 26 },
    { header: '类别', key: 'label', width: 20 },
    { header: '人数', key: 'count', width: 10 },
    { header: '占比(%)', key: 'share', width: 10 },
  ];
  styleHeader(p);
  const add = (item: string, bs: Bucket[]) => bs.forEach((b) => p.addRow({ item, label: b.label, count: b.count, share: pct(b.share) }));
  p.addRow({ item: `提拔（${s.promotions.from}至${s.promotions.to}）`, label: '合计', count: s.promotions.total, share: s.promotions.total ? 100 : 0 });
  p.addRow({ item: '其中年轻干部', label: '', count: s.promotions.young, share: pct(s.promotions.youngShare) });
  add('提拔：按提拔后职务层次', s.promotions.byLevel);
  p.addRow({ item: `新进干部（${s.intake.from}至${s.intake.to}）`, label: '合计', count: s.intake.total, share: s.intake.total ? 100 : 0 });
  p.addRow({ item: `其中${s.intake.youngUnderAge}岁及以下`, label: `目标≥${formatPercent(s.intake.minYoungShare, 0)}`, count: s.intake.young, share: pct(s.intake.youngShare) });
  add('新进：按进入渠道', s.intake.byChannel);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

const esc = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** a printable A4 report for a meeting (上会材料): the figures as the documents phrase them, then the tables */
export function structureReportHtml(s: StructureResult, title = '干部队伍结构分析报告'): string {
  const table = (caption: string, head: string[], rows: (string | number)[][]) =>
    `<table><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((c, i) => `<td${i ? ' class="num"' : ''}>${esc(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const dims = Object.values(s.dimensions)
    .map((d) => table(d.title, ['类别', '人数', '占比'], [...d.buckets.map((b) => [b.label, b.count, formatPercent(b.share)]), ['合计', d.total, d.total ? '100.0%' : '—']]))
    .join('\n');
  const young = table(
    '年轻干部（按层级、层次）',
    ['层级/层次', '标准', '干部数', '年轻干部', '占比'],
    [...s.young.byTier, ...s.young.byLevel].map((r) => [r.label, r.threshold != null ? `${r.threshold}岁及以下` : '按层次', r.total, r.count, formatPercent(r.share)]),
  );
  const promo = table(
    `提拔使用（${s.promotions.from}至${s.promotions.to}）`,
    ['提拔后职务层次', '人数', '占比'],
    [...s.promotions.byLevel.map((b) => [b.label, b.count, formatPercent(b.share)]), ['合计', s.promotions.total, s.promotions.total ? '100.0%' : '—'], ['其中年轻干部', s.promotions.young, formatPercent(s.promotions.youngShare)]],
  );
  const intake = table(
    `新进干部（${s.intake.from}至${s.intake.to}）`,
    ['进入渠道', '人数', '占比'],
    [...s.intake.byChannel.map((b) => [b.label, b.count, formatPercent(b.share)]), ['合计', s.intake.total, s.intake.total ? '100.0%' : '—']],
  );
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
  @page { size: A4; margin: 20mm 18mm; }
  body { font-family: "FangSong", "仿宋", "STFangsong", "Songti SC", serif; font-size: 12pt; color: #000; max-width: 174mm; margin: 0 auto; line-height: 1.6; }
  h1 { font-family: "SimHei", "黑体", "Heiti SC", sans-serif; font-size: 20pt; text-align: center; margin: 0 0 4mm; }
  .meta { text-align: center; font-size: 10.5pt; margin-bottom: 6mm; }
  h2 { font-family: "SimHei", "黑体", sans-serif; font-size: 14pt; margin: 6mm 0 2mm; }
  ol.points li { margin: 1mm 0; }
  table { border-collapse: collapse; width: 100%; margin: 3mm 0 5mm; font-size: 10.5pt; page-break-inside: avoid; }
  caption { font-weight: bold; text-align: left; padding-bottom: 1mm; }
  th, td { border: 0.5pt solid #000; padding: 1mm 2mm; }
  th { background: #f0f0f0; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .grid { columns: 2; column-gap: 8mm; }
  .grid table { break-inside: avoid; }
  @media print { .noprint { display: none; } }
</style></head>
<body>
<p class="noprint"><button onclick="window.print()">打印</button></p>
<h1>${esc(title)}</h1>
<p class="meta">统计时点：${esc(s.asOf)}　统计范围：${esc(filterText(s))}　干部总数：${s.total}人</p>
<h2>一、总体情况</h2>
<ol class="points">${s.sentences.map((l) => `<li>${esc(l)}。</li>`).join('')}</ol>
<h2>二、结构分布</h2>
<div class="grid">${dims}</div>
<h2>三、年轻干部</h2>
${young}
<h2>四、提拔使用与新进干部</h2>
${promo}
${intake}
</body></html>`;
}
