/** parseLrmx: one .lrmx document → the structured person and a per-field report. */
import { normalizeIdNumber, validateIdNumber } from '../idcard';
import type { CodeSetId } from '../codes';
import { EXTRA_FIELDS, type LrmxFamilyMember, type LrmxIssue, type LrmxPerson } from './person';
import { FAMILY_FIELDS, LRMX_FIELDS, LRMX_MAX_FAMILY, fieldLabel } from './fields';
import { checkXmlSafety, readTree, validateXml, xmlText, LRMX_MAX_BYTES, type XmlNode } from './xml';
import { codeFromName, healthNameProblem, normalizeMarks, parseLrmxDate, suggestNames } from './text';
import { parseJianLiDetailed } from './jianli';
import { sanitizePhoto, PHOTO_MAX_BYTES } from './photo';
import { canonicalTexts } from './record';

export interface ParseOptions {
  maxBytes?: number;
  maxPhotoBytes?: number;
  /** bounds the dates (default today) */
  asOf?: string;
}

export interface ParseResult {
  person: LrmxPerson | null;
  issues: LrmxIssue[];
}

const KNOWN = new Set<string>(LRMX_FIELDS.map((f) => f[0]));
const FAMILY_KNOWN = new Set<string>(FAMILY_FIELDS.map((f) => f[0]));

export function parseLrmx(xml: string, opts: ParseOptions = {}): ParseResult {
  const issues: LrmxIssue[] = [];
  const fileError = (code: string, zh: string, en: string): ParseResult => ({ person: null, issues: [{ field: '(file)', code, severity: 'error', zh, en }] });
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  const unsafe = checkXmlSafety(text, opts.maxBytes ?? LRMX_MAX_BYTES);
  if (unsafe) return fileError(unsafe.code, unsafe.zh, unsafe.en);
  const malformed = validateXml(text);
  if (malformed) return fileError(malformed.code, malformed.zh, malformed.en);
  const root = readTree(text);
  if (!root || root.name !== 'Person') {
    return fileError('not_lrmx', `根元素应为 <Person>，实际为 <${root?.name ?? ''}>`, `the root element must be <Person>, found <${root?.name ?? ''}>`);
  }

  const raw: Record<string, string> = {};
  const val: Record<string, string> = {};
  const add = (path: string, node: XmlNode) => {
    if (node.children.length) {
      issues.push({ field: path, code: 'unexpected_children', severity: 'warning', zh: `${fieldLabel(path).zh}（${path}）含有子元素，已按空值处理`, en: `${path} has child elements; treated as empty` });
      return;
    }
    raw[path] = node.inner;
    const t = xmlText(node.inner);
    if (t.unknownEntity) issues.push({ field: path, code: 'unknown_entity', severity: 'error', zh: `${fieldLabel(path).zh}含未定义的实体引用 ${t.unknownEntity}`, en: `${path} contains the undefined entity reference ${t.unknownEntity}` });
    val[path] = t.text;
  };
  const seen = new Set<string>();
  let familyNodes: XmlNode[] = [];
  for (const node of root.children) {
    if (seen.has(node.name)) {
      issues.push({ field: node.name, code: 'duplicate_element', severity: 'error', zh: `元素 ${node.name} 出现多次`, en: `element ${node.name} occurs more than once` });
      continue;
    }
    seen.add(node.name);
    if (node.name === 'JiaTingChengYuan') {
      familyNodes = node.children;
      continue;
    }
    if (!KNOWN.has(node.name)) {
      issues.push({ field: node.name, code: 'unknown_element', severity: 'warning', zh: `未知元素 <${node.name}>，内容保留但不入库`, en: `unknown element <${node.name}>: kept for export, not imported` });
      if (!node.children.length) add(node.name, node);
      continue;
    }
    add(node.name, node);
  }
  for (const f of ['XingMing', 'XingBie', 'ChuShengNianYue', 'MinZu', 'CanJiaGongZuoShiJian']) {
    if (!(val[f] ?? '').trim()) {
      issues.push({ field: f, code: 'required', severity: 'error', zh: `${fieldLabel(f).zh}不能为空`, en: `${fieldLabel(f).en} is required` });
    }
  }

  const v = (f: string) => (val[f] ?? '').trim();
  const coded = (f: string, set: CodeSetId): string | null => {
    const s = v(f);
    if (!s) return null;
    const code = codeFromName(set, s);
    if (!code) {
      const suggestions = suggestNames(set, s);
      issues.push({ field: f, code: 'unknown_name', severity: 'error', zh: `${fieldLabel(f).zh}“${s}”不在代码集中，是否为：${suggestions.join('、')}？`, en: `${fieldLabel(f).en} "${s}" is not in the code set; did you mean ${suggestions.join(', ')}?`, suggestions });
      return null;
    }
    return code;
  };
  const dated = (f: string, required = false): string | null => {
    const s = v(f);
    if (!s) return null;
    const d = parseLrmxDate(s);
    if (!d) {
      issues.push({ field: f, code: 'bad_date', severity: 'error', zh: `${fieldLabel(f).zh}“${s}”不是可识别的日期（如 197501、1975.01、1975.01.24）`, en: `${fieldLabel(f).en} "${s}" is not a recognised date (e.g. 197501, 1975.01, 1975.01.24)` });
      return null;
    }
    if (d.precision === 'year') issues.push({ field: f, code: 'year_only', severity: 'warning', zh: `${fieldLabel(f).zh}只有年份，按 1 月处理`, en: `${fieldLabel(f).en} has a year only; January assumed` });
    if (opts.asOf && d.iso > opts.asOf) issues.push({ field: f, code: 'future', severity: 'error', zh: `${fieldLabel(f).zh}（${s}）晚于今天`, en: `${fieldLabel(f).en} ${s} is in the future` });
    return d.iso;
  };

  // 入党时间: a date, a party name, or both (`199806；民盟`)
  let political: string | null = null;
  let partyJoinDate: string | null = null;
  const party = v('RuDangShiJian');
  if (party) {
    const parts = party.split(/[；;，,、\s]+/).filter(Boolean);
    for (const p of parts) {
      const d = parseLrmxDate(p.replace(/[（(].*[)）]$/, ''));
      if (d && !partyJoinDate) {
        partyJoinDate = d.iso;
        const note = /[（(](.*)[)）]$/.exec(p)?.[1];
        if (note && /预备/.test(note)) political = '02';
        continue;
      }
      const code = codeFromName('political', p.replace(/^[（(]|[)）]$/g, ''));
      if (code) political = code;
      else {
        const suggestions = suggestNames('political', p);
        issues.push({ field: 'RuDangShiJian', code: 'unknown_name', severity: 'error', zh: `入党时间中的“${p}”既不是日期也不是党派名称，是否为：${suggestions.join('、')}？`, en: `"${p}" in RuDangShiJian is neither a date nor a party name; did you mean ${suggestions.join(', ')}?`, suggestions });
      }
    }
    if (partyJoinDate && !political) political = '01';
    if (partyJoinDate && political !== '01' && political !== '02') {
      issues.push({ field: 'RuDangShiJian', code: 'party_date_kept_as_text', severity: 'warning', zh: '民主党派等的加入时间不进入“入党时间”字段，仅在原文中保留', en: 'the joining date of a non-CPC party is not stored as 入党时间; it is kept in the source text' });
    }
  } else {
    political = '13';
    issues.push({ field: 'RuDangShiJian', code: 'political_inferred', severity: 'warning', zh: '入党时间为空，政治面貌按“群众”处理', en: 'RuDangShiJian is empty: political status taken as 群众 (no affiliation)' });
  }

  const edu = (prefix: 'QuanRiZhiJiaoYu' | 'ZaiZhiJiaoYu') => ({
    education: coded(`${prefix}_XueLi`, 'education'),
    degree: coded(`${prefix}_XueWei`, 'degree'),
    school: v(`${prefix}_XueLi_BiYeYuanXiaoXi`),
    degreeSchool: v(`${prefix}_XueWei_BiYeYuanXiaoXi`),
  });

  // 简历
  const jl = parseJianLiDetailed(val.JianLi ?? '');
  for (const p of jl.problems) issues.push({ field: 'JianLi', code: p.code, severity: 'warning', zh: p.zh, en: p.en });
  if ((val.JianLi ?? '').trim() && !jl.entries.length) issues.push({ field: 'JianLi', code: 'jianli_none', severity: 'warning', zh: '简历中没有可识别的条目，原文保留', en: 'no JianLi entry could be read; the text is kept as is' });

  // 家庭成员
  const family: LrmxFamilyMember[] = [];
  familyNodes.forEach((item, i) => {
    if (item.name !== 'Item') {
      issues.push({ field: `JiaTingChengYuan.${i}`, code: 'unknown_element', severity: 'warning', zh: `家庭成员中的未知元素 <${item.name}> 已忽略`, en: `unknown element <${item.name}> in JiaTingChengYuan ignored` });
      return;
    }
    const n = family.length;
    for (const c of item.children) {
      const path = `JiaTingChengYuan.${n}.${c.name}`;
      if (!FAMILY_KNOWN.has(c.name)) {
        issues.push({ field: path, code: 'unknown_element', severity: 'warning', zh: `家庭成员中的未知元素 <${c.name}> 已忽略`, en: `unknown element <${c.name}> in a family item ignored` });
        continue;
      }
      add(path, c);
    }
    const fv = (k: string) => v(`JiaTingChengYuan.${n}.${k}`);
    const relationText = fv('ChengWei');
    const member: LrmxFamilyMember = {
      relation: relationText ? coded(`JiaTingChengYuan.${n}.ChengWei`, 'relation') : null,
      name: fv('XingMing'),
      birthDate: dated(`JiaTingChengYuan.${n}.ChuShengRiQi`),
      political: coded(`JiaTingChengYuan.${n}.ZhengZhiMianMao`, 'political'),
      workUnitPost: fv('GongZuoDanWeiJiZhiWu'),
    };
    if (!member.name && !relationText) return; // an empty row of the form
    if (!member.name || !relationText) {
      issues.push({ field: `JiaTingChengYuan.${n}`, code: 'family_incomplete', severity: 'error', zh: `第 ${n + 1} 位家庭成员缺少称谓或姓名`, en: `family member ${n + 1} lacks a relation or a name` });
    }
    family.push(member);
  });
  if (family.length > LRMX_MAX_FAMILY) {
    issues.push({ field: 'JiaTingChengYuan', code: 'family_many', severity: 'warning', zh: `家庭成员 ${family.length} 人，超过审批表的 ${LRMX_MAX_FAMILY} 行`, en: `${family.length} family members, more than the ${LRMX_MAX_FAMILY} rows of the form` });
  }

  // 身份证号
  let idNumber = v('ShenFenZheng');
  if (idNumber) {
    const r = validateIdNumber(normalizeMarks(idNumber), opts.asOf);
    if (!r.ok) issues.push({ field: 'ShenFenZheng', code: 'bad_id', severity: 'error', zh: r.reason.zh, en: r.reason.en });
    else idNumber = r.idNumber;
  } else idNumber = '';

  // 照片
  let photo: LrmxPerson['photo'] = null;
  const b64 = (val.ZhaoPian ?? '').replace(/\s+/g, '');
  if (b64) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length > Math.ceil(((opts.maxPhotoBytes ?? PHOTO_MAX_BYTES) * 4) / 3) + 4) {
      issues.push({ field: 'ZhaoPian', code: /^[A-Za-z0-9+/]+={0,2}$/.test(b64) ? 'photo_too_large' : 'photo_base64', severity: 'error', zh: '照片不是有效的 base64 图像或超过大小上限', en: 'the photo is not valid base64 or exceeds the size limit' });
    } else {
      const r = sanitizePhoto(Buffer.from(b64, 'base64'), opts.maxPhotoBytes);
      if (!r.ok) issues.push({ field: 'ZhaoPian', code: r.code, severity: 'error', zh: r.zh, en: r.en });
      else {
        photo = { mime: r.mime, base64: Buffer.from(r.bytes).toString('base64') };
        if (r.removed.length) issues.push({ field: 'ZhaoPian', code: 'photo_sanitized', severity: 'warning', zh: `照片已清理：去除 ${r.removed.join('、')}`, en: `photo cleaned: removed ${r.removed.join(', ')}` });
      }
    }
  }

  const health = v('JianKangZhuangKuang');
  const healthProblem = healthNameProblem(health);
  if (healthProblem) issues.push({ field: 'JianKangZhuangKuang', code: 'unknown_name', severity: 'error', ...healthProblem });

  const person: LrmxPerson = {
    name: v('XingMing'),
    sex: coded('XingBie', 'sex'),
    ethnicity: coded('MinZu', 'ethnicity'),
    birthDate: dated('ChuShengNianYue'),
    nativePlace: v('JiGuan'),
    birthPlace: v('ChuShengDi'),
    political,
    partyJoinDate,
    workStartDate: dated('CanJiaGongZuoShiJian'),
    health,
    professionalTitle: v('ZhuanYeJiShuZhiWu'),
    expertise: v('ShuXiZhuanYeYouHeZhuanChang'),
    fullTime: edu('QuanRiZhiJiaoYu'),
    inService: edu('ZaiZhiJiaoYu'),
    currentPost: v('XianRenZhiWu'),
    career: jl.entries,
    rewards: parseRewards(val.JiangChengQingKuang ?? '', issues),
    assessments: parseAssessments(val.NianDuKaoHeJieGuo ?? '', issues),
    family,
    idNumber: idNumber ? normalizeIdNumber(idNumber) : '',
    photo,
    extra: Object.fromEntries(EXTRA_FIELDS.filter((f) => val[f] !== undefined).map((f) => [f, val[f]])),
    source: { raw, canon: {} },
  };
  for (const f of ['JiSuanNianLingShiJian', 'TianBiaoShiJian']) if (v(f) && !parseLrmxDate(v(f))) issues.push({ field: f, code: 'bad_date', severity: 'warning', zh: `${fieldLabel(f).zh}“${v(f)}”不是可识别的日期`, en: `${fieldLabel(f).en} "${v(f)}" is not a recognised date` });
  if (person.idNumber && person.birthDate) {
    const r = validateIdNumber(person.idNumber, opts.asOf);
    if (r.ok && r.birthDate.slice(0, 7) === person.birthDate.slice(0, 7)) person.birthDate = r.birthDate; // the day, from the ID number
    if (r.ok && r.birthDate.slice(0, 7) !== person.birthDate.slice(0, 7)) {
      issues.push({ field: 'ShenFenZheng', code: 'id_birth_mismatch', severity: 'error', zh: `身份证号中的出生年月（${r.birthDate.slice(0, 7)}）与出生年月（${person.birthDate.slice(0, 7)}）不一致`, en: `the ID number's birth month ${r.birthDate.slice(0, 7)} differs from ChuShengNianYue ${person.birthDate.slice(0, 7)}` });
    }
    if (r.ok && person.sex && (person.sex === '1' || person.sex === '2') && r.sex !== person.sex) {
      issues.push({ field: 'ShenFenZheng', code: 'id_sex_mismatch', severity: 'error', zh: '身份证号的性别位与性别不一致', en: "the ID number's sex digit does not match XingBie" });
    }
  }
  person.source.canon = canonicalTexts(person);
  return { person, issues };
}

const SANCTION = /处分|警告|记过|记大过|降级|撤职|开除|留党察看|诫勉|通报批评|问责|免职处理/;

/** 奖惩情况 → dated rewards; sanctions and undated sentences stay in the text only (reported). */
export function parseRewards(text: string, issues: LrmxIssue[] = []): { date: string; name: string }[] {
  const out: { date: string; name: string }[] = [];
  const t = text.trim();
  if (!t || /^(无|没有|无。)$/.test(t)) return out;
  for (const sentence of t.split(/[；;。\n]+/).map((s) => s.trim()).filter(Boolean)) {
    if (SANCTION.test(sentence)) {
      issues.push({ field: 'JiangChengQingKuang', code: 'sanction_text', severity: 'warning', zh: `奖惩情况中的处分类内容未转为处分记录（原文保留）：${sentence.slice(0, 30)}`, en: `a sanction in JiangChengQingKuang was not imported as a discipline record (text kept): ${sentence.slice(0, 30)}` });
      continue;
    }
    const n = normalizeMarks(sentence);
    const m = /^(\d{4})\s*(?:年\s*(?:(\d{1,2})\s*月)?|[.](\d{1,2})|-(\d{1,2}))?\s*/.exec(n);
    const month = m && (m[2] ?? m[3] ?? m[4]);
    if (!m || (month && (Number(month) < 1 || Number(month) > 12))) {
      issues.push({ field: 'JiangChengQingKuang', code: 'reward_undated', severity: 'warning', zh: `奖惩情况中的一句没有年份，未转为奖励记录（原文保留）：${sentence.slice(0, 30)}`, en: `a sentence in JiangChengQingKuang has no year; not imported as a reward (text kept): ${sentence.slice(0, 30)}` });
      continue;
    }
    const name = sentence.slice(m[0].length).replace(/^[，,：:\s]+/, '').trim();
    out.push({ date: `${m[1]}-${String(month ?? 1).padStart(2, '0')}-01`, name: name || sentence });
  }
  return out;
}

const RESULT = /(基本称职|不称职|称职|优秀|不定等次|基本合格|不合格|合格)/;

/** 年度考核结果 → { year, result } for `2021年度考核称职；2022年度考核优秀`, `2020、2021年度称职`, `2019-2021年度均为称职` */
export function parseAssessments(text: string, issues: LrmxIssue[] = []): { year: number; result: string }[] {
  const out = new Map<number, string>();
  const t = normalizeMarks(text).trim();
  if (!t || /^(无|没有)$/.test(t)) return [];
  const re = new RegExp(`((?:\\d{4}\\s*(?:年度|年)?\\s*(?:[、,，和及至-]|到)?\\s*)+)[^\\d；;。]*?${RESULT.source}`, 'g');
  let m: RegExpExecArray | null;
  let any = false;
  while ((m = re.exec(t))) {
    any = true;
    const yearsPart = m[1];
    const years = [...yearsPart.matchAll(/\d{4}/g)].map((x) => Number(x[0]));
    const ranged = /\d{4}\s*(?:年度|年)?\s*(?:至|-|到)\s*\d{4}/.test(yearsPart);
    const list = ranged && years.length === 2 ? Array.from({ length: Math.max(0, years[1] - years[0]) + 1 }, (_, i) => years[0] + i) : years;
    const word = m[2];
    const result = word === '合格' ? '称职' : word === '基本合格' ? '基本称职' : word === '不合格' ? '不称职' : word;
    for (const y of list) out.set(y, result);
  }
  if (!any) issues.push({ field: 'NianDuKaoHeJieGuo', code: 'assessment_unparsed', severity: 'warning', zh: '年度考核结果中没有可识别的“年度 + 等次”，原文保留', en: 'no "year + result" found in NianDuKaoHeJieGuo; the text is kept' });
  return [...out].sort((a, b) => a[0] - b[0]).map(([year, result]) => ({ year, result }));
}
