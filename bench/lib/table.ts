/** Plain-text table printer; column widths account for CJK characters (two columns each). */

export type Cell = string | number | null | undefined;
export type Align = 'left' | 'right';

/** display width in a terminal: East Asian wide / full-width characters take two columns */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'right' ? fill + s : s + fill;
}

/**
 * Format rows as a table. `align` gives one entry per column; by default a column is right-aligned
 * when every non-empty cell in it is a number (or looks like one: "12.3", "1.5×").
 */
export function formatTable(headers: string[], rows: Cell[][], align?: Align[]): string {
  const text = rows.map((r) => headers.map((_, i) => (r[i] == null ? '' : String(r[i]))));
  const numeric = (i: number) => text.every((r) => r[i] === '' || /^[-+]?[\d.,]+\s*(×|ms|%|req\/s)?$/.test(r[i]));
  const al = headers.map((_, i) => align?.[i] ?? (numeric(i) ? 'right' : 'left'));
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...text.map((r) => displayWidth(r[i]))));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => pad(c, widths[i], al[i])).join(' | ') + ' |';
  const sep = '|' + widths.map((w, i) => (al[i] === 'right' ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|';
  return [line(headers), sep, ...text.map(line)].join('\n');
}

export function printTable(title: string | null, headers: string[], rows: Cell[][], align?: Align[]): void {
  if (title) console.log(`\n${title}`);
  console.log(formatTable(headers, rows, align));
}
