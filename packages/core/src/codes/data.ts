/**
 * National and organisation code sets, with codes as the official 任免审批表 (LRMX) editor
 * writes them. Label-like sets that the database stores as text (单位类型, 考核结果, 处分种类 …)
 * use the Chinese name itself as the code.
 *
 * Sources: GB/T 2261.1-2003 性别; GB/T 3304-1991 民族; GB/T 4762-1984 政治面貌;
 * 中组部 ZB64 学历 (as used by the 任免审批表 editor: 11 研究生, 1A 中央党校研究生, 21 大学 …);
 * GB/T 4658-2006 学历 (kept as a separate set `educationGb`, its codes collide with ZB64);
 * GB/T 6864-2003 学位; GB/T 12407-2008 / 中组部 three-digit 职务级别 (131 县处级正职 …);
 * 《公务员职务与职级并行规定》(2019) 综合管理类职级 and 第十八条 最低任职年限.
 */
import type { CodeEntry, CodeSetId, CodeSetMeta } from './types';

const named = (names: string[], extra?: (name: string, i: number) => Record<string, unknown> | undefined): CodeEntry[] =>
  names.map((name, i) => {
    const e = extra?.(name, i);
    return e ? { code: name, name, extra: e } : { code: name, name };
  });

const withEn = (pairs: [string, string][]): CodeEntry[] => pairs.map(([name, en]) => ({ code: name, name, extra: { en } }));

// ───────────── 性别 GB/T 2261.1 ─────────────
const sex: CodeEntry[] = [
  { code: '1', name: '男', extra: { en: 'male' } },
  { code: '2', name: '女', extra: { en: 'female' } },
  { code: '0', name: '未知的性别', extra: { en: 'unknown', short: '未知' } },
  { code: '9', name: '未说明的性别', extra: { en: 'not stated', short: '未说明' } },
];

// ───────────── 民族 GB/T 3304 ─────────────
const ETHNIC_NAMES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族',
  '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族',
  '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族',
  '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
  '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
];
const ethnicity: CodeEntry[] = [
  ...ETHNIC_NAMES.map((name, i) => ({
    code: String(i + 1).padStart(2, '0'),
    name,
    extra: { minority: i > 0, short: name.replace(/族$/, '') },
  })),
  { code: '97', name: '其他', extra: { minority: true } },
  { code: '98', name: '外国血统中国籍人士', extra: { minority: true } },
];

// ───────────── 政治面貌 GB/T 4762 ─────────────
const political: CodeEntry[] = [
  { code: '01', name: '中共党员', extra: { en: 'CPC member', party: true, full: '中国共产党党员' } },
  { code: '02', name: '中共预备党员', extra: { en: 'CPC probationary member', party: true, full: '中国共产党预备党员' } },
  { code: '03', name: '共青团员', extra: { en: 'CYL member', full: '中国共产主义青年团团员' } },
  { code: '04', name: '民革会员', extra: { en: 'RCCK member', democraticParty: true, short: '民革' } },
  { code: '05', name: '民盟盟员', extra: { en: 'CDL member', democraticParty: true, short: '民盟' } },
  { code: '06', name: '民建会员', extra: { en: 'CNDCA member', democraticParty: true, short: '民建' } },
  { code: '07', name: '民进会员', extra: { en: 'CAPD member', democraticParty: true, short: '民进' } },
  { code: '08', name: '农工党党员', extra: { en: 'CPWDP member', democraticParty: true, short: '农工党' } },
  { code: '09', name: '致公党党员', extra: { en: 'CZGP member', democraticParty: true, short: '致公党' } },
  { code: '10', name: '九三学社社员', extra: { en: 'Jiusan Society member', democraticParty: true, short: '九三' } },
  { code: '11', name: '台盟盟员', extra: { en: 'TDSGL member', democraticParty: true, short: '台盟' } },
  { code: '12', name: '无党派人士', extra: { en: 'non-party personage', short: '无党派' } },
  { code: '13', name: '群众', extra: { en: 'masses (no affiliation)' } },
];

// ───────────── 学历 中组部 ZB64 (任免审批表) ─────────────
// extra.rank: higher = higher education; extra.group: 研究生 | 大学本科 | 大学专科 | 中专及以下
const G1 = '研究生', G2 = '大学本科', G3 = '大学专科', G4 = '中专及以下';
const education: CodeEntry[] = [
  { code: '1', name: '研究生教育', extra: { group: G1, rank: 60, en: 'postgraduate education' } },
  { code: '11', name: '研究生', parent: '1', extra: { group: G1, rank: 63, en: 'postgraduate' } },
  { code: '12', name: '研究生班', parent: '1', extra: { group: G1, rank: 60, en: 'postgraduate class' } },
  { code: '1A', name: '中央党校研究生', parent: '1', extra: { group: G1, rank: 59, partySchool: true, en: 'Central Party School postgraduate' } },
  { code: '1B', name: '省（区、市）委党校研究生', parent: '1', extra: { group: G1, rank: 58, partySchool: true, en: 'provincial party school postgraduate' } },
  { code: '2', name: '本科教育', extra: { group: G2, rank: 50, en: 'undergraduate education' } },
  { code: '21', name: '大学', parent: '2', extra: { group: G2, rank: 53, en: 'university (bachelor level)' } },
  { code: '22', name: '中央党校大学', parent: '2', extra: { group: G2, rank: 52, partySchool: true, en: 'Central Party School (university level)' } },
  { code: '23', name: '省（区、市）委党校大学', parent: '2', extra: { group: G2, rank: 51, partySchool: true, en: 'provincial party school (university level)' } },
  { code: '3', name: '专科教育', extra: { group: G3, rank: 40, en: 'junior college education' } },
  { code: '31', name: '大专', parent: '3', extra: { group: G3, rank: 43, en: 'junior college' } },
  { code: '32', name: '省（区、市）委党校大专', parent: '3', extra: { group: G3, rank: 41, partySchool: true, en: 'provincial party school (college level)' } },
  { code: '33', name: '大学普通班', parent: '3', extra: { group: G3, rank: 41, en: 'university ordinary class' } },
  { code: '34', name: '中央党校大专', parent: '3', extra: { group: G3, rank: 42, partySchool: true, en: 'Central Party School (college level)' } },
  { code: '35', name: '中专', extra: { group: G4, rank: 33, en: 'secondary specialised school' } },
  { code: '36', name: '中技', extra: { group: G4, rank: 32, en: 'technical school' } },
  { code: '37', name: '高中', extra: { group: G4, rank: 30, en: 'senior high school' } },
  { code: '38', name: '初中', extra: { group: G4, rank: 20, en: 'junior high school' } },
  { code: '39', name: '小学', extra: { group: G4, rank: 10, en: 'primary school' } },
];

// ───────────── 学历 GB/T 4658-2006 ─────────────
const gb = (code: string, name: string, group: string, rank: number, parent?: string): CodeEntry =>
  parent ? { code, name, parent, extra: { group, rank } } : { code, name, extra: { group, rank } };
const educationGb: CodeEntry[] = [
  gb('10', '研究生教育', G1, 60),
  gb('11', '博士研究生毕业', G1, 66, '10'),
  gb('12', '博士研究生结业', G1, 65, '10'),
  gb('13', '博士研究生肄业', G1, 64, '10'),
  gb('14', '硕士研究生毕业', G1, 63, '10'),
  gb('15', '硕士研究生结业', G1, 62, '10'),
  gb('16', '硕士研究生肄业', G1, 61, '10'),
  gb('17', '研究生班毕业', G1, 60, '10'),
  gb('18', '研究生班结业', G1, 59, '10'),
  gb('19', '研究生班肄业', G1, 58, '10'),
  gb('20', '大学本科教育', G2, 50),
  gb('21', '大学本科毕业', G2, 53, '20'),
  gb('22', '大学本科结业', G2, 52, '20'),
  gb('23', '大学本科肄业', G2, 51, '20'),
  gb('28', '大学普通班毕业', G2, 50, '20'),
  gb('30', '大学专科教育', G3, 40),
  gb('31', '大学专科毕业', G3, 43, '30'),
  gb('32', '大学专科结业', G3, 42, '30'),
  gb('33', '大学专科肄业', G3, 41, '30'),
  gb('40', '中等职业教育', G4, 33),
  gb('41', '中等专科毕业', G4, 33, '40'),
  gb('42', '中等专科结业', G4, 32, '40'),
  gb('43', '中等专科肄业', G4, 31, '40'),
  gb('44', '职业高中毕业', G4, 31, '40'),
  gb('45', '职业高中结业', G4, 30, '40'),
  gb('46', '职业高中肄业', G4, 29, '40'),
  gb('47', '技工学校毕业', G4, 32, '40'),
  gb('48', '技工学校结业', G4, 31, '40'),
  gb('49', '技工学校肄业', G4, 30, '40'),
  gb('60', '普通高级中学教育', G4, 30),
  gb('61', '普通高中毕业', G4, 30, '60'),
  gb('62', '普通高中结业', G4, 29, '60'),
  gb('63', '普通高中肄业', G4, 28, '60'),
  gb('70', '初级中学教育', G4, 20),
  gb('71', '初中毕业', G4, 20, '70'),
  gb('73', '初中肄业', G4, 19, '70'),
  gb('80', '小学教育', G4, 10),
  gb('81', '小学毕业', G4, 10, '80'),
  gb('83', '小学肄业', G4, 9, '80'),
  gb('90', '其他', G4, 5),
];

// ───────────── 学位 GB/T 6864 ─────────────
const FIELDS: [string, string][] = [
  ['01', '哲学'], ['02', '经济学'], ['03', '法学'], ['04', '教育学'], ['05', '文学'], ['06', '历史学'],
  ['07', '理学'], ['08', '工学'], ['09', '农学'], ['10', '医学'], ['11', '军事学'], ['12', '管理学'],
];
const degree: CodeEntry[] = [
  { code: '1', name: '名誉博士', extra: { level: '博士', rank: 4, en: 'honorary doctorate' } },
  { code: '2', name: '博士', extra: { level: '博士', rank: 4, en: 'doctorate' } },
  ...FIELDS.map(([n, f]) => ({ code: `2${n}`, name: `${f}博士`, parent: '2', extra: { level: '博士', rank: 4, field: f } })),
  { code: '245', name: '临床医学博士', parent: '2', extra: { level: '博士', rank: 4, field: '医学', professional: true } },
  { code: '248', name: '兽医博士', parent: '2', extra: { level: '博士', rank: 4, field: '农学', professional: true } },
  { code: '250', name: '口腔医学博士', parent: '2', extra: { level: '博士', rank: 4, field: '医学', professional: true } },
  { code: '3', name: '硕士', extra: { level: '硕士', rank: 3, en: "master's" } },
  ...FIELDS.map(([n, f]) => ({ code: `3${n}`, name: `${f}硕士`, parent: '3', extra: { level: '硕士', rank: 3, field: f } })),
  ...(
    [
      ['341', '法律硕士', '法学'], ['342', '教育硕士', '教育学'], ['343', '工程硕士', '工学'], ['344', '建筑学硕士', '工学'],
      ['345', '临床医学硕士', '医学'], ['346', '工商管理硕士', '管理学'], ['347', '农业推广硕士', '农学'], ['348', '兽医硕士', '农学'],
      ['349', '公共管理硕士', '管理学'], ['350', '口腔医学硕士', '医学'], ['351', '公共卫生硕士', '医学'], ['352', '军事硕士', '军事学'],
    ] as const
  ).map(([code, name, field]) => ({ code, name, parent: '3', extra: { level: '硕士', rank: 3, field, professional: true } })),
  { code: '4', name: '学士', extra: { level: '学士', rank: 2, en: "bachelor's" } },
  ...FIELDS.map(([n, f]) => ({ code: `4${n}`, name: `${f}学士`, parent: '4', extra: { level: '学士', rank: 2, field: f } })),
  { code: '444', name: '建筑学学士', parent: '4', extra: { level: '学士', rank: 2, field: '工学', professional: true } },
];

// ───────────── 职务级别 (three-digit, GB/T 12407 / 中组部) ─────────────
// extra.order: higher = more senior; extra.tier; extra.chief (正职)
const pl = (code: string, name: string, tier: string, chief: boolean | null, order: number, short: string, en: string): CodeEntry => ({
  code,
  name,
  extra: { tier, chief, order, short, en },
});
const postLevel: CodeEntry[] = [
  pl('101', '国家级正职', '国家级', true, 12, '国家级正职', 'state level, chief'),
  pl('102', '国家级副职', '国家级', false, 11, '国家级副职', 'state level, deputy'),
  pl('111', '省部级正职', '省部级', true, 10, '正部', 'provincial/ministerial, chief'),
  pl('112', '省部级副职', '省部级', false, 9, '副部', 'provincial/ministerial, deputy'),
  pl('121', '厅局级正职', '厅局级', true, 8, '正厅', 'department/bureau, chief'),
  pl('122', '厅局级副职', '厅局级', false, 7, '副厅', 'department/bureau, deputy'),
  pl('131', '县处级正职', '县处级', true, 6, '正处', 'county/division, chief'),
  pl('132', '县处级副职', '县处级', false, 5, '副处', 'county/division, deputy'),
  pl('141', '乡科级正职', '乡科级', true, 4, '正科', 'township/section, chief'),
  pl('142', '乡科级副职', '乡科级', false, 3, '副科', 'township/section, deputy'),
  pl('150', '科员级', '科员级', null, 2, '科员', 'clerk'),
  pl('160', '办事员级', '办事员级', null, 1, '办事员', 'junior clerk'),
  pl('199', '未定职', '未定职', null, 0, '未定职', 'not yet graded'),
];

// ───────────── 综合管理类公务员职级 (职务与职级并行规定) ─────────────
// extra.minYears = 最低任职年限 in this rank before promotion to the next one (第十八条; as
// DOMAIN.md states: mostly 2, 一级调研员 3, 一级/二级巡视员 4; 一级科员 → 四级主任科员 needs 3
// per 第十八条(十)). extra.equivalentLevel = the 职务级别 it corresponds to (第十九条).
const rk = (code: string, name: string, order: number, minYears: number, equivalentLevel: string, en: string): CodeEntry => ({
  code,
  name,
  extra: { order, minYears, equivalentLevel, en },
});
const rank: CodeEntry[] = [
  rk('ZJ01', '一级巡视员', 12, 4, '121', 'Inspector, Grade I'),
  rk('ZJ02', '二级巡视员', 11, 4, '122', 'Inspector, Grade II'),
  rk('ZJ03', '一级调研员', 10, 3, '131', 'Researcher, Grade I'),
  rk('ZJ04', '二级调研员', 9, 2, '131', 'Researcher, Grade II'),
  rk('ZJ05', '三级调研员', 8, 2, '132', 'Researcher, Grade III'),
  rk('ZJ06', '四级调研员', 7, 2, '132', 'Researcher, Grade IV'),
  rk('ZJ07', '一级主任科员', 6, 2, '141', 'Principal Staff Member, Grade I'),
  rk('ZJ08', '二级主任科员', 5, 2, '141', 'Principal Staff Member, Grade II'),
  rk('ZJ09', '三级主任科员', 4, 2, '142', 'Principal Staff Member, Grade III'),
  rk('ZJ10', '四级主任科员', 3, 2, '142', 'Principal Staff Member, Grade IV'),
  rk('ZJ11', '一级科员', 2, 3, '150', 'Staff Member, Grade I'),
  rk('ZJ12', '二级科员', 1, 2, '160', 'Staff Member, Grade II'),
];

const orgKind = withEn([
  ['党政机关', 'party or government organ'],
  ['事业单位', 'public institution'],
  ['国有企业', 'state-owned enterprise'],
  ['镇街', 'town / sub-district'],
  ['园区', 'development zone'],
  ['高校科研', 'university / research institute'],
]);

const assessmentResult: CodeEntry[] = [
  { code: '优秀', name: '优秀', extra: { en: 'excellent', order: 4 } },
  { code: '称职', name: '称职', extra: { en: 'competent', order: 3, aliases: ['合格'] } },
  { code: '基本称职', name: '基本称职', extra: { en: 'basically competent', order: 2, aliases: ['基本合格'] } },
  { code: '不称职', name: '不称职', extra: { en: 'incompetent', order: 1, aliases: ['不合格'] } },
  { code: '不定等次', name: '不定等次', extra: { en: 'not graded', order: 0 } },
];

const dk = (name: string, category: string, en: string, categories?: string[]): CodeEntry => ({
  code: name,
  name,
  extra: { category, categories: categories ?? [category], en },
});
const disciplineKind: CodeEntry[] = [
  dk('警告', '党纪', 'warning', ['党纪', '政务']),
  dk('严重警告', '党纪', 'serious warning'),
  dk('记过', '政务', 'demerit'),
  dk('记大过', '政务', 'major demerit'),
  dk('降级', '政务', 'demotion in grade'),
  dk('撤职', '政务', 'dismissal from post'),
  dk('撤销党内职务', '党纪', 'removal from party posts'),
  dk('留党察看', '党纪', 'probation within the party'),
  dk('开除党籍', '党纪', 'expulsion from the party'),
  dk('开除', '政务', 'discharge from public employment'),
  dk('诫勉', '组织处理', 'admonishment'),
  dk('调离岗位', '组织处理', 'transfer from post'),
  dk('停职检查', '组织处理', 'suspension for review'),
  dk('引咎辞职', '组织处理', 'resignation taking responsibility'),
  dk('责令辞职', '组织处理', 'ordered resignation'),
  dk('免职', '组织处理', 'removal from office'),
  dk('降职', '组织处理', 'demotion'),
];

const disciplineCategory = withEn([
  ['党纪', 'party discipline'],
  ['政务', 'administrative sanction'],
  ['组织处理', 'organisational handling'],
]);

const specialtyCategory: CodeEntry[] = [
  '哲学', '经济学', '法学', '教育学', '文学', '历史学', '理学', '工学', '农学', '医学', '军事学', '管理学', '艺术学', '交叉学科',
].map((name, i) => ({ code: name, name, extra: { disciplineCode: String(i + 1).padStart(2, '0') } }));

const experienceType = withEn([
  ['镇街', 'town/sub-district'],
  ['基层', 'grassroots'],
  ['经济', 'economy'],
  ['招商引资', 'investment promotion'],
  ['乡村振兴', 'rural revitalisation'],
  ['基层治理', 'grassroots governance'],
  ['城建规划', 'urban construction & planning'],
  ['法治', 'rule of law'],
  ['党建', 'party building'],
  ['信访维稳', 'petitions & stability'],
  ['应急', 'emergency management'],
  ['财政金融', 'finance'],
  ['科技创新', 'science & innovation'],
  ['生态环保', 'ecology & environment'],
  ['教育卫生', 'education & health'],
  ['国企管理', 'SOE management'],
]);

const intakeChannel: CodeEntry[] = [
  { code: '选调生', name: '选调生', extra: { en: 'selected graduate' } },
  { code: '公务员招录', name: '公务员招录', extra: { en: 'civil service exam' } },
  { code: '到村工作大学生', name: '到村工作大学生', extra: { en: 'village-post graduate' } },
  { code: '引进', name: '引进', extra: { en: 'talent introduction' } },
  { code: '军转安置', name: '军转安置', extra: { en: 'military transfer', aliases: ['军转'] } },
  { code: '事业单位招聘', name: '事业单位招聘', extra: { en: 'public-institution recruitment' } },
  { code: '其他', name: '其他', extra: { en: 'other' } },
];

const trainingMode = withEn([['脱产', 'off-job'], ['在线', 'online'], ['在职', 'on-job']]);
const educationMode = withEn([['全日制', 'full-time'], ['在职', 'part-time (in service)']]);

const style: CodeEntry[] = [
  { code: 'tiger', name: '小老虎型', extra: { en: 'enterprising ("little tiger")' } },
  { code: 'ox', name: '老黄牛型', extra: { en: 'steady ("old ox")' } },
];

const cadreStatus = withEn([['在职', 'serving'], ['退休', 'retired'], ['调出', 'transferred out'], ['去世', 'deceased']]);
const managementLevel = withEn([['区管', 'district-managed'], ['市管', 'city-managed']]);

const relation = named([
  '配偶', '妻子', '丈夫', '儿子', '女儿', '儿媳', '女婿', '父亲', '母亲', '岳父', '岳母', '公公', '婆婆',
  '继父', '继母', '养父', '养母', '兄弟', '姐妹', '哥哥', '弟弟', '姐姐', '妹妹',
  '孙子', '孙女', '外孙子', '外孙女', '其他',
]);

const talkKind = withEn([
  ['谈心谈话', 'heart-to-heart talk'],
  ['提醒谈话', 'reminder talk'],
  ['任前谈话', 'pre-appointment talk'],
  ['诫勉谈话', 'admonishment talk'],
  ['年度考核谈话', 'annual assessment talk'],
  ['函询谈话', 'inquiry talk'],
  ['离任谈话', 'exit talk'],
]);

const movementKind = withEn([
  ['任职', 'appointment'],
  ['免职', 'removal'],
  ['交流轮岗', 'rotation'],
  ['挂职', 'secondment'],
  ['上挂下派', 'up/down secondment'],
  ['职级晋升', 'rank promotion'],
  ['改非免职', 'moved to non-leading post'],
  ['退休', 'retirement'],
]);

const supervisionKind: CodeEntry[] = [
  { code: 'negative_info', name: '负面信息', extra: { en: 'negative information' } },
  { code: 'action', name: '监督措施', extra: { en: 'supervision action' } },
  { code: 'personal_matters_check', name: '个人有关事项报告抽查核实', extra: { en: 'personal-matters report check' } },
  { code: 'special_file', name: '特别监督档案', extra: { en: 'special supervision file' } },
];

const supervisionAction = withEn([['提醒', 'reminder'], ['函询', 'written inquiry'], ['诫勉', 'admonishment']]);

const careKind = withEn([
  ['容错免责', 'fault tolerance'],
  ['澄清正名', 'clarification'],
  ['影响期满重新使用', 'reuse after impact period'],
  ['受问责干部跟踪回访', 'follow-up of held-accountable cadre'],
]);

const poolKind = withEn([
  ['正职后备', 'chief-post reserve'],
  ['优秀年轻干部', 'outstanding young cadres'],
  ['五类干部', 'five-field cadres'],
  ['四类干部清单', 'four-list cadres'],
  ['四型六类', 'four-type six-class reserve'],
]);

const poolTier: CodeEntry[] = [
  { code: '随时能用', name: '随时能用', extra: { en: 'ready now', key: 'readyNow', order: 3 } },
  { code: '短期可用', name: '短期可用', extra: { en: 'ready soon', key: 'shortTerm', order: 2 } },
  { code: '未来有用', name: '未来有用', extra: { en: 'future', key: 'future', order: 1 } },
];

const teamKind = withEn([
  ['党政班子', 'party & government team'],
  ['党委', 'party committee'],
  ['政府', 'government'],
  ['人大', "people's congress"],
  ['政协', 'CPPCC'],
  ['经营班子', 'management team'],
]);

const positionCategory = withEn([
  ['党委', 'party'],
  ['行政', 'administration'],
  ['人大', "people's congress"],
  ['政协', 'CPPCC'],
  ['纪检', 'discipline inspection'],
  ['企业经营', 'enterprise management'],
  ['事业管理', 'institution management'],
]);

/**
 * GB/T 4767-1984 人的健康状况代码 (one-digit level): the 任免审批表 writes the name as the officer typed it
 * ("健康", "良好"), so the common forms are aliases; cadre.health keeps the text as written (an unchanged
 * file exports byte-equal) and import checks that it names one of these categories
 */
const health: CodeEntry[] = [
  { code: '1', name: '健康或良好', extra: { en: 'healthy or good', aliases: ['健康', '良好', '身体健康', '健康良好', '好'] } },
  { code: '2', name: '一般或较弱', extra: { en: 'fair or weak', aliases: ['一般', '较弱', '较差', '体弱'] } },
  { code: '3', name: '有慢性病', extra: { en: 'chronic illness', aliases: ['慢性病', '患有慢性病'] } },
  { code: '6', name: '残疾', extra: { en: 'disabled', aliases: ['伤残'] } },
];

const appointmentMethod = withEn([['选任', 'elected'], ['委任', 'appointed'], ['聘任', 'hired'], ['考任', 'by examination']]);
const appointmentKind = withEn([['任职', 'holds'], ['兼任', 'concurrent'], ['挂职', 'seconded'], ['代理', 'acting']]);
const keyMomentRating = withEn([['突出', 'outstanding'], ['较好', 'good'], ['一般', 'average'], ['较差', 'poor']]);

const role: CodeEntry[] = [
  { code: 'admin', name: '系统管理员', extra: { en: 'administrator' } },
  { code: 'cadre', name: '干部科', extra: { en: 'cadre section' } },
  { code: 'supervision', name: '干部监督科', extra: { en: 'supervision section' } },
  { code: 'leader', name: '部领导', extra: { en: 'department leader (read-only)' } },
  { code: 'unit_hr', name: '单位组织人事', extra: { en: 'unit HR officer' } },
];

export const CODE_SETS: Record<CodeSetId, CodeEntry[]> = {
  sex,
  ethnicity,
  political,
  education,
  educationGb,
  degree,
  health,
  postLevel,
  rank,
  orgKind,
  assessmentResult,
  disciplineKind,
  disciplineCategory,
  specialtyCategory,
  experienceType,
  intakeChannel,
  trainingMode,
  educationMode,
  style,
  cadreStatus,
  managementLevel,
  relation,
  talkKind,
  movementKind,
  supervisionKind,
  supervisionAction,
  careKind,
  poolKind,
  poolTier,
  teamKind,
  positionCategory,
  appointmentMethod,
  appointmentKind,
  keyMomentRating,
  role,
};

export const CODE_SET_META: Record<CodeSetId, CodeSetMeta> = {
  sex: { id: 'sex', name: '性别', en: 'sex', standard: 'GB/T 2261.1-2003' },
  ethnicity: { id: 'ethnicity', name: '民族', en: 'ethnicity', standard: 'GB/T 3304-1991' },
  political: { id: 'political', name: '政治面貌', en: 'political status', standard: 'GB/T 4762-1984' },
  education: { id: 'education', name: '学历', en: 'education', standard: '中组部 ZB64' },
  educationGb: { id: 'educationGb', name: '学历(国标)', en: 'education (GB)', standard: 'GB/T 4658-2006' },
  degree: { id: 'degree', name: '学位', en: 'degree', standard: 'GB/T 6864-2003' },
  health: { id: 'health', name: '健康状况', en: 'health', standard: 'GB/T 4767-1984' },
  postLevel: { id: 'postLevel', name: '职务级别', en: 'post level', standard: 'GB/T 12407-2008' },
  rank: { id: 'rank', name: '职级', en: 'civil-service rank', standard: '公务员职务与职级并行规定(2019)' },
  orgKind: { id: 'orgKind', name: '单位类型', en: 'unit kind' },
  assessmentResult: { id: 'assessmentResult', name: '考核结果', en: 'assessment result' },
  disciplineKind: { id: 'disciplineKind', name: '处分/处理种类', en: 'sanction kind' },
  disciplineCategory: { id: 'disciplineCategory', name: '处分类别', en: 'sanction category' },
  specialtyCategory: { id: 'specialtyCategory', name: '学科门类', en: 'field of study' },
  experienceType: { id: 'experienceType', name: '经历类型', en: 'experience type' },
  intakeChannel: { id: 'intakeChannel', name: '进入渠道', en: 'intake channel' },
  trainingMode: { id: 'trainingMode', name: '培训方式', en: 'training mode' },
  educationMode: { id: 'educationMode', name: '教育类别', en: 'education mode' },
  style: { id: 'style', name: '干部类型', en: 'style' },
  cadreStatus: { id: 'cadreStatus', name: '干部状态', en: 'status' },
  managementLevel: { id: 'managementLevel', name: '管理层级', en: 'management level' },
  relation: { id: 'relation', name: '称谓', en: 'relation' },
  talkKind: { id: 'talkKind', name: '谈话类型', en: 'talk kind' },
  movementKind: { id: 'movementKind', name: '调整类型', en: 'movement kind' },
  supervisionKind: { id: 'supervisionKind', name: '监督类型', en: 'supervision kind' },
  supervisionAction: { id: 'supervisionAction', name: '监督措施', en: 'supervision action' },
  careKind: { id: 'careKind', name: '关爱类型', en: 'care kind' },
  poolKind: { id: 'poolKind', name: '储备库类型', en: 'pool kind' },
  poolTier: { id: 'poolTier', name: '储备梯次', en: 'reserve tier' },
  teamKind: { id: 'teamKind', name: '班子类型', en: 'team kind' },
  positionCategory: { id: 'positionCategory', name: '职位类别', en: 'position category' },
  appointmentMethod: { id: 'appointmentMethod', name: '任职方式', en: 'appointment method' },
  appointmentKind: { id: 'appointmentKind', name: '任职类型', en: 'appointment kind' },
  keyMomentRating: { id: 'keyMomentRating', name: '表现评价', en: 'performance rating' },
  role: { id: 'role', name: '用户角色', en: 'user role' },
};
