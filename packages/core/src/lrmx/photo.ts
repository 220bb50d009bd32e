/**
 * Photo sanitising without an image library: accept only JPEG and PNG by their magic bytes, walk the
 * file structure, drop metadata (JPEG APP1/EXIF, XMP, comments; PNG text/time/EXIF chunks) and
 * anything after the end marker (JPEG EOI, PNG IEND). Pure (no I/O, no image library): the server then
 * re-encodes the pixels (packages/server/src/files/photo.ts) before anything is stored.
 */

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

export type PhotoResult =
  | { ok: true; mime: 'image/jpeg' | 'image/png'; bytes: Uint8Array; removed: string[] }
  | { ok: false; code: string; zh: string; en: string };

const bad = (code: string, zh: string, en: string): PhotoResult => ({ ok: false, code, zh, en });

export function sanitizePhoto(input: Uint8Array, maxBytes = PHOTO_MAX_BYTES): PhotoResult {
  if (input.length > maxBytes) return bad('photo_too_large', `照片超过 ${Math.round(maxBytes / 1024)} KB 上限`, `photo exceeds ${Math.round(maxBytes / 1024)} KB`);
  if (input.length > 3 && input[0] === 0xff && input[1] === 0xd8 && input[2] === 0xff) return jpeg(input);
  if (input.length > 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => input[i] === b)) return png(input);
  return bad('photo_format', '照片不是 JPEG 或 PNG 图像', 'photo is neither a JPEG nor a PNG image');
}

// markers kept: SOFn, DHT, DQT, DRI, SOS, APP0 (JFIF), APP2 (ICC profile), APP14 (Adobe colour transform)
const JPEG_DROP = (m: number) => (m >= 0xe1 && m <= 0xef && m !== 0xe2 && m !== 0xee) || m === 0xfe;
const JPEG_NAMES: Record<number, string> = { 0xe1: 'EXIF/XMP', 0xfe: 'comment' };

function jpeg(b: Uint8Array): PhotoResult {
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  const removed: string[] = [];
  let i = 2;
  for (;;) {
    if (i + 2 > b.length || b[i] !== 0xff) return bad('photo_corrupt', 'JPEG 照片结构损坏', 'JPEG photo is corrupt');
    const m = b[i + 1];
    if (m === 0xff) {
      i++;
      continue;
    }
    if (m === 0xd9) {
      parts.push(b.subarray(i, i + 2));
      if (i + 2 < b.length) removed.push(`${b.length - i - 2} bytes after the end marker`);
      break;
    }
    const len = i + 4 <= b.length ? (b[i + 2] << 8) | b[i + 3] : 0;
    if (len < 2 || i + 2 + len > b.length) return bad('photo_corrupt', 'JPEG 照片结构损坏', 'JPEG photo is corrupt');
    const seg = b.subarray(i, i + 2 + len);
    if (JPEG_DROP(m)) removed.push(JPEG_NAMES[m] ?? `APP${m - 0xe0}`);
    else parts.push(seg);
    i += 2 + len;
    if (m === 0xda) {
      // entropy-coded data: up to the next marker that is not a stuffed byte (FF00) nor RSTn
      let j = i;
      while (j + 1 < b.length && !(b[j] === 0xff && b[j + 1] !== 0x00 && !(b[j + 1] >= 0xd0 && b[j + 1] <= 0xd7))) j++;
      if (j + 1 >= b.length) return bad('photo_corrupt', 'JPEG 照片缺少结束标记', 'JPEG photo has no end marker');
      parts.push(b.subarray(i, j));
      i = j;
    }
  }
  return { ok: true, mime: 'image/jpeg', bytes: concat(parts), removed };
}

const PNG_DROP = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function png(b: Uint8Array): PhotoResult {
  const parts: Uint8Array[] = [b.subarray(0, 8)];
  const removed: string[] = [];
  let i = 8;
  for (;;) {
    if (i + 12 > b.length) return bad('photo_corrupt', 'PNG 照片结构损坏', 'PNG photo is corrupt');
    const len = ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];
    const type = String.fromCharCode(b[i + 4], b[i + 5], b[i + 6], b[i + 7]);
    const end = i + 12 + len;
    if (end > b.length) return bad('photo_corrupt', 'PNG 照片结构损坏', 'PNG photo is corrupt');
    if (PNG_DROP.has(type)) removed.push(type);
    else parts.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') {
      if (i < b.length) removed.push(`${b.length - i} bytes after IEND`);
      break;
    }
  }
  return { ok: true, mime: 'image/png', bytes: concat(parts), removed };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
