/**
 * Person ↔ registry record, and the canonical text of every element.
 *
 * "Canonical text" is what the export writes for a structured value. The source of an import keeps,
 * per element, the verbatim text from the file and the canonical text of what was stored; the
 * export writes the verbatim text wherever the stored value still has the same canonical text
 * (nothing changed), so an unchanged file comes out with byte-equal text fields.
 */
import { educationRank, degreeRank, codeEntry } from '../codes';
import { escapeXml, xmlText } from './xml';
import { formatLrmxDate, nameForCode, precisionOf } from './text';
import { formatJianLi, splitOrgPost, type JianLiEntry } from './jianli';
import { EXTRA_FIELDS, type LrmxEducation, type LrmxPerson, type LrmxSource } from './person';

export interface CadreRecordCore {
  name: string;
  sex: string;
  ethnicity: string;
  birthDate: string;
  nativePlace: string | null;
  birthPlace: string | null;
  idNumber: string | null;
  politicalStatus: string;
  partyJoinDate: string | null;
  workStartDate: string;
  health: string | null;
  professionalTitle: string | null;
  expertise: string | null;
  fullTimeEducation: string | null;
  fullTimeDegree: string | null;
  highestEducation: string | null;
  highestDegree: string | null;
  currentPostTitle: string | null;
  postStartDate: string | null;
  /** data URL */
  photo: string | null;
}

export interface CadreRecord {
  cadre: CadreRecordCore;
  education: { mode: '全日制' | '在职'; education: string; degree: string | null; school: string; major: string | null }[];
  career: { startDate: string; endDate: string | null; orgName: string; postTitle: string }[];
  assessments: { year: number; result: string | null }[];
  rewards: { date: string; name: string }[];
  family: { relation: string; name: string; birthDate: string | null; politicalStatus: string | null; workUnitPost: string | null }[];
}

/** what an import keeps besides the registry rows: verbatim texts, canonical texts, extra elements, 其间 notes */
export interface StoredSource extends LrmxSource {
  extra: Record<string, string>;
  /** `（其间：…）` lines, anchored to the start month of the entry they follow */
  notes: { after: string; content: string }[];
}

const ym = (iso: string | null) => (iso ? iso.slice(0, 7) : null);
const monthStart = (m: string) => `${m}-01`;

/** school text → school + major at the last 大学/学院/学校/党校…; concatenating them gives the text back */
export function splitSchool(text: string): { school: string; major: string | null } {
  const m = /^(.*(?:大学|学院|学校|党校|研究生院|研究院|研究所|分校|中学|中专|技校))(.+)$/.exec(text);
  return m ? { school: m[1], major: m[2] } : { school: text, major: null };
}

export function personToRecord(p: LrmxPerson): CadreRecord {
  const education: CadreRecord['education'] = [];
  const addEdu = (mode: '全日制' | '在职', e: LrmxEducation) => {
    if (!e.education && !e.degree) return;
    const s1 = splitSchool(e.school);
    if (e.degree && e.degreeSchool && e.degreeSchool !== e.school) {
      if (e.education) education.push({ mode, education: e.education, degree: null, ...s1 });
      education.push({ mode, education: e.education ?? degreeOnlyEducation(e.degree), degree: e.degree, ...splitSchool(e.degreeSchool) });
    } else {
      education.push({ mode, education: e.education ?? degreeOnlyEducation(e.degree!), degree: e.degree, ...s1 });
    }
  };
  addEdu('全日制', p.fullTime);
  addEdu('在职', p.inService);
  const best = <T,>(xs: T[], rank: (x: T) => number) => xs.reduce<T | null>((a, x) => (a === null || rank(x) > rank(a) ? x : a), null);
  const hiEdu = best([p.fullTime.education, p.inService.education].filter(Boolean) as string[], educationRank);
  const hiDeg = best([p.fullTime.degree, p.inService.degree].filter(Boolean) as string[], degreeRank);
  const main = p.career.filter((e) => !e.inService);
  const open = [...main].reverse().find((e) => e.end === null);
  return {
    cadre: {
      name: p.name,
      sex: p.sex ?? '',
      ethnicity: p.ethnicity ?? '',
      birthDate: p.birthDate ?? '',
      nativePlace: p.nativePlace || null,
      birthPlace: p.birthPlace || null,
      idNumber: p.idNumber || null,
      politicalStatus: p.political ?? '13',
      // the registry keeps 入党时间 for CPC members only; a 民主党派 joining date stays in the source text
      partyJoinDate: p.political === '01' || p.political === '02' ? p.partyJoinDate : null,
      workStartDate: p.workStartDate ?? '',
      health: p.health || null,
      professionalTitle: p.professionalTitle || null,
      expertise: p.expertise || null,
      fullTimeEducation: p.fullTime.education,
      fullTimeDegree: p.fullTime.degree,
      highestEducation: hiEdu,
      highestDegree: hiDeg,
      currentPostTitle: p.currentPost || null,
      postStartDate: open ? monthStart(open.start) : null,
      photo: p.photo ? `data:${p.photo.mime};base64,${p.photo.base64}` : null,
    },
    education,
    career: main.map((e) => {
      const split = e.org !== undefined ? { org: e.org, post: e.post ?? '' } : splitOrgPost(e.content);
      return { startDate: monthStart(e.start), endDate: e.end ? monthStart(e.end) : null, orgName: split.org ?? e.content, postTitle: split.post ?? '' };
    }),
    assessments: p.assessments.map((a) => ({ year: a.year, result: a.result })),
    rewards: p.rewards.map((r) => ({ ...r })),
    family: p.family.map((f) => ({ relation: f.relation ?? '', name: f.name, birthDate: f.birthDate, politicalStatus: f.political, workUnitPost: f.workUnitPost || null })),
  };
}

/** a degree without a 学历 (rare): the education level the degree implies */
function degreeOnlyEducation(degree: string): string {
  const r = degreeRank(degree);
  return r >= 3 ? '11' : '21';
}

/** the source to keep with an imported record (canonical texts computed from the record itself) */
export function sourceForRecord(p: LrmxPerson, record: CadreRecord): StoredSource {
  const notes: StoredSource['notes'] = [];
  let lastStart: string | null = null;
  for (const e of p.career) {
    if (e.inService) notes.push({ after: lastStart ?? e.start, content: e.content });
    else lastStart = e.start;
  }
  const base: StoredSource = { raw: p.source.raw, canon: {}, extra: { ...p.extra }, notes };
  const back = recordToPerson(record, base);
  return compactSource({ ...base, canon: canonicalTexts(back) });
}

/**
 * Keeps only what the export cannot rebuild: a verbatim text that the canonical writing would
 * reproduce byte for byte is dropped, and a canonical text equal to the decoded verbatim text is
 * implied (see elementText).
 */
export function compactSource<T extends LrmxSource>(src: T): T {
  const raw: Record<string, string> = {};
  const canon: Record<string, string> = {};
  for (const [path, r] of Object.entries(src.raw)) {
    const c = src.canon[path];
    if (c !== undefined && r === escapeXml(c)) continue;
    raw[path] = r;
    if (c !== undefined && xmlText(r).text !== c) canon[path] = c;
  }
  return { ...src, raw, canon };
}

/** registry record (+ kept source) → person, the inverse of personToRecord up to what the registry stores */
export function recordToPerson(r: CadreRecord, source?: Partial<StoredSource> | null): LrmxPerson {
  const c = r.cadre;
  const eduOf = (mode: '全日制' | '在职'): LrmxEducation => {
    const rows = r.education.filter((e) => e.mode === mode);
    const xl = rows.filter((e) => e.education).sort((a, b) => educationRank(b.education) - educationRank(a.education))[0];
    const xw = rows.filter((e) => e.degree).sort((a, b) => degreeRank(b.degree) - degreeRank(a.degree))[0];
    const text = (e: (typeof rows)[number] | undefined) => (e ? e.school + (e.major ?? '') : '');
    return { education: xl?.education ?? null, degree: xw?.degree ?? null, school: text(xl), degreeSchool: text(xw) };
  };
  const notes = source?.notes ?? [];
  const career: JianLiEntry[] = [];
  const sorted = [...r.career].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  sorted.forEach((e, i) => {
    const start = ym(e.startDate)!;
    career.push({ start, end: ym(e.endDate), content: e.orgName + e.postTitle, org: e.orgName, post: e.postTitle, line: i + 1 });
    for (const n of notes) if (n.after === start) career.push({ start, end: null, content: n.content, inService: true, line: i + 1 });
  });
  const photo = c.photo ? /^data:(image\/(?:jpeg|png));base64,(.*)$/.exec(c.photo) : null;
  return {
    name: c.name,
    sex: c.sex,
    ethnicity: c.ethnicity,
    birthDate: c.birthDate,
    nativePlace: c.nativePlace ?? '',
    birthPlace: c.birthPlace ?? '',
    political: c.politicalStatus,
    partyJoinDate: c.partyJoinDate,
    workStartDate: c.workStartDate,
    health: c.health ?? '',
    professionalTitle: c.professionalTitle ?? '',
    expertise: c.expertise ?? '',
    fullTime: eduOf('全日制'),
    inService: eduOf('在职'),
    currentPost: c.currentPostTitle ?? '',
    career,
    rewards: [...r.rewards].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((x) => ({ date: x.date, name: x.name })),
    assessments: r.assessments.filter((a) => a.result).sort((a, b) => a.year - b.year).map((a) => ({ year: a.year, result: a.result! })),
    family: r.family.map((f) => ({ relation: f.relation || null, name: f.name, birthDate: f.birthDate, political: f.politicalStatus, workUnitPost: f.workUnitPost ?? '' })),
    idNumber: c.idNumber ?? '',
    photo: photo ? { mime: photo[1] as 'image/jpeg' | 'image/png', base64: photo[2] } : null,
    extra: { ...(source?.extra ?? {}) },
    source: { raw: source?.raw ?? {}, canon: source?.canon ?? {} },
  };
}

const d = (iso: string | null) => formatLrmxDate(iso, precisionOf(iso));

function partyText(p: LrmxPerson): string {
  const code = p.political;
  const e = codeEntry('political', code);
  const label = (e?.extra?.short as string | undefined) ?? e?.name ?? '';
  if (p.partyJoinDate) return code === '01' || !code ? d(p.partyJoinDate) : `${d(p.partyJoinDate)}；${label}`;
  return code && code !== '13' && code !== '01' ? label : '';
}

function rewardsText(p: LrmxPerson): string {
  return p.rewards
    .map((r) => {
      const m = Number(r.date.slice(5, 7));
      return `${r.date.slice(0, 4)}年${m === 1 ? '' : `${m}月`}${r.name}`;
    })
    .join('；');
}

function assessmentsText(p: LrmxPerson): string {
  return p.assessments.map((a) => `${a.year}年度考核${a.result}`).join('；');
}

/** element path → canonical (unescaped) text of the person's structured values */
export function canonicalTexts(p: LrmxPerson): Record<string, string> {
  const out: Record<string, string> = {
    XingMing: p.name,
    XingBie: nameForCode('sex', p.sex),
    // the form shows the month; the day is kept when the ID number carries it
    ChuShengNianYue: p.birthDate && p.idNumber.length === 18 && `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}` === p.birthDate ? formatLrmxDate(p.birthDate, 'month') : d(p.birthDate),
    MinZu: nameForCode('ethnicity', p.ethnicity),
    JiGuan: p.nativePlace,
    ChuShengDi: p.birthPlace,
    RuDangShiJian: partyText(p),
    CanJiaGongZuoShiJian: d(p.workStartDate),
    JianKangZhuangKuang: p.health,
    ZhuanYeJiShuZhiWu: p.professionalTitle,
    ShuXiZhuanYeYouHeZhuanChang: p.expertise,
    QuanRiZhiJiaoYu_XueLi: nameForCode('education', p.fullTime.education),
    QuanRiZhiJiaoYu_XueWei: nameForCode('degree', p.fullTime.degree),
    QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: p.fullTime.school,
    QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: p.fullTime.degreeSchool,
    ZaiZhiJiaoYu_XueLi: nameForCode('education', p.inService.education),
    ZaiZhiJiaoYu_XueWei: nameForCode('degree', p.inService.degree),
    ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: p.inService.school,
    ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: p.inService.degreeSchool,
    XianRenZhiWu: p.currentPost,
    JianLi: formatJianLi(p.career),
    JiangChengQingKuang: rewardsText(p),
    NianDuKaoHeJieGuo: assessmentsText(p),
    ShenFenZheng: p.idNumber,
    ZhaoPian: p.photo?.base64 ?? '',
  };
  for (const f of EXTRA_FIELDS) out[f] = p.extra[f] ?? '';
  p.family.forEach((f, i) => {
    out[`JiaTingChengYuan.${i}.ChengWei`] = f.relation ?? '';
    out[`JiaTingChengYuan.${i}.XingMing`] = f.name;
    out[`JiaTingChengYuan.${i}.ChuShengRiQi`] = d(f.birthDate);
    out[`JiaTingChengYuan.${i}.ZhengZhiMianMao`] = nameForCode('political', f.political);
    out[`JiaTingChengYuan.${i}.GongZuoDanWeiJiZhiWu`] = f.workUnitPost;
  });
  return out;
}

/** the text the export writes for one element: verbatim when its value is unchanged, else canonical (escaped) */
export function elementText(p: LrmxPerson, path: string, canon: Record<string, string>): string {
  const cur = canon[path] ?? '';
  const raw = p.source.raw[path];
  const kept = raw === undefined ? undefined : (p.source.canon[path] ?? xmlText(raw).text);
  if (raw !== undefined && path !== 'ZhaoPian' && kept === cur) return raw;
  if (path === 'ZhaoPian' && raw !== undefined && raw.replace(/\s+/g, '') === cur) return raw;
  return escapeXml(cur);
}
