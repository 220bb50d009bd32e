/** LRMX (干部任免审批表) elements, in the order the official editor writes them, and their labels. */

export const LRMX_FIELDS = [
  ['XingMing', '姓名', 'name'],
  ['XingBie', '性别', 'sex'],
  ['ChuShengNianYue', '出生年月', 'date of birth'],
  ['MinZu', '民族', 'ethnicity'],
  ['JiGuan', '籍贯', 'native place'],
  ['ChuShengDi', '出生地', 'place of birth'],
  ['RuDangShiJian', '入党时间', 'party membership since'],
  ['CanJiaGongZuoShiJian', '参加工作时间', 'work start'],
  ['JianKangZhuangKuang', '健康状况', 'health'],
  ['ZhuanYeJiShuZhiWu', '专业技术职务', 'professional title'],
  ['ShuXiZhuanYeYouHeZhuanChang', '熟悉专业有何专长', 'expertise'],
  ['QuanRiZhiJiaoYu_XueLi', '全日制教育 学历', 'full-time education'],
  ['QuanRiZhiJiaoYu_XueWei', '全日制教育 学位', 'full-time degree'],
  ['QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', '全日制教育 毕业院校系及专业', 'full-time school and major'],
  ['QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi', '全日制教育 学位授予院校及专业', 'full-time degree school'],
  ['ZaiZhiJiaoYu_XueLi', '在职教育 学历', 'in-service education'],
  ['ZaiZhiJiaoYu_XueWei', '在职教育 学位', 'in-service degree'],
  ['ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', '在职教育 毕业院校系及专业', 'in-service school and major'],
  ['ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi', '在职教育 学位授予院校及专业', 'in-service degree school'],
  ['XianRenZhiWu', '现任职务', 'current post'],
  ['NiRenZhiWu', '拟任职务', 'proposed post'],
  ['NiMianZhiWu', '拟免职务', 'post to be removed from'],
  ['JianLi', '简历', 'career history'],
  ['JiangChengQingKuang', '奖惩情况', 'rewards and sanctions'],
  ['NianDuKaoHeJieGuo', '年度考核结果', 'annual assessments'],
  ['RenMianLiYou', '任免理由', 'reason for the appointment'],
  ['JiaTingChengYuan', '家庭主要成员及重要社会关系', 'family members'],
  ['ChengBaoDanWei', '呈报单位', 'submitting unit'],
  ['JiSuanNianLingShiJian', '计算年龄时间', 'age computed as of'],
  ['TianBiaoShiJian', '填表时间', 'date filled in'],
  ['TianBiaoRen', '填表人', 'filled in by'],
  ['ShenFenZheng', '身份证号', 'ID number'],
  ['ZhaoPian', '照片', 'photo'],
  ['Version', '版本', 'format version'],
  ['DaoLingNianYue', '到龄年月', 'retirement-age month'],
  ['GaiGeQianRenZhiNianLingJieXian', '改革前任职年龄界限', 'pre-reform age limit'],
] as const;

export type LrmxField = (typeof LRMX_FIELDS)[number][0];

/** elements written only when the source file had them (2025 retirement-reform additions) */
export const LRMX_OPTIONAL = new Set<string>(['DaoLingNianYue', 'GaiGeQianRenZhiNianLingJieXian']);

export const FAMILY_FIELDS = [
  ['ChengWei', '称谓', 'relation'],
  ['XingMing', '姓名', 'name'],
  ['ChuShengRiQi', '出生日期', 'date of birth'],
  ['ZhengZhiMianMao', '政治面貌', 'political status'],
  ['GongZuoDanWeiJiZhiWu', '工作单位及职务', 'work unit and post'],
] as const;
export type FamilyField = (typeof FAMILY_FIELDS)[number][0];

export const FIELD_LABEL: Record<string, { zh: string; en: string }> = Object.fromEntries([
  ...LRMX_FIELDS.map(([k, zh, en]) => [k, { zh, en }]),
  ...FAMILY_FIELDS.map(([k, zh, en]) => [`Item.${k}`, { zh: `家庭成员 ${zh}`, en: `family ${en}` }]),
]);

export function fieldLabel(path: string): { zh: string; en: string } {
  const base = path.replace(/^JiaTingChengYuan\.\d+\./, 'Item.');
  return FIELD_LABEL[base] ?? { zh: path, en: path };
}

export const LRMX_MAX_FAMILY = 10;

/** GB/T 4767 健康状况 display names seen in LRMX files (the column stores the text) */
export const HEALTH_NAMES = ['健康', '良好', '一般', '较弱', '有慢性病', '残疾', '健康或良好', '一般或较弱'];
