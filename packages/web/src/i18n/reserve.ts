/**
 * Messages of the 储备链 pages (储备库, 民主推荐, 梯队强度, 年轻干部培养, 季度研判, 梯队分析, 成长纪实). Loaded with those lazy
 * pages, not with the login / roster bundle: the pages import this file, which adds the bundles to i18next.
 */
import i18n from './index';

export const zhReserve = {
  reserve: {
    tier: { readyNow: '随时能用', shortTerm: '短期可用', future: '未来有用' },
    stage: { nominated: '单位推荐', inspected: '组织考察', compared: '比选研究', admitted: '入库', exited: '出库', rejected: '未入库' },
    action: { inspect: '组织考察', compare: '比选研究', admit: '入库', reject: '不予入库', exit: '出库' },
    actionTo: { inspect: '组织考察', compare: '比选研究', admit: '入库', reject: '未入库', exit: '出库' },
    event: { stage: '流程', nominate: '单位推荐', tier_suggestion: '系统建议梯次', tier_decision: '确认梯次', edit: '修改' },
    maturityPart: { levelYears: '任职年限', experienceBreadth: '经历广度', assessments: '年度考核', training: '教育培训', keyMoments: '关键时刻表现', fit: '岗位适配' },
    common: {
      name: '姓名', age: '年龄', ageN: '{{n}}岁', post: '单位职务', field: '类别', stage: '流程阶段', tier: '梯次', cadre: '干部',
      suggestedTier: '建议梯次', confirmedTier: '确认梯次', concentration: '推荐集中度', maturity: '干部成熟度', date: '日期',
      exportXlsx: '导出Excel', female: '女', orgScope: '单位范围（含下属）', persons: '{{n}}人', pickPool: '请选择储备库',
      searchCadre: '输入姓名或拼音首字母查找干部', suggestedHint: '系统按推荐集中度×成熟度建议，尚未经组织确认',
    },
    pools: {
      title: '储备库', hint: '正职后备库、优秀年轻干部库、五类干部库、四类干部清单及自定义库；入库、出库均按流程办理并留痕',
      name: '名称', kind: '类型', level: '层级', admitted: '在库', inProcess: '流程中 / 已离库', description: '说明', create: '新建储备库',
    },
    pool: {
      members: '成员', nominate: '单位推荐', nominated: '已登记单位推荐', nominateReason: '推荐理由', nominateReasonHint: '如：民主推荐得票靠前，年度考核连续优秀',
      pickCadre: '请选择干部', reason: '理由', reasonRequired: '请填写理由', exitReason: '出库原因', exitReasonRequired: '请选择出库原因',
      rejectCategory: '未入库原因类别', stepDone: '已办理：{{step}}', confirmTier: '确认梯次', confirm: '确认', change: '调整',
      decision: '组织确认', note: '备注', noteHint: '如：经部务会研究确定', tierConfirmed: '梯次已确认', history: '历史记录',
      recordedAt: '登记于', noRound: '无推荐', noTier: '未定梯次', unconfirmed: '待确认', search: '姓名或单位', shown: '显示 {{n}} 人',
      filter: { active: '在库及流程中', process: '流程中', admitted: '在库', left: '已出库/未入库', all: '全部' },
    },
    nineBox: {
      title: '九宫格', hint: '横轴为推荐集中度，纵轴为干部成熟度；拖动或点击人员可确认其梯次（建议与确认均留痕）',
      c0: '集中度低', c1: '集中度中', c2: '集中度高', m0: '成熟度低', m1: '成熟度中', m2: '成熟度高',
      legend: '姓名后的圆点表示已确认梯次（颜色同梯次）；无圆点为系统建议、待确认',
    },
    rounds: {
      title: '民主推荐', hint: '登记民主推荐（会议推荐、谈话推荐）结果，推荐集中度 = 得票数 ÷ 参加推荐人数，用于储备库梯次建议',
      record: '登记推荐结果', import: '从Excel导入', name: '推荐名称', voters: '参加推荐人数', scope: '推荐范围', scopeHint: '如：全区乡科级正职',
      targetLevel: '推荐职务层次', unit: '推荐单位', position: '推荐职位', target: '范围与对象', candidates: '被推荐人及得票',
      addCandidate: '添加被推荐人', votes: '得票数', votesRequired: '请填写得票数', tooManyVotes: '得票数不能超过参加推荐人数 {{n}}',
      needCandidate: '至少登记一名被推荐人', saved: '推荐结果已登记', candidateCount: '被推荐人数', top: '最高推荐集中度', imported: '已导入推荐结果',
      importHint: '按模板填写（身份证号，或姓名+单位；票数），整表校验通过后一次性导入，有错误则全部不导入。', template: '下载模板', pickFile: '选择 .xlsx 文件',
    },
    bench: {
      title: '梯队强度', hint: '关键岗位（正职在前）的后备人选按梯次排列；没有“随时能用”人选的岗位标为“急用现找”，并显示现任者{{n}}年内到龄情况',
      post: '关键岗位', chief: '正职', key: '关键岗位', urgent: '急用现找', incumbent: '现任', vacant: '空缺', retires: '{{date}}到龄',
      keyOnly: '仅关键岗位和正职', showAll: '全部岗位', showUrgent: '只看急用现找', showRetiring: '现任{{n}}年内到龄',
      keyPosts: '关键岗位数', urgentPosts: '急用现找岗位', forThisPost: '定向本岗位', more: '共{{n}}人', pastRetirement: '已到龄（{{date}}）',
      chiefN: '其中正职{{n}}', highRisk: '其中空缺或现任临近退休{{n}}', noSuccessor: '无任何后备人选', successors: '后备人选（按最高梯次去重）：随时能用{{r}}人，短期可用{{s}}人，未来有用{{f}}人；其中{{u}}人梯次尚未经组织确认（虚线标示）', covered: '有“随时能用”人选的岗位', retiringPosts: '现任{{n}}年内到龄的岗位',
    },
    growth: {
      title: '年轻干部培养', hint: '导师帮带、“一人一策”培养计划、教育培训达标和挂职轮岗情况',
      mentorTab: '导师帮带', trainingTab: '培训达标', planTab: '一人一策与挂职轮岗',
      activeOnly: '仅在带', addMentor: '确定导师', mentee: '培养对象', mentors: '导师', mode: '方式', oneToOne: '一对一', manyToOne: '多对一',
      mentorsHint: '导师（可多名，即“多对一”）', moreMentor: '再添一名导师', start: '开始日期', ongoing: '至今', end: '结束帮带', endConfirm: '确定以今天结束帮带？',
      members: '在库人数', behind: '未达标人数', politicalBehind: '政治训练未达标', hoursBehind: '年度学时未达标',
      trainingRule: '规则：每{{years}}年至少参加一次不少于{{days}}天的脱产政治训练；每年集中培训不少于{{hours}}学时（来自规则配置）',
      behindOnly: '只看未达标', onPace: '进度正常', political: '脱产政治训练', hours: '年度集中学时', hourUnit: '学时', ok: '达标', notOk: '未达标',
      lastPolitical: '最近 {{date}}', noPolitical: '无记录', dueBy: '应于{{date}}前', why: '说明',
      plans: '“一人一策”培养计划', noPlan: '暂无培养计划', addPlan: '制定培养计划', planName: '计划名称', planTitle: '{{name}}“一人一策”培养计划',
      goals: '培养目标', checkpoints: '跟踪节点', outcomes: '培养成效', addOutcome: '登记一条成效', addGoal: '添加目标', addCheckpoint: '添加节点', due: '完成时限',
      movements: '挂职与轮岗', addMovement: '登记挂职/轮岗', kind: '类型', status: '状态', planned: '计划', done: '已完成',
      hostUnit: '挂职/轮岗单位', toOrg: '去向单位', period: '起止时间', pickMember: '选择在库人员',
    },
    review: {
      title: '季度研判', hint: '按储备库和季度生成问题清单、实绩清单、整改清单，可逐条编辑责任人、时限和状态，导出或打印',
      generate: '生成三张清单', regenerate: '重新生成', regenerateConfirm: '重新生成将覆盖本季度已编辑的清单，确定？', generated: '已生成本季度三张清单',
      print: '打印', none: '{{quarter}} 尚未生成清单', empty: '本清单暂无事项', owner: '责任人', due: '完成时限', status: '状态',
      quarterLabel: '{{y}}年第{{q}}季度',
      list: { problem: '问题清单', achievement: '实绩清单', rectification: '整改清单' },
      text: { problem: '问题', achievement: '实绩', rectification: '整改措施' },
    },
    pipeline: {
      title: '梯队分析', size: '在库人数', inPeriod: '期间入库', outPeriod: '期间出库', youngShare: '提拔使用{{age}}岁以下占比',
      youngShareShort: '提拔干部中年轻干部占比', sizeAtEnd: '季末在库', funnel: '入库流程漏斗（期间推荐的人员）',
      sentence: '{{from}}至{{to}}，提拔使用年轻干部{{young}}人，占同期新提拔干部总数的{{share}}（同期新提拔干部{{total}}人）。', fromPool: '其中提拔时在储备库中的{{n}}人，占{{share}}。',
      noPromotion: '统计期间内无提拔记录', byLevel: '按层级', byAge: '按年龄段', byField: '按类别', bySex: '按性别',
      sankey: '入库出库流向', flows: '各季度进出', in: '入库', out: '出库',
    },
    growthTab: { timeline: '成长轨迹', pools: '储备库经历', noPool: '未进入任何储备库', keyMoments: '关键时刻表现纪实', assessments: '年度考核' },
    home: { urgent: '急用现找岗位' },
  },
};

export const enReserve: typeof zhReserve = {
  reserve: {
    tier: { readyNow: 'Ready now', shortTerm: 'Ready in 1–2 yrs', future: 'Future' },
    stage: { nominated: 'Nominated', inspected: 'Inspected', compared: 'Compared', admitted: 'Admitted', exited: 'Exited', rejected: 'Not admitted' },
    action: { inspect: 'Inspect', compare: 'Compare', admit: 'Admit', reject: 'Reject', exit: 'Exit' },
    actionTo: { inspect: 'Inspected', compare: 'Compared', admit: 'Admitted', reject: 'Not admitted', exit: 'Exited' },
    event: { stage: 'Workflow', nominate: 'Nominated', tier_suggestion: 'Tier suggested', tier_decision: 'Tier confirmed', edit: 'Edited' },
    maturityPart: { levelYears: 'Years at level', experienceBreadth: 'Experience breadth', assessments: 'Assessments', training: 'Training', keyMoments: 'Key moments', fit: 'Post fit' },
    common: {
      name: 'Name', age: 'Age', ageN: '{{n}}', post: 'Unit / post', field: 'Field', stage: 'Stage', tier: 'Tier', cadre: 'Cadre',
      suggestedTier: 'Suggested', confirmedTier: 'Confirmed', concentration: 'Concentration', maturity: 'Maturity', date: 'Date',
      exportXlsx: 'Export Excel', female: 'F', orgScope: 'Units (with subunits)', persons: '{{n}}', pickPool: 'Choose a pool',
      searchCadre: 'Search a cadre by name or pinyin initials', suggestedHint: 'Suggested from concentration × maturity; not yet confirmed',
    },
    pools: {
      title: 'Talent pools', hint: 'Chief successor pools, young-cadre pools, the five fields, the four lists and custom pools; entry and exit follow the workflow and are recorded',
      name: 'Name', kind: 'Kind', level: 'Level', admitted: 'Members', inProcess: 'In process / left', description: 'Description', create: 'New pool',
    },
    pool: {
      members: 'Members', nominate: 'Nominate', nominated: 'Nomination recorded', nominateReason: 'Reason', nominateReasonHint: 'e.g. high recommendation votes, excellent assessments',
      pickCadre: 'Choose a cadre', reason: 'Reason', reasonRequired: 'A reason is required', exitReason: 'Exit reason', exitReasonRequired: 'Choose an exit reason',
      rejectCategory: 'Reason category', stepDone: 'Done: {{step}}', confirmTier: 'Confirm tier', confirm: 'Confirm', change: 'Change',
      decision: 'Decision', note: 'Note', noteHint: 'e.g. decided by the department meeting', tierConfirmed: 'Tier confirmed', history: 'History',
      recordedAt: 'recorded', noRound: 'no round', noTier: 'No tier', unconfirmed: 'To confirm', search: 'Name or unit', shown: '{{n}} shown',
      filter: { active: 'Open', process: 'In process', admitted: 'Members', left: 'Left', all: 'All' },
    },
    nineBox: {
      title: '9-box', hint: 'Across: recommendation concentration; up: maturity. Drag or click a person to confirm their tier (suggestion and decision are both kept)',
      c0: 'Low concentration', c1: 'Medium concentration', c2: 'High concentration', m0: 'Low maturity', m1: 'Medium maturity', m2: 'High maturity',
      legend: 'A dot after the name: tier confirmed (tier colour); no dot: suggestion only',
    },
    rounds: {
      title: 'Recommendation rounds', hint: 'Record the results of democratic recommendation; concentration = votes ÷ voters, used for tier suggestions',
      record: 'Record a round', import: 'Import from Excel', name: 'Round', voters: 'Voters', scope: 'Scope', scopeHint: 'e.g. all town chiefs',
      targetLevel: 'Target level', unit: 'Unit', position: 'Post', target: 'Scope and target', candidates: 'Candidates and votes',
      addCandidate: 'Add a candidate', votes: 'Votes', votesRequired: 'Votes are required', tooManyVotes: 'Votes cannot exceed the {{n}} voters',
      needCandidate: 'Record at least one candidate', saved: 'Round recorded', candidateCount: 'Candidates', top: 'Top concentration', imported: 'Round imported',
      importHint: 'Fill in the template (ID number, or name + unit; votes). The file is checked as a whole and imported all or nothing.', template: 'Template', pickFile: 'Choose an .xlsx file',
    },
    bench: {
      title: 'Bench strength', hint: 'Successors of every key post (chiefs first) by tier; posts without anyone ready now are flagged, with incumbents retiring within {{n}} years',
      post: 'Key post', chief: 'Chief', key: 'Key post', urgent: 'No one ready', incumbent: 'Incumbent', vacant: 'Vacant', retires: 'retires {{date}}',
      keyOnly: 'Key posts and chiefs only', showAll: 'All posts', showUrgent: 'No one ready only', showRetiring: 'Incumbent retires within {{n}} yrs',
      keyPosts: 'Key posts', urgentPosts: 'Posts with no one ready', forThisPost: 'targets this post', more: '{{n}} in all', pastRetirement: 'past retirement ({{date}})',
      chiefN: '{{n}} chiefs', highRisk: '{{n}} vacant or retiring', noSuccessor: 'Posts without any successor', successors: 'Successors (by best tier): {{r}} ready now, {{s}} in 1–2 years, {{f}} future; {{u}} with a tier not yet confirmed (dashed)', covered: 'Posts with someone ready now', retiringPosts: 'Incumbent retiring within {{n}} yrs',
    },
    growth: {
      title: 'Young-cadre development', hint: 'Mentors, individual development plans, training duties, secondments and rotations',
      mentorTab: 'Mentors', trainingTab: 'Training duties', planTab: 'Plans and secondments',
      activeOnly: 'Current only', addMentor: 'Assign mentors', mentee: 'Mentee', mentors: 'Mentors', mode: 'Mode', oneToOne: 'one-to-one', manyToOne: 'many-to-one',
      mentorsHint: 'Mentors (several = many-to-one)', moreMentor: 'Add a mentor', start: 'Start', ongoing: 'now', end: 'End', endConfirm: 'End this mentorship today?',
      members: 'Members', behind: 'Behind', politicalBehind: 'Political training behind', hoursBehind: 'Annual hours behind',
      trainingRule: 'Rule: an off-job political training of at least {{days}} days every {{years}} years; at least {{hours}} hours of centralised training a year (from the rules)',
      behindOnly: 'Behind only', onPace: 'on pace', political: 'Political training', hours: 'Annual hours', hourUnit: 'h', ok: 'met', notOk: 'behind',
      lastPolitical: 'last {{date}}', noPolitical: 'none on record', dueBy: 'due {{date}}', why: 'Why',
      plans: 'Individual development plans', noPlan: 'No plan yet', addPlan: 'New plan', planName: 'Title', planTitle: 'Development plan of {{name}}',
      goals: 'Goals', checkpoints: 'Checkpoints', outcomes: 'Outcomes', addOutcome: 'Record an outcome', addGoal: 'Add a goal', addCheckpoint: 'Add a checkpoint', due: 'Due',
      movements: 'Secondments and rotations', addMovement: 'Record a secondment / rotation', kind: 'Kind', status: 'Status', planned: 'Planned', done: 'Done',
      hostUnit: 'Host unit', toOrg: 'To unit', period: 'Period', pickMember: 'Choose a member',
    },
    review: {
      title: 'Quarterly review', hint: 'For a pool and a quarter: the problem, achievement and rectification lists; edit owner, due date and status; export or print',
      generate: 'Generate the three lists', regenerate: 'Regenerate', regenerateConfirm: 'Regenerating replaces the edited lists of this quarter. Continue?', generated: 'Lists generated',
      print: 'Print', none: 'No lists for {{quarter}} yet', empty: 'Nothing on this list', owner: 'Owner', due: 'Due', status: 'Status',
      quarterLabel: '{{y}} Q{{q}}',
      list: { problem: 'Problems', achievement: 'Achievements', rectification: 'Rectifications' },
      text: { problem: 'Problem', achievement: 'Achievement', rectification: 'Action' },
    },
    pipeline: {
      title: 'Pipeline analysis', size: 'Members', inPeriod: 'Admitted in period', outPeriod: 'Left in period', youngShare: 'Young (under {{age}}) share of promotions',
      youngShareShort: 'Young share of promotions', sizeAtEnd: 'Members at quarter end', funnel: 'Workflow funnel (nominated in the period)',
      sentence: '{{from}} – {{to}}: {{young}} young cadres promoted, {{share}} of all {{total}} promotions in the period. ', fromPool: '{{n}} of them ({{share}}) were in a pool when promoted.',
      noPromotion: 'No promotion in the period', byLevel: 'By level', byAge: 'By age band', byField: 'By field', bySex: 'By sex',
      sankey: 'Flow in and out', flows: 'In and out per quarter', in: 'In', out: 'Out',
    },
    growthTab: { timeline: 'Milestones', pools: 'Pools', noPool: 'In no pool', keyMoments: 'Key-moment records', assessments: 'Annual assessments' },
    home: { urgent: 'Key posts with no one ready' },
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zhReserve, true, false);
i18n.addResourceBundle('en', 'translation', enReserve, true, false);
