/**
 * Photos (照片) are re-encoded before they are stored: decoded by libvips (sharp) with a pixel limit,
 * turned upright, fitted into 600×800, flattened onto white and written as a fresh baseline JPEG —
 * nothing of the uploaded file but its pixels survives (no metadata, no trailing bytes, no polyglot
 * payload, no second image). Core's sanitizePhoto has already checked the magic bytes and the structure.
 */
import sharp, { type OutputInfo } from 'sharp';

/** decoding refuses images above this many pixels (a decompression bomb in a small file) */
export const PHOTO_MAX_PIXELS = 40_000_000;
/** stored photos fit into this box (a 一寸/二寸 ID photo is far smaller; larger scans are scaled down) */
export const PHOTO_BOX = { width: 600, height: 800 } as const;
const QUALITY = 88;

export type Reencoded =
  | { ok: true; dataUrl: string; bytes: number; width: number; height: number; warning?: { code: string; zh: string; en: string } }
  | { ok: false; code: string; zh: string; en: string };

// libvips' own thread pool would compete with the event loop on a 2-core machine; one thread per image
sharp.concurrency(1);
sharp.cache(false);

/** a `data:image/(png|jpeg|webp);base64,…` URL → a re-encoded JPEG data URL, or why not */
export async function reencodePhoto(dataUrl: string): Promise<Reencoded> {
  const m = /^data:image\/(png|jpeg|webp);base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  if (!m) return { ok: false, code: 'photo_format', zh: '照片不是 JPEG、PNG 或 WebP 图像', en: 'the photo is not a JPEG, PNG or WebP image' };
  const input = Buffer.from(m[2], 'base64');
  const encode = (failOn: 'warning' | 'error') =>
    sharp(input, { limitInputPixels: PHOTO_MAX_PIXELS, failOn })
      .rotate()
      .resize({ ...PHOTO_BOX, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: QUALITY })
      .toBuffer({ resolveWithObject: true });
  const done = ({ data, info }: { data: Buffer; info: OutputInfo }) =>
    ({ ok: true, dataUrl: `data:image/jpeg;base64,${data.toString('base64')}`, bytes: data.length, width: info.width, height: info.height }) as const;
  try {
    return done(await encode('warning'));
  } catch (strict) {
    // a decoder warning (corrupt scan data, a short scan): the photo decodes but part of it may be grey —
    // it is stored as decoded and the user is told; an error (truncated, too many pixels, not an image) rejects
    try {
      const r = done(await encode('error'));
      const why = reason(strict);
      return { ...r, warning: { code: 'photo_damaged', zh: `照片数据有损坏，已按可解码部分保存，请核对（${why}）`, en: `the photo data is damaged; what could be decoded was stored, please check it (${why})` } };
    } catch (e) {
      const why = reason(e);
      return { ok: false, code: 'photo_undecodable', zh: `照片无法解码（${why}）`, en: `the photo cannot be decoded (${why})` };
    }
  }
}

const reason = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : String(e));

/** re-encode many photos: each distinct input once, at most `concurrency` at a time; input → result */
export async function reencodePhotos(dataUrls: Iterable<string>, concurrency = 2): Promise<Map<string, Reencoded>> {
  const todo = [...new Set(dataUrls)];
  const out = new Map<string, Reencoded>();
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const u = todo[next++];
      out.set(u, await reencodePhoto(u));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, todo.length)) }, worker));
  return out;
}
