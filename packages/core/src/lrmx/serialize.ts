/** serializeLrmx: person → LRMX XML in the official element order (verbatim text where unchanged). */
import { FAMILY_FIELDS, LRMX_FIELDS, LRMX_OPTIONAL } from './fields';
import type { LrmxPerson } from './person';
import { canonicalTexts, elementText } from './record';
import { escapeXml } from './xml';

export function serializeLrmx(p: LrmxPerson): string {
  const canon = canonicalTexts(p);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<Person>'];
  for (const [name] of LRMX_FIELDS) {
    if (name === 'JiaTingChengYuan') {
      lines.push('  <JiaTingChengYuan>');
      p.family.forEach((_, i) => {
        lines.push('    <Item>');
        for (const [f] of FAMILY_FIELDS) lines.push(`      <${f}>${elementText(p, `JiaTingChengYuan.${i}.${f}`, canon)}</${f}>`);
        lines.push('    </Item>');
      });
      lines.push('  </JiaTingChengYuan>');
      continue;
    }
    if (LRMX_OPTIONAL.has(name) && p.extra[name] === undefined && p.source.raw[name] === undefined) continue;
    lines.push(`  <${name}>${elementText(p, name, canon)}</${name}>`);
  }
  // elements the registry does not know, kept from the source file
  const known = new Set<string>(LRMX_FIELDS.map((f) => f[0]));
  for (const [path, raw] of Object.entries(p.source.raw)) {
    if (!path.includes('.') && !known.has(path) && /^[A-Za-z_][\w-]*$/.test(path)) lines.push(`  <${path}>${raw}</${path}>`);
  }
  lines.push('</Person>', '');
  return lines.join('\n');
}

export { escapeXml };
