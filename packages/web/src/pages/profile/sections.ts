/** Declarative description of the profile sections (一人一档): fields, validation, table columns. */

/** 'org': an org unit id picked from the user's org tree */
export type FieldType = 'text' | 'textarea' | 'date' | 'number' | 'select' | 'code' | 'bool' | 'tags' | 'goals' | 'checkpoints' | 'org';

export interface FieldDef {
  name: string;
  /** i18n key under `field.` (defaults to name) */
  label?: string;
  type: FieldType;
  required?: boolean;
  /** logical code set (see CODE_SET_ALIASES) for type 'code' / 'tags' */
  codeSet?: string;
  /** fixed options for 'select' (value = stored value) or fallback options for 'code' / 'tags' */
  options?: (string | { value: string; label: string })[];
  min?: number;
  max?: number;
  /** show in the section table (default: true except textarea/goals/checkpoints) */
  inTable?: boolean;
  /** only for the basic form: needs a sensitive permission */
  sensitive?: 'idNumber';
  /** field of the same form whose value selects the code set (rank-history: kind → postLevel/rank) */
  codeSetFrom?: { field: string; map: Record<string, string> };
  width?: number;
}

export interface SectionDef {
  key: string;
  fields: FieldDef[];
  /** [earlier, later] field pairs that must be in order */
  dateOrder?: [string, string][];
  /** sort rows by this field, descending */
  sortBy?: string;
  sensitive?: boolean;
  /** date fields that may be neither in the future nor before the birth date (server: pastDates) */
  pastDates?: string[];
  /** date fields that may not precede 参加工作时间 (server: afterWorkStart) */
  afterWorkStart?: string[];
  /** audit entity name (= table name) */
  entity: string;
}

export const STYLE_OPTIONS = [
  { value: 'tiger', label: '小老虎型' },
  { value: 'ox', label: '老黄牛型' },
];

export const BASIC_FIELDS: FieldDef[] = [
  { name: 'name', type: 'text', required: true },
  { name: 'sex', type: 'code', codeSet: 'sex', required: true, options: [{ value: '1', label: '男' }, { value: '2', label: '女' }] },
  { name: 'ethnicity', type: 'code', codeSet: 'ethnicity', required: true },
  { name: 'birthDate', type: 'date', required: true },
  { name: 'nativePlace', type: 'text' },
  { name: 'birthPlace', type: 'text' },
  { name: 'idNumber', type: 'text', sensitive: 'idNumber' },
  { name: 'politicalStatus', type: 'code', codeSet: 'political', required: true },
  { name: 'partyJoinDate', type: 'date' },
  { name: 'workStartDate', type: 'date', required: true },
  // 健康状况: stored as written on the 任免审批表; the server checks it names a GB/T 4767 category
  { name: 'health', type: 'select', options: ['健康', '良好', '一般', '较弱', '有慢性病', '残疾'] },
  { name: 'professionalTitle', type: 'text' },
  { name: 'specialtyCategory', type: 'code', codeSet: 'specialty' },
  { name: 'fullTimeEducation', type: 'code', codeSet: 'education' },
  { name: 'fullTimeDegree', type: 'code', codeSet: 'degree' },
  { name: 'highestEducation', type: 'code', codeSet: 'education' },
  { name: 'highestDegree', type: 'code', codeSet: 'degree' },
  { name: 'currentPostTitle', type: 'text' },
  { name: 'postLevel', type: 'code', codeSet: 'postLevel' },
  { name: 'rank', type: 'code', codeSet: 'rank' },
  { name: 'postStartDate', type: 'date' },
  { name: 'levelStartDate', type: 'date' },
  { name: 'status', type: 'code', codeSet: 'status', options: ['在职', '退休', '调出', '去世'] },
  { name: 'style', type: 'code', codeSet: 'style', options: STYLE_OPTIONS },
  { name: 'intakeChannel', type: 'code', codeSet: 'intakeChannel', options: ['选调生', '公务员招录', '到村工作大学生', '引进', '军转', '其他'] },
  { name: 'tags', type: 'tags', codeSet: 'tag' },
  { name: 'expertise', type: 'textarea' },
  { name: 'remark', type: 'textarea' },
];

/** 新增干部: the unit first (a unit HR officer may only add people of their own unit), then the basic fields */
export const NEW_CADRE_FIELDS: FieldDef[] = [{ name: 'currentOrgId', type: 'org', required: true }, ...BASIC_FIELDS];

export const BASIC_DATE_ORDER: [string, string][] = [
  ['birthDate', 'workStartDate'],
  ['birthDate', 'partyJoinDate'],
  ['workStartDate', 'postStartDate'],
  ['levelStartDate', 'postStartDate'],
  ['workStartDate', 'levelStartDate'],
];

const EXPERIENCE = ['镇街', '基层', '经济', '招商引资', '乡村振兴', '基层治理', '城建规划', '法治', '党建', '信访维稳', '应急'];

export const SECTIONS: SectionDef[] = [
  {
    key: 'education',
    entity: 'education',
    pastDates: ['startDate', 'endDate'],
    sortBy: 'startDate',
    dateOrder: [['startDate', 'endDate']],
    fields: [
      { name: 'mode', type: 'code', codeSet: 'educationMode', required: true, options: ['全日制', '在职'] },
      { name: 'education', type: 'code', codeSet: 'education', required: true },
      { name: 'degree', type: 'code', codeSet: 'degree' },
      { name: 'school', type: 'text', required: true },
      { name: 'major', type: 'text' },
      { name: 'majorCategory', type: 'code', codeSet: 'specialty' },
      { name: 'startDate', type: 'date' },
      { name: 'endDate', type: 'date' },
    ],
  },
  {
    key: 'career',
    entity: 'career',
    pastDates: ['startDate', 'endDate'],
    afterWorkStart: ['startDate'],
    sortBy: 'startDate',
    dateOrder: [['startDate', 'endDate']],
    fields: [
      { name: 'startDate', type: 'date', required: true },
      { name: 'endDate', type: 'date' },
      { name: 'orgName', type: 'text', required: true },
      { name: 'postTitle', type: 'text', required: true },
      { name: 'postLevel', type: 'code', codeSet: 'postLevel' },
      { name: 'isGrassroots', type: 'bool' },
      { name: 'experienceTypes', type: 'tags', codeSet: 'experience', options: EXPERIENCE },
    ],
  },
  {
    key: 'rank-history',
    entity: 'rank_history',
    pastDates: ['startDate', 'endDate'],
    afterWorkStart: ['startDate'],
    sortBy: 'startDate',
    dateOrder: [['startDate', 'endDate']],
    fields: [
      { name: 'kind', type: 'select', required: true, options: [{ value: 'post_level', label: '职务层次' }, { value: 'rank', label: '职级' }] },
      { name: 'code', type: 'code', required: true, codeSetFrom: { field: 'kind', map: { post_level: 'postLevel', rank: 'rank' } } },
      { name: 'startDate', type: 'date', required: true },
      { name: 'endDate', type: 'date' },
      { name: 'docNo', type: 'text' },
    ],
  },
  {
    key: 'assessments',
    entity: 'assessment',
    pastDates: [],
    sortBy: 'year',
    fields: [
      { name: 'year', type: 'number', required: true, min: 1950, max: 2100 },
      { name: 'quarter', type: 'number', min: 1, max: 4 },
      { name: 'result', type: 'code', codeSet: 'assessmentResult', options: ['优秀', '称职', '基本称职', '不称职', '不定等次'] },
      { name: 'score', type: 'number', min: 0, max: 100 },
      { name: 'stars', type: 'number', min: 0, max: 5 },
      { name: 'remark', type: 'text' },
    ],
  },
  {
    key: 'training',
    entity: 'training',
    pastDates: ['startDate', 'endDate'],
    sortBy: 'startDate',
    dateOrder: [['startDate', 'endDate']],
    fields: [
      { name: 'name', label: 'trainingName', type: 'text', required: true },
      { name: 'organizer', type: 'text' },
      { name: 'startDate', type: 'date', required: true },
      { name: 'endDate', type: 'date' },
      { name: 'hours', type: 'number', required: true, min: 0.5, max: 2000 },
      { name: 'mode', type: 'code', codeSet: 'trainingMode', required: true, options: ['脱产', '在线', '在职'] },
      { name: 'isPolitical', type: 'bool' },
    ],
  },
  {
    key: 'rewards',
    entity: 'reward',
    pastDates: ['date'],
    sortBy: 'date',
    fields: [
      { name: 'date', type: 'date', required: true },
      { name: 'name', label: 'rewardName', type: 'text', required: true },
      { name: 'level', type: 'text' },
      { name: 'issuer', type: 'text' },
    ],
  },
  {
    key: 'discipline',
    entity: 'discipline',
    pastDates: ['date', 'revokedOn'],
    sortBy: 'date',
    sensitive: true,
    dateOrder: [['date', 'revokedOn']],
    fields: [
      { name: 'date', type: 'date', required: true },
      {
        name: 'kind', type: 'code', codeSet: 'disciplineKind', required: true,
        options: ['警告', '严重警告', '记过', '记大过', '降级', '撤职', '撤销党内职务', '留党察看', '开除', '诫勉', '调离岗位', '责令辞职', '免职', '降职'],
      },
      { name: 'category', type: 'select', required: true, options: ['党纪', '政务', '组织处理'] },
      { name: 'reason', type: 'textarea', required: true, inTable: true },
      { name: 'authority', type: 'text' },
      { name: 'impactMonths', type: 'number', min: 0, max: 120 },
      { name: 'revokedOn', type: 'date' },
    ],
  },
  {
    key: 'family',
    entity: 'family_member',
    pastDates: [],
    sensitive: true,
    fields: [
      { name: 'relation', type: 'code', codeSet: 'relation', required: true, options: ['配偶', '父亲', '母亲', '儿子', '女儿', '岳父', '岳母', '公公', '婆婆'] },
      { name: 'name', label: 'memberName', type: 'text', required: true },
      { name: 'birthDate', type: 'date' },
      { name: 'politicalStatus', type: 'code', codeSet: 'political' },
      { name: 'workUnitPost', type: 'text' },
    ],
  },
  {
    key: 'key-moments',
    entity: 'key_moment',
    pastDates: ['date'],
    sortBy: 'date',
    fields: [
      { name: 'date', type: 'date', required: true },
      { name: 'event', type: 'text', required: true },
      { name: 'performance', type: 'textarea', required: true, inTable: true },
      { name: 'rating', type: 'code', codeSet: 'keyMomentRating', options: ['突出', '较好', '一般', '较差'] },
      { name: 'recorder', type: 'text' },
    ],
  },
  {
    key: 'political-quality',
    entity: 'political_quality',
    pastDates: ['date'],
    sortBy: 'date',
    fields: [
      { name: 'date', type: 'date', required: true },
      { name: 'loyalty', type: 'number', min: 1, max: 5 },
      { name: 'steadiness', type: 'number', min: 1, max: 5 },
      { name: 'responsibility', type: 'number', min: 1, max: 5 },
      { name: 'capability', type: 'number', min: 1, max: 5 },
      { name: 'selfDiscipline', type: 'number', min: 1, max: 5 },
      { name: 'summary', type: 'textarea', inTable: true },
      { name: 'recorder', type: 'text' },
    ],
  },
  {
    key: 'talks',
    entity: 'talk_record',
    pastDates: ['date'],
    sortBy: 'date',
    fields: [
      { name: 'date', type: 'date', required: true },
      { name: 'kind', type: 'code', codeSet: 'talkKind', required: true, options: ['谈心谈话', '提醒谈话', '任前谈话', '诫勉谈话', '年度考核谈话'] },
      { name: 'talker', type: 'text', required: true },
      { name: 'summary', type: 'textarea', required: true, inTable: true },
      { name: 'followUp', type: 'textarea' },
    ],
  },
  {
    key: 'movements',
    entity: 'movement',
    pastDates: ['date', 'startDate'],
    sortBy: 'date',
    dateOrder: [['startDate', 'endDate']],
    fields: [
      {
        name: 'kind', type: 'code', codeSet: 'movementKind', required: true,
        options: ['交流轮岗', '挂职', '上挂', '下派', '职级晋升', '提拔', '平职调整', '改非', '免职', '退休'],
      },
      { name: 'date', type: 'date', required: true },
      { name: 'fromOrg', type: 'text' },
      { name: 'toOrg', type: 'text' },
      { name: 'hostUnit', type: 'text' },
      { name: 'startDate', type: 'date' },
      { name: 'endDate', type: 'date' },
      { name: 'docNo', type: 'text' },
      { name: 'note', type: 'textarea' },
    ],
  },
  {
    key: 'supervision',
    entity: 'supervision_item',
    pastDates: ['date', 'closedOn'],
    sortBy: 'date',
    sensitive: true,
    dateOrder: [['date', 'closedOn']],
    fields: [
      {
        name: 'kind', type: 'code', codeSet: 'supervisionKind', required: true,
        options: [
          { value: 'negative_info', label: '负面信息' },
          { value: 'action', label: '提醒函询诫勉' },
          { value: 'personal_matters_check', label: '个人有关事项报告查核' },
          { value: 'special_file', label: '特别监督档案' },
        ],
      },
      { name: 'category', type: 'text' },
      { name: 'sourceDept', type: 'text' },
      { name: 'date', type: 'date', required: true },
      { name: 'summary', type: 'textarea', required: true, inTable: true },
      { name: 'action', type: 'code', codeSet: 'supervisionAction', options: ['提醒', '函询', '诫勉'] },
      { name: 'finding', type: 'textarea' },
      { name: 'closedOn', type: 'date' },
    ],
  },
  {
    key: 'care',
    entity: 'care_record',
    pastDates: ['date'],
    sortBy: 'date',
    sensitive: true,
    fields: [
      { name: 'kind', type: 'code', codeSet: 'careKind', required: true, options: ['容错免责', '澄清正名', '影响期满重新使用', '受问责干部跟踪回访'] },
      { name: 'date', type: 'date', required: true },
      { name: 'summary', type: 'textarea', required: true, inTable: true },
      { name: 'outcome', type: 'text' },
    ],
  },
  {
    key: 'development-plans',
    entity: 'development_plan',
    pastDates: [],
    fields: [
      { name: 'title', type: 'text', required: true },
      { name: 'status', label: 'planStatus', type: 'select', required: true, options: ['进行中', '已完成', '已终止'] },
      { name: 'goals', type: 'goals', inTable: true },
      { name: 'checkpoints', type: 'checkpoints', inTable: true },
    ],
  },
];

/** order of the tabs (brief): basic, sections…, audit */
export const SECTION_ORDER = ['basic', ...SECTIONS.map((s) => s.key), 'audit'];

export const sectionDef = (key: string) => SECTIONS.find((s) => s.key === key);

/** `career[2].startDate` → `startDate` (single-row forms use the last segment) */
export function issueField(path: string): string {
  const parts = path.split('.');
  return (parts[parts.length - 1] ?? path).replace(/\[\d+\]$/, '');
}
