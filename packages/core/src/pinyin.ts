/**
 * Lower-case pinyin initials of a name for quick search (张三 → zs, 欧阳娜娜 → oynn).
 * Uses pinyin-pro's surname mode so 多音字 surnames read as surnames: 单 shan → s,
 * 曾 zeng → z, 解 xie → x, 仇 qiu → q, 区 ou → o, 查 zha → z, 尉迟 yuchi → yc, 万俟 moqi → mq.
 * Latin letters and digits are kept (lower-cased); other characters (·, spaces) are dropped.
 */
import { pinyin } from 'pinyin-pro';

export function pinyinInitials(name: string): string {
  if (!name) return '';
  const trimmed = name.trim();
  if (!trimmed) return '';
  const parts = pinyin(trimmed, { pattern: 'first', toneType: 'none', surname: 'head', type: 'array' });
  return parts
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Full toneless pinyin without spaces (张三 → zhangsan), surname-aware. */
export function pinyinFull(name: string): string {
  if (!name || !name.trim()) return '';
  return pinyin(name.trim(), { toneType: 'none', surname: 'head', type: 'array', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
