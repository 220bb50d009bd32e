/**
 * A small, fast .xlsx reader for imports: the archive is inflated with the same zip-bomb and
 * path checks as LRMX zips, XML parts with DOCTYPE/ENTITY are refused, and the first (or the named)
 * worksheet is read with shared strings, inline strings and date-formatted numbers (→ `YYYY.MM.DD`).
 * Every cell comes back as text. (exceljs' streaming reader garbles CJK text at chunk boundaries.)
 */
import { checkXmlSafety } from '@cadre/core';
import { HttpError } from '../../http/errors';
import { readZip } from './zip';

export const XLSX_LIMITS = { fileBytes: 400 * 1024 * 1024, zipEntries: 2000, zipTotalBytes: 600 * 1024 * 1024 };

const ENT: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescape = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, r: string) =>
    r[0] === '#' ? String.fromCodePoint(r[1] === 'x' || r[1] === 'X' ? parseInt(r.slice(2), 16) : parseInt(r.slice(1), 10)) : ENT[r],
  );
/** text of <si>/<is>: all <t> except phonetic runs */
const richText = (xml: string) => {
  let out = '';
  const cleaned = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  for (const m of cleaned.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ? unescape(m[1]) : '';
  return out;
};
const attr = (attrs: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

function colIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function serialToDate(v: number): string {
  const ms = Math.round((v - 25569) * 86400 * 1000);
  const d = new Date(ms);
  return `${d.getUTCFullYear()}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${String(d.getUTCDate()).padStart(2, '0')}`;
}

export interface SheetRow {
  number: number;
  values: string[];
}

export function readXlsx(buf: Uint8Array, sheetName?: string): { sheet: string; rows: SheetRow[] } {
  const { entries } = readZip(buf, XLSX_LIMITS, (n) => /\.(xml|rels)$/i.test(n));
  const files = new Map(entries.map((e) => [e.name.replace(/^\/+/, ''), e.data]));
  const text = (name: string): string | null => {
    const d = files.get(name);
    if (!d) return null;
    const s = new TextDecoder('utf-8').decode(d);
    const bad = checkXmlSafety(s, XLSX_LIMITS.fileBytes);
    if (bad) throw new HttpError(400, bad.code, `Excel 文件中的 ${name}：${bad.zh}`, `${name} in the workbook: ${bad.en}`);
    return s;
  };
  const wbXml = text('xl/workbook.xml');
  if (!wbXml) throw new HttpError(400, 'not_xlsx', '上传的不是 .xlsx 文件（缺少 xl/workbook.xml）', 'the upload is not an .xlsx workbook (no xl/workbook.xml)');
  const sheets = [...wbXml.matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => ({ name: unescape(attr(m[1], 'name') ?? ''), rid: attr(m[1], 'r:id') ?? '' }));
  const target = sheetName ? sheets.find((s) => s.name === sheetName) : sheets[0];
  if (!target) throw new HttpError(400, 'no_sheet', `找不到工作表${sheetName ? `“${sheetName}”` : ''}`, `worksheet ${sheetName ?? ''} not found`);
  const rels = text('xl/_rels/workbook.xml.rels') ?? '';
  const rel = [...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => ({ id: attr(m[1], 'Id'), target: attr(m[1], 'Target') ?? '' })).find((r) => r.id === target.rid);
  const path = rel ? (rel.target.startsWith('/') ? rel.target.slice(1) : `xl/${rel.target.replace(/^\.\//, '')}`) : 'xl/worksheets/sheet1.xml';
  const sheetXml = text(path);
  if (!sheetXml) throw new HttpError(400, 'no_sheet', '工作表内容缺失', 'worksheet part missing');

  const sst = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => (m[1] ? richText(m[1]) : ''));
  // date styles: built-in number formats 14–22, 45–47 and custom formats with y/m/d (not only [h]:mm)
  const styles = text('xl/styles.xml') ?? '';
  const custom = new Map([...styles.matchAll(/<numFmt\b([^>]*)\/?>/g)].map((m) => [Number(attr(m[1], 'numFmtId')), unescape(attr(m[1], 'formatCode') ?? '')]));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const dateStyle = [...xfs.matchAll(/<xf\b([^>]*)/g)].map((m) => {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
    const f = custom.get(id);
    return !!f && /[ymd]/i.test(f.replace(/\[[^\]]*\]|"[^"]*"/g, ''));
  });

  const rows: SheetRow[] = [];
  let auto = 0;
  for (const rm of sheetXml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const number = Number(attr(rm[1], 'r') ?? ++auto);
    auto = number;
    const values: string[] = [];
    let next = 0;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const a = cm[1];
      const ref = attr(a, 'r');
      const col = ref ? colIndex(ref) : next;
      next = col + 1;
      const body = cm[2] ?? '';
      const t = attr(a, 't');
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let out = '';
      if (t === 's') out = sst[Number(v)] ?? '';
      else if (t === 'inlineStr') out = richText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (t === 'str' || t === 'e') out = v !== undefined ? unescape(v) : '';
      else if (t === 'b') out = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
      else if (v !== undefined) {
        const s = attr(a, 's');
        out = s !== undefined && dateStyle[Number(s)] && !Number.isNaN(Number(v)) ? serialToDate(Number(v)) : unescape(v);
      }
      values[col] = out.trim();
    }
    for (let i = 0; i < values.length; i++) values[i] ??= '';
    rows.push({ number, values });
  }
  return { sheet: target.name, rows };
}
