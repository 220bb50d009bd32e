/**
 * Safe reading of uploaded archives and text files.
 *
 * Zip bombs: every entry's declared size is checked before inflating, and the bytes actually
 * produced are counted while inflating (per entry and in total) — the first limit crossed stops
 * the whole archive. Entry names with `..` segments, absolute paths, drive letters or NUL are
 * refused (the whole archive), so nothing downstream ever sees a hostile path.
 */
import { inflateRawSync } from 'node:zlib';
import { HttpError, type FieldIssue } from '../../http/errors';

export const LIMITS = {
  /** request body (compressed upload) */
  uploadBytes: 200 * 1024 * 1024,
  /** one .lrmx file */
  fileBytes: 5 * 1024 * 1024,
  /** files in one zip */
  zipEntries: 10_000,
  /** sum of uncompressed sizes in one zip */
  zipTotalBytes: 512 * 1024 * 1024,
  /** one .xlsx upload */
  xlsxBytes: 60 * 1024 * 1024,
  /** rows in one Excel import */
  xlsxRows: 100_000,
  /** how long a preview stays available for commit */
  previewTtlMs: 30 * 60 * 1000,
  /** previews kept per user (older ones are dropped) */
  previewsPerUser: 3,
};

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const unsafe = (code: string, zh: string, en: string, path = '(file)') =>
  new HttpError(400, code, zh, en, [{ path, code, message: zh, messageEn: en } satisfies FieldIssue]);

export function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06);
}

export function checkEntryName(name: string): string | null {
  const n = name.replace(/\\/g, '/');
  if (n.includes('\0')) return 'NUL in the name';
  if (n.startsWith('/') || /^[A-Za-z]:/.test(n)) return 'absolute path';
  if (n.split('/').some((seg) => seg === '..')) return 'parent directory (..)';
  return null;
}

/** Inflates an archive within LIMITS; throws HttpError 400 for unsafe or oversized archives. */
type ZipLimits = { fileBytes: number; zipEntries: number; zipTotalBytes: number };
const isLrmxEntry = (name: string) => {
  const base = name.split('/').pop() ?? '';
  return /\.(lrmx|lrm|xml)$/i.test(base) && !name.startsWith('__MACOSX/') && !base.startsWith('._');
};

export function readZip(buf: Uint8Array, limits: ZipLimits = LIMITS, accept: (name: string) => boolean = isLrmxEntry): { entries: ZipEntry[]; skipped: string[] } {
  const corrupt = (why: string) => unsafe('zip_corrupt', '压缩包损坏或不是 zip 格式', `corrupt archive: ${why}`);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // end of central directory: the last PK\x05\x06 within 64 KB + 22 bytes of the end
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end of central directory');
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || p === 0xffffffff) throw unsafe('zip_unsupported', '不支持 ZIP64 压缩包', 'ZIP64 archives are not supported');
  const names = new Set<string>();
  const todo: { name: string; method: number; comp: number; size: number; local: number }[] = [];
  const skipped: string[] = [];
  let declared = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || dv.getUint32(p, true) !== 0x02014b50) throw corrupt('bad central directory');
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const comp = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nl = dv.getUint16(p + 28, true), el = dv.getUint16(p + 30, true), cl = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'gb18030').decode(buf.subarray(p + 46, p + 46 + nl));
    p += 46 + nl + el + cl;
    const bad = checkEntryName(name);
    if (bad) throw unsafe('zip_path_traversal', `压缩包中的文件名不安全（${bad}）：${name}`, `unsafe entry name in the archive (${bad}): ${name}`, name);
    if (name.endsWith('/')) continue;
    if (!accept(name)) {
      skipped.push(name);
      continue;
    }
    if (names.has(name)) throw unsafe('zip_duplicate', `压缩包中有重名文件：${name}`, `duplicate entry name: ${name}`, name);
    names.add(name);
    if (flags & 1) throw unsafe('zip_encrypted', `压缩包中的文件已加密：${name}`, `encrypted entry: ${name}`, name);
    if (method !== 0 && method !== 8) throw unsafe('zip_unsupported', `不支持的压缩方式（${method}）：${name}`, `unsupported compression method ${method}: ${name}`, name);
    if (todo.length + 1 > limits.zipEntries) throw unsafe('zip_too_many', `压缩包中的文件超过 ${limits.zipEntries} 个`, `the archive holds more than ${limits.zipEntries} files`);
    if (size > limits.fileBytes) {
      throw unsafe('zip_entry_too_large', `压缩包中的文件 ${name} 解压后超过 ${limits.fileBytes / 1024 / 1024} MB`, `${name} declares ${size} bytes uncompressed, over the ${limits.fileBytes} byte limit`, name);
    }
    declared += size;
    if (declared > limits.zipTotalBytes) throw unsafe('zip_too_large', `压缩包解压后总大小超过 ${limits.zipTotalBytes / 1024 / 1024} MB`, `the archive declares more than ${limits.zipTotalBytes} bytes uncompressed`);
    todo.push({ name, method, comp, size, local });
  }
  const entries: ZipEntry[] = [];
  let total = 0;
  for (const e of todo) {
    if (e.local + 30 > buf.length || dv.getUint32(e.local, true) !== 0x04034b50) throw corrupt(`bad local header of ${e.name}`);
    const start = e.local + 30 + dv.getUint16(e.local + 26, true) + dv.getUint16(e.local + 28, true);
    if (start + e.comp > buf.length) throw corrupt(`truncated entry ${e.name}`);
    const raw = buf.subarray(start, start + e.comp);
    const tooBig = (n: number) =>
      unsafe('zip_entry_too_large', `压缩包中的文件 ${e.name} 解压后超过 ${limits.fileBytes / 1024 / 1024} MB（声明大小不实）`, `${e.name} inflates past the ${limits.fileBytes} byte limit (its declared size ${e.size} is false)`, e.name);
    let data: Uint8Array;
    if (e.method === 0) {
      if (raw.length > limits.fileBytes) throw tooBig(raw.length);
      data = raw;
    } else {
      // zlib stops at maxOutputLength: the bytes really produced are bounded, whatever the header says
      try {
        data = inflateRawSync(raw, { maxOutputLength: limits.fileBytes });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig(limits.fileBytes);
        throw corrupt(`${e.name}: ${(err as Error).message}`);
      }
    }
    if (total + data.length > limits.zipTotalBytes) {
      throw unsafe('zip_too_large', `压缩包解压后总大小超过 ${limits.zipTotalBytes / 1024 / 1024} MB`, `the archive inflates past ${limits.zipTotalBytes} bytes`);
    }
    total += data.length;
    entries.push({ name: e.name, data });
  }
  return { entries, skipped };
}

/** bytes → text: UTF-8 (BOM stripped), UTF-16 by BOM, else GB18030 when the bytes are not UTF-8 */
export function decodeText(b: Uint8Array): { text: string; encoding: string } {
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'UTF-16LE' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(b), encoding: 'GB18030' };
  }
}
