/** The structured content of one 干部任免审批表, independent of XML and of the database. */
import type { JianLiEntry } from './jianli';

export interface LrmxEducation {
  /** 学历 code (中组部 ZB64), null when empty or unknown */
  education: string | null;
  /** 学位 code (GB/T 6864) */
  degree: string | null;
  /** 毕业院校系及专业 */
  school: string;
  /** 学位授予院校及专业 */
  degreeSchool: string;
}

export interface LrmxFamilyMember {
  /** 称谓 (relation set name: 配偶, 儿子 …) */
  relation: string | null;
  name: string;
  birthDate: string | null;
  /** 政治面貌 code */
  political: string | null;
  workUnitPost: string;
}

export interface LrmxSource {
  /** element path → verbatim inner text from the file (paths: `XingMing`, `JiaTingChengYuan.0.ChengWei`) */
  raw: Record<string, string>;
  /** element path → canonical text of the structured value the raw text stood for */
  canon: Record<string, string>;
}

export interface LrmxPerson {
  name: string;
  sex: string | null;
  ethnicity: string | null;
  birthDate: string | null;
  nativePlace: string;
  birthPlace: string;
  /** 政治面貌 code derived from 入党时间 (date → 中共党员; `199806；民盟` → 民盟) */
  political: string | null;
  partyJoinDate: string | null;
  workStartDate: string | null;
  health: string;
  professionalTitle: string;
  expertise: string;
  fullTime: LrmxEducation;
  inService: LrmxEducation;
  currentPost: string;
  /** 简历 entries (main entries and `inService` notes) */
  career: JianLiEntry[];
  rewards: { date: string; name: string }[];
  assessments: { year: number; result: string }[];
  family: LrmxFamilyMember[];
  idNumber: string;
  photo: { mime: 'image/jpeg' | 'image/png'; base64: string } | null;
  /**
   * text of the elements the registry has no column for, kept as they are: NiRenZhiWu NiMianZhiWu
   * RenMianLiYou ChengBaoDanWei JiSuanNianLingShiJian TianBiaoShiJian TianBiaoRen Version
   * DaoLingNianYue GaiGeQianRenZhiNianLingJieXian — and the text of 简历/奖惩/考核 as written
   */
  extra: Record<string, string>;
  source: LrmxSource;
}

/** elements whose text is kept in `extra` only (no registry column) */
export const EXTRA_FIELDS = [
  'NiRenZhiWu', 'NiMianZhiWu', 'RenMianLiYou', 'ChengBaoDanWei', 'JiSuanNianLingShiJian', 'TianBiaoShiJian', 'TianBiaoRen', 'Version',
  'DaoLingNianYue', 'GaiGeQianRenZhiNianLingJieXian',
] as const;

export interface LrmxIssue {
  /** element path, e.g. `MinZu`, `JianLi`, `JiaTingChengYuan.2.ChengWei`, or `(file)` */
  field: string;
  code: string;
  severity: 'error' | 'warning';
  zh: string;
  en: string;
  suggestions?: string[];
}
