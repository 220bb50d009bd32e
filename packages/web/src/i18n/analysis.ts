/**
 * Messages of the analysis pages (班子总览, 班子运行全息图, 结构分析). Loaded with those lazy pages, not with the
 * login / roster bundle: each page module imports this file, which adds the bundles to i18next.
 */
import i18n from './index';

export const zhAnalysis = {
  teams: {
    title: '班子总览', hint: '按“红蓝绿挂牌”规则研判各领导班子，点击班子进入运行全息图', asOf: '研判日期 {{date}}',
    unitKind: '单位类别', color: '研判结果', org: '单位范围（含下属）', q: '搜索班子名称', export: '导出Excel',
    total: '共 {{n}} 个班子', shown: '显示 {{n}} 个', showAll: '显示全部 {{n}} 个', none: '没有符合条件的班子',
    colorName: { red: '红牌', blue: '蓝牌', green: '绿牌' }, colorMeaning: { red: '结构问题突出', blue: '需关注', green: '结构合理' },
    kinds: { 镇街: '镇街', 党政机关: '党政机关（委办局）', 国有企业: '国有企业', 事业单位: '事业单位', 园区: '园区', 高校科研: '高校科研' },
    vacancies: '空缺 {{n}}', noVacancy: '无空缺', filled: '在任 {{filled}}/{{quota}}', meanAge: '平均 {{age}} 岁', noReason: '各项指标正常',
    more: '等 {{n}} 项',
  },
  hologram: {
    title: '班子运行全息图', back: '返回班子总览', members: '班子成员', radar: '班子结构雷达图', indicators: '研判指标',
    history: '季度预警', historyHint: '最近 {{n}} 个季度末的研判结果（按当时在任人员计算）', ledger: '一个班子一本账',
    ledgerHint: '下一步需要补齐的事项，按优先级排序', noHits: '各项指标均在正常范围', source: '依据：{{s}}',
    vacancy: '空缺', vacancyLevel: '{{level}}空缺', quota: '职数 {{quota}}，在任 {{filled}}', chief: '正职', key: '关键岗位',
    current: '现状', target: '岗位说明书要求', notAsked: '未作要求', asked: '要求', axis: '维度', value: '现状', requirement: '要求',
    figures: { quota: '核定职数', filled: '在任', vacancies: '空缺', meanAge: '平均年龄', range: '年龄跨度', young: '年轻干部', women: '女干部', nonParty: '党外干部', minority: '少数民族' },
    flags: { young: '年轻', woman: '女', nonParty: '党外', minority: '少数民族', should: '应交流', must: '须交流', retiring: '近期退休', past: '已到龄', lowAssessment: '考核偏弱', missingExperience: '缺经历' },
    legend: '卡片左侧色条：红=须交流/已到龄/考核偏弱/正职缺经历，蓝=应交流/近期退休，灰=正常',
    age: '{{age}}岁', inPost: '任现职{{y}}年', priority: { high: '高', medium: '中', low: '低' }, due: '时限 {{date}}',
    coverage: '专业与经历覆盖', specialties: '专业', experience: '经历', covered: '已具备', missing: '缺少', education: '学历结构',
    noLedger: '暂无待办事项', members_n: '{{n}} 人', quarter: '季度', memberCount: '在任 {{n}} 人',
  },
  stats: {
    title: '干部队伍结构分析', scope: '统计范围（含下属单位）', asOf: '统计日期', period: '提拔与新进统计期间',
    export: '导出Excel', report: '打印报告', sentences: '研判摘要', summary: '总体情况', total: '干部总数', meanAge: '平均年龄',
    young: '年轻干部', women: '女干部', minority: '少数民族干部', nonParty: '党外干部', share: '占比', count: '人数', category: '类别',
    pyramid: '年龄金字塔（按性别）', male: '男', female: '女', unknownSex: '性别未填', generation: '年代分布', education: '最高学历分布',
    specialty: '专业类别分布', dimensions: '各维度结构', youngTitle: '年轻干部（按职务层次的年龄标准）', level: '职务层次', threshold: '年龄标准',
    youngCount: '年轻干部', promotions: '干部提拔', promotionSentence: '{{from}}至{{to}}，提拔{{age}}岁以下年轻干部', promotionMid: '人，占同期新提拔干部总数的{{share}}（同期新提拔干部',
    promotionEnd: '人）。', noPromotions: '统计期间内无提拔记录', intake: '新进干部（按进入渠道）', channel: '进入渠道',
    intakeYoung: '其中{{age}}岁及以下 {{n}} 人，占 {{share}}（目标不低于 {{target}}）', meets: '达到目标', notMeets: '未达到目标',
    trend: '现有干部队伍年龄结构回溯（近5个年末）', trendHint: '以当前名册中的干部，按各年12月31日重新计算年龄（不含已离开队伍的人员，非当年实际在职人员统计）',
    trendYoung: '年轻干部占比', trendMean: '平均年龄', periodPresets: { thisYear: '本年度', lastYear: '上一年度', last3: '近三年', last5: '近五年' },
    persons: '{{n}}人', filters: '筛选', postLevel: '职务层次', sex: '性别', political: '政治面貌', education_f: '最高学历', clickHint: '点击任一数字可查看对应人员名单',
  },
};

export const enAnalysis: typeof zhAnalysis = {
  teams: {
    title: 'Teams overview', hint: 'Each leadership team rated red / blue / green by the configured indicators; click a team for its hologram', asOf: 'as of {{date}}',
    unitKind: 'Unit kind', color: 'Status', org: 'Units (with subunits)', q: 'Search team name', export: 'Export Excel',
    total: '{{n}} teams', shown: '{{n}} shown', showAll: 'Show all {{n}}', none: 'No team matches',
    colorName: { red: 'Red', blue: 'Blue', green: 'Green' }, colorMeaning: { red: 'serious structural gaps', blue: 'needs attention', green: 'sound' },
    kinds: { 镇街: 'Towns / streets', 党政机关: 'Party & government bodies', 国有企业: 'State-owned enterprises', 事业单位: 'Public institutions', 园区: 'Parks', 高校科研: 'Universities & research' },
    vacancies: '{{n}} vacant', noVacancy: 'no vacancy', filled: '{{filled}}/{{quota}} in post', meanAge: 'mean age {{age}}', noReason: 'all indicators normal',
    more: '+{{n}} more',
  },
  hologram: {
    title: 'Team hologram', back: 'Back to overview', members: 'Members', radar: 'Structure radar', indicators: 'Indicators',
    history: 'Quarterly warnings', historyHint: 'Status at the last {{n}} quarter ends (members then in post)', ledger: 'Team ledger',
    ledgerHint: 'What the team needs next, by priority', noHits: 'All indicators within range', source: 'Source: {{s}}',
    vacancy: 'Vacant', vacancyLevel: '{{level}} vacant', quota: 'quota {{quota}}, in post {{filled}}', chief: 'Chief', key: 'Key post',
    current: 'Current', target: 'Description requires', notAsked: 'not asked', asked: 'required', axis: 'Dimension', value: 'Current', requirement: 'Requirement',
    figures: { quota: 'Quota', filled: 'In post', vacancies: 'Vacant', meanAge: 'Mean age', range: 'Age range', young: 'Young', women: 'Women', nonParty: 'Non-CPC', minority: 'Ethnic minority' },
    flags: { young: 'Young', woman: 'Woman', nonParty: 'Non-CPC', minority: 'Minority', should: 'Rotation due', must: 'Must rotate', retiring: 'Retiring soon', past: 'Past retirement', lowAssessment: 'Weak assessment', missingExperience: 'Lacks experience' },
    legend: 'Card stripe: red = must rotate / past retirement / weak assessment / chief lacks experience; blue = rotation due / retiring soon; grey = normal',
    age: '{{age}} yrs', inPost: '{{y}} yrs in post', priority: { high: 'High', medium: 'Medium', low: 'Low' }, due: 'due {{date}}',
    coverage: 'Specialty and experience coverage', specialties: 'Specialties', experience: 'Experience', covered: 'covered', missing: 'missing', education: 'Education',
    noLedger: 'Nothing pending', members_n: '{{n}}', quarter: 'Quarter', memberCount: '{{n}} in post',
  },
  stats: {
    title: 'Workforce structure', scope: 'Scope (with subunits)', asOf: 'As of', period: 'Promotion / intake period',
    export: 'Export Excel', report: 'Print report', sentences: 'Summary', summary: 'Overall', total: 'Cadres', meanAge: 'Mean age',
    young: 'Young cadres', women: 'Women', minority: 'Ethnic minority', nonParty: 'Non-CPC', share: 'Share', count: 'Count', category: 'Category',
    pyramid: 'Age pyramid by sex', male: 'Male', female: 'Female', unknownSex: 'Sex unknown', generation: 'Generations', education: 'Highest education',
    specialty: 'Specialty', dimensions: 'All dimensions', youngTitle: 'Young cadres (age threshold by level)', level: 'Level', threshold: 'Age ≤',
    youngCount: 'Young', promotions: 'Promotions', promotionSentence: '{{from}} – {{to}}: promoted young cadres under {{age}}: ', promotionMid: ', {{share}} of all promotions in the period (',
    promotionEnd: ').', noPromotions: 'No promotion in the period', intake: 'Intake by channel', channel: 'Channel',
    intakeYoung: '{{n}} aged {{age}} or under, {{share}} (target ≥ {{target}})', meets: 'target met', notMeets: 'target missed',
    trend: 'Current workforce, ages at the last 5 year-ends (retrospective)', trendHint: 'The cadres on the current roster with ages recomputed at each 31 December (people who have left are not included; not the historical workforce)',
    trendYoung: 'Young share', trendMean: 'Mean age', periodPresets: { thisYear: 'This year', lastYear: 'Last year', last3: 'Last 3 years', last5: 'Last 5 years' },
    persons: '{{n}}', filters: 'Filters', postLevel: 'Level', sex: 'Sex', political: 'Political status', education_f: 'Education', clickHint: 'Click any number to list the people behind it',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zhAnalysis, true, false);
i18n.addResourceBundle('en', 'translation', enAnalysis, true, false);
