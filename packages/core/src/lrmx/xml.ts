/**
 * XML safety and a small, non-expanding reader for the flat LRMX document.
 *
 * - `checkXmlSafety` refuses DOCTYPE / ENTITY declarations (XXE, billion laughs) and any other
 *   `<!…>` markup except comments and CDATA, before anything parses the text;
 * - well-formedness is checked by fast-xml-parser's `XMLValidator` (no entity processing);
 * - `readTree` then walks the validated text and keeps, for every element, the exact inner text as
 *   it stands in the file (entity references, CDATA sections and CR/LF untouched): that is what
 *   makes a byte-equal re-export possible. Nothing is ever expanded except the five predefined
 *   entities and numeric character references, in `xmlText` (for the structured values).
 */
import { XMLValidator } from 'fast-xml-parser';

export const LRMX_MAX_BYTES = 5 * 1024 * 1024;

export interface XmlProblem {
  code: string;
  zh: string;
  en: string;
}

export function checkXmlSafety(xml: string, maxBytes = LRMX_MAX_BYTES): XmlProblem | null {
  if (xml.length > maxBytes / 3 && Buffer.byteLength(xml, 'utf8') > maxBytes) {
    return { code: 'too_large', zh: `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB 上限`, en: `file exceeds the ${Math.round(maxBytes / 1024 / 1024)} MB limit` };
  }
  if (/<!DOCTYPE/i.test(xml)) return { code: 'doctype_refused', zh: '文件含 DOCTYPE 声明，出于安全原因拒绝解析', en: 'DOCTYPE declarations are refused (XXE / entity expansion)' };
  if (/<!ENTITY/i.test(xml)) return { code: 'entity_refused', zh: '文件含 ENTITY 实体声明，出于安全原因拒绝解析', en: 'ENTITY declarations are refused (XXE / entity expansion)' };
  // any other markup declaration (<!ELEMENT, <!ATTLIST, <!NOTATION …) — only comments and CDATA may start with <!
  const decl = /<!(?!--|\[CDATA\[)/.exec(xml);
  if (decl) return { code: 'declaration_refused', zh: '文件含不允许的 XML 声明', en: 'XML markup declarations are refused' };
  // processing instructions other than the XML declaration (e.g. xml-stylesheet)
  const pis = xml.match(/<\?[^?]*\?>/g) ?? [];
  if (pis.some((p, i) => !(i === 0 && /^<\?xml\s/i.test(p) && xml.trimStart().startsWith(p)))) {
    return { code: 'pi_refused', zh: '文件含不允许的处理指令', en: 'processing instructions other than the XML declaration are refused' };
  }
  return null;
}

export function validateXml(xml: string): XmlProblem | null {
  const r = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (r === true) return null;
  const e = r.err;
  return { code: 'xml_malformed', zh: `XML 格式错误（第 ${e.line} 行第 ${e.col} 列）：${e.msg}`, en: `malformed XML (line ${e.line}, column ${e.col}): ${e.msg}` };
}

export interface XmlNode {
  name: string;
  /** exact inner text (source slice) */
  inner: string;
  children: XmlNode[];
}

/** Element tree of an already validated, declaration-free document; the root element is returned. */
export function readTree(xml: string): XmlNode | null {
  const stack: { node: XmlNode; innerStart: number }[] = [];
  let root: XmlNode | null = null;
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const e = xml.indexOf('-->', lt + 4);
      i = e < 0 ? n : e + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt + 9);
      i = e < 0 ? n : e + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const e = xml.indexOf('?>', lt + 2);
      i = e < 0 ? n : e + 2;
      continue;
    }
    // find the end of the tag, skipping quoted attribute values
    let j = lt + 1;
    let q: string | null = null;
    while (j < n) {
      const c = xml[j];
      if (q) {
        if (c === q) q = null;
      } else if (c === '"' || c === "'") q = c;
      else if (c === '>') break;
      j++;
    }
    const tag = xml.slice(lt + 1, j);
    i = j + 1;
    if (tag.startsWith('/')) {
      const top = stack.pop();
      if (top) top.node.inner = xml.slice(top.innerStart, lt);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const name = /^[^\s/>]+/.exec(tag)?.[0] ?? '';
    const node: XmlNode = { name, inner: '', children: [] };
    if (stack.length) stack[stack.length - 1].node.children.push(node);
    else if (!root) root = node;
    if (!selfClosing) stack.push({ node, innerStart: i });
  }
  return root;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character data of a leaf element's inner text: CDATA unwrapped, predefined and numeric references decoded. */
export function xmlText(inner: string): { text: string; unknownEntity?: string } {
  let unknownEntity: string | undefined;
  let out = '';
  let i = 0;
  while (i < inner.length) {
    const c = inner.indexOf('<![CDATA[', i);
    const seg = c < 0 ? inner.slice(i) : inner.slice(i, c);
    out += seg.replace(/\r\n?/g, '\n').replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z_][\w.-]*);/g, (m, ref: string) => {
      if (ref[0] === '#') {
        const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
      }
      if (ref in PREDEFINED) return PREDEFINED[ref];
      unknownEntity ??= m;
      return m;
    });
    if (c < 0) break;
    const e = inner.indexOf(']]>', c + 9);
    out += inner.slice(c + 9, e < 0 ? inner.length : e);
    i = e < 0 ? inner.length : e + 3;
  }
  return unknownEntity ? { text: out, unknownEntity } : { text: out };
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
