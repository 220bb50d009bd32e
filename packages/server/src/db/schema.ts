/**
 * Cadre Atlas data model (Drizzle, PostgreSQL dialect; runs on PGlite and on PostgreSQL).
 * See docs/data-model.md for the diagram and the meaning of each table.
 *
 * Conventions
 * - every mutable record carries `version` (optimistic locking: stale update → 409)
 * - dates that are calendar dates use `date` (string 'YYYY-MM-DD' in JS)
 * - codes from national code sets (GB/T, 中组部 ZB) are stored as their code strings and
 *   validated against `code_item` / the tables in @cadre/core
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const stamps = {
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

// ───────────────────────────── code tables 代码集 ─────────────────────────────
/** One row per code of a national code set (性别 GB/T 2261.1, 民族 GB/T 3304, …). */
export const codeItem = pgTable(
  'code_item',
  {
    setCode: text('set_code').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
    parent: text('parent'),
    extra: jsonb('extra').$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.setCode, t.code] })],
);

// ───────────────────────────── rules configuration 规则配置 ─────────────────────────────
/** Versioned rules configuration; the row with the highest version is in force. */
export const rulesConfig = pgTable('rules_config', {
  version: integer('version').primaryKey(),
  config: jsonb('config').notNull().$type<Record<string, unknown>>(),
  comment: text('comment'),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// ───────────────────────────── organisation 单位 / 班子 / 职位 ─────────────────────────────
export const orgUnit = pgTable(
  'org_unit',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id'),
    /** materialised path of ids, e.g. '/1/5/23/' — subtree = path LIKE '/1/5/%' */
    path: text('path').notNull().default('/'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    code: text('code'),
    /** 党政机关 | 事业单位 | 国有企业 | 镇街 | 园区 | 高校科研 (see core ORG_KINDS) */
    kind: text('kind').notNull(),
    /** 区管 | 市管 */
    managementLevel: text('management_level').notNull().default('区管'),
    /** post level of the unit's head (e.g. 131 正处 / 141 正科) */
    rankLevel: text('rank_level'),
    sort: integer('sort').notNull().default(0),
    ...stamps,
  },
  (t) => [index('org_unit_path_idx').on(t.path), index('org_unit_parent_idx').on(t.parentId)],
);

/** 领导班子: one per unit, sometimes several (党委, 政府, 人大, 政协 sub-teams). */
export const team = pgTable(
  'team',
  {
    id: serial('id').primaryKey(),
    orgUnitId: integer('org_unit_id').notNull().references(() => orgUnit.id),
    name: text('name').notNull(),
    /** 党政班子 | 党委 | 政府 | 人大 | 政协 | 经营班子 */
    kind: text('kind').notNull().default('党政班子'),
    description: text('description'),
    /** team-level needs from the 岗位说明书: { woman: true, young: 1, nonParty: true, specialties: [...], experience: [...] } */
    needs: jsonb('needs').$type<Record<string, unknown>>(),
    ...stamps,
  },
  (t) => [index('team_org_idx').on(t.orgUnitId)],
);

/** 职位 with 职数 (quota) and the 岗位说明书 (position description). */
export const position = pgTable(
  'position',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id').notNull().references(() => team.id),
    orgUnitId: integer('org_unit_id').notNull().references(() => orgUnit.id),
    title: text('title').notNull(),
    /** 职务级别 GB/T 12407 (131 正处, 132 副处, 141 正科, 142 副科 …) */
    level: text('level').notNull(),
    /** 正职 ("一把手" when party/government chief) */
    isChief: boolean('is_chief').notNull().default(false),
    /** 党委 | 行政 | 人大 | 政协 | 纪检 | 企业经营 | 事业管理 */
    category: text('category').notNull().default('行政'),
    /** 关键岗位 */
    isKey: boolean('is_key').notNull().default(false),
    /** 职数 */
    quota: integer('quota').notNull().default(1),
    /** 岗位说明书: required level, specialties, experience types, competency weights, style, age band */
    description: jsonb('description').$type<Record<string, unknown>>(),
    sort: integer('sort').notNull().default(0),
    ...stamps,
  },
  (t) => [index('position_team_idx').on(t.teamId), index('position_org_idx').on(t.orgUnitId)],
);

// ───────────────────────────── cadre 干部 (一人一档) ─────────────────────────────
export const cadre = pgTable(
  'cadre',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** pinyin initials of the name, lower case (张三 → zs), for quick search */
    pinyin: text('pinyin').notNull().default(''),
    /** 性别 GB/T 2261.1: 1 男, 2 女 */
    sex: text('sex').notNull(),
    /** 民族 GB/T 3304 */
    ethnicity: text('ethnicity').notNull(),
    birthDate: date('birth_date').notNull(),
    /** 籍贯 */
    nativePlace: text('native_place'),
    /** 出生地 */
    birthPlace: text('birth_place'),
    /** 身份证号 (GB 11643) — sensitive */
    idNumber: text('id_number'),
    /** 政治面貌 GB/T 4762 */
    politicalStatus: text('political_status').notNull(),
    /** 入党时间 */
    partyJoinDate: date('party_join_date'),
    /** 参加工作时间 */
    workStartDate: date('work_start_date').notNull(),
    health: text('health'),
    /** 专业技术职务 */
    professionalTitle: text('professional_title'),
    /** 熟悉专业有何专长 */
    expertise: text('expertise'),
    /** 专业类别 (法学, 经济学, 工学 …) of the highest education, denormalised for statistics */
    specialtyCategory: text('specialty_category'),
    /** 全日制教育 学历/学位 (codes) */
    fullTimeEducation: text('full_time_education'),
    fullTimeDegree: text('full_time_degree'),
    /** 最高学历/学位 (codes) */
    highestEducation: text('highest_education'),
    highestDegree: text('highest_degree'),
    /** current unit and post, denormalised from appointment for the roster */
    currentOrgId: integer('current_org_id').references(() => orgUnit.id),
    currentPositionId: integer('current_position_id'),
    /** 现任职务 (display text, e.g. "某某镇党委书记") */
    currentPostTitle: text('current_post_title'),
    /** 职务层次 (GB/T 12407 code) */
    postLevel: text('post_level'),
    /** 职级 (职务职级并行 code) */
    rank: text('rank'),
    /** 任现职时间 */
    postStartDate: date('post_start_date'),
    /** 任同级时间 */
    levelStartDate: date('level_start_date'),
    /** 在职 | 退休 | 调出 | 去世 */
    status: text('status').notNull().default('在职'),
    /** 干部类型 style (000): tiger 小老虎型 | ox 老黄牛型 */
    style: text('style'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** how the cadre entered the service: 选调生 | 公务员招录 | 到村工作大学生 | 引进 | 军转 | 其他 */
    intakeChannel: text('intake_channel'),
    photo: text('photo'),
    remark: text('remark'),
    ...stamps,
  },
  (t) => [
    index('cadre_org_idx').on(t.currentOrgId),
    index('cadre_birth_idx').on(t.birthDate),
    index('cadre_level_idx').on(t.postLevel, t.birthDate),
    // sex + level + age (young-cadre and age-band filters with 性别): each young-threshold branch is one index range
    index('cadre_sex_level_birth_idx').on(t.sex, t.postLevel, t.birthDate),
    index('cadre_rank_idx').on(t.rank),
    index('cadre_name_idx').on(t.name),
    // LIKE 'zs%' prefix search works with any collation only through text_pattern_ops
    index('cadre_pinyin_idx').on(t.pinyin.op('text_pattern_ops')),
    // covering index: roster counts with the common filters become index-only scans
    index('cadre_filter_cover').on(t.status, t.politicalStatus, t.highestEducation, t.sex, t.postLevel, t.rank, t.specialtyCategory, t.birthDate, t.currentOrgId),
    index('cadre_status_idx').on(t.status),
    index('cadre_tags_idx').using('gin', t.tags),
    uniqueIndex('cadre_id_number_uq').on(t.idNumber),
  ],
);

/** 任职 — who holds which post, from/to, how appointed. */
export const appointment = pgTable(
  'appointment',
  {
    id: serial('id').primaryKey(),
    cadreId: integer('cadre_id').notNull().references(() => cadre.id, { onDelete: 'cascade' }),
    positionId: integer('position_id').notNull().references(() => position.id),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    /** 任职方式: 选任 | 委任 | 聘任 | 考任 */
    method: text('method').notNull().default('委任'),
    /** 任职 | 兼任 | 挂职 | 代理 */
    kind: text('kind').notNull().default('任职'),
    docNo: text('doc_no'),
    endReason: text('end_reason'),
    ...stamps,
  },
  (t) => [index('appointment_cadre_idx').on(t.cadreId), index('appointment_position_idx').on(t.positionId)],
);

const section = (name: string) => ({
  id: serial('id').primaryKey(),
  cadreId: integer('cadre_id')
    .notNull()
    .references(() => cadre.id, { onDelete: 'cascade' }),
  ...stamps,
});

/** 学历学位 — 全日制 / 在职 education entries */
export const education = pgTable(
  'education',
  {
    ...section('education'),
    /** 全日制 | 在职 */
    mode: text('mode').notNull(),
    education: text('education').notNull(),
    degree: text('degree'),
    school: text('school').notNull(),
    major: text('major'),
    majorCategory: text('major_category'),
    startDate: date('start_date'),
    endDate: date('end_date'),
  },
  (t) => [index('education_cadre_idx').on(t.cadreId)],
);

/** 简历 — career history */
export const career = pgTable(
  'career',
  {
    ...section('career'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    orgName: text('org_name').notNull(),
    postTitle: text('post_title').notNull(),
    postLevel: text('post_level'),
    /** worked at grassroots (镇街/村/社区) */
    isGrassroots: boolean('is_grassroots').notNull().default(false),
    /** 经历类型: 镇街, 经济, 招商引资, 乡村振兴, 基层治理, 城建规划, 法治, 党建, 信访维稳, 应急 … */
    experienceTypes: text('experience_types').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [index('career_cadre_idx').on(t.cadreId)],
);

/** 职务层次与职级 history (职务职级并行) */
export const rankHistory = pgTable(
  'rank_history',
  {
    ...section('rank_history'),
    /** post_level (职务层次) | rank (职级) */
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    docNo: text('doc_no'),
  },
  (t) => [
    index('rank_history_cadre_idx').on(t.cadreId, t.kind, t.startDate),
    // promotions in a period (structure statistics, pipeline): kind = 'post_level' and start_date between …
    index('rank_history_kind_date_idx').on(t.kind, t.startDate),
  ],
);

/** 年度考核 (quarter null) and quarterly 星级 assessments */
export const assessment = pgTable(
  'assessment',
  {
    ...section('assessment'),
    year: integer('year').notNull(),
    quarter: integer('quarter'),
    /** 优秀 | 称职 | 基本称职 | 不称职 | 不定等次 */
    result: text('result'),
    score: numeric('score', { precision: 5, scale: 2, mode: 'number' }),
    stars: integer('stars'),
    remark: text('remark'),
  },
  (t) => [index('assessment_cadre_idx').on(t.cadreId, t.year)],
);

/** 培训 */
export const training = pgTable(
  'training',
  {
    ...section('training'),
    name: text('name').notNull(),
    organizer: text('organizer'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    hours: numeric('hours', { precision: 7, scale: 1, mode: 'number' }).notNull(),
    /** 脱产 | 在线 | 在职 */
    mode: text('mode').notNull(),
    isPolitical: boolean('is_political').notNull().default(false),
  },
  (t) => [index('training_cadre_idx').on(t.cadreId)],
);

/** 奖励 */
export const reward = pgTable(
  'reward',
  {
    ...section('reward'),
    date: date('date').notNull(),
    name: text('name').notNull(),
    level: text('level'),
    issuer: text('issuer'),
  },
  (t) => [index('reward_cadre_idx').on(t.cadreId)],
);

/** 处分 / 组织处理 — sensitive; impact period from the rules configuration */
export const discipline = pgTable(
  'discipline',
  {
    ...section('discipline'),
    date: date('date').notNull(),
    /** 警告 | 严重警告 | 记过 | 记大过 | 降级 | 撤职 | 撤销党内职务 | 留党察看 | 开除 | 诫勉 | 调离岗位 … */
    kind: text('kind').notNull(),
    /** 党纪 | 政务 | 组织处理 */
    category: text('category').notNull(),
    reason: text('reason').notNull(),
    authority: text('authority'),
    /** months of impact on promotion; null = taken from the rules for `kind` */
    impactMonths: integer('impact_months'),
    revokedOn: date('revoked_on'),
  },
  (t) => [index('discipline_cadre_idx').on(t.cadreId)],
);

/** 家庭成员及重要社会关系 — sensitive */
export const familyMember = pgTable(
  'family_member',
  {
    ...section('family_member'),
    relation: text('relation').notNull(),
    name: text('name').notNull(),
    birthDate: date('birth_date'),
    politicalStatus: text('political_status'),
    workUnitPost: text('work_unit_post'),
  },
  (t) => [index('family_cadre_idx').on(t.cadreId)],
);

/** 关键时刻 / 重大任务表现纪实 */
export const keyMoment = pgTable(
  'key_moment',
  {
    ...section('key_moment'),
    date: date('date').notNull(),
    event: text('event').notNull(),
    performance: text('performance').notNull(),
    /** 突出 | 较好 | 一般 | 较差 */
    rating: text('rating'),
    recorder: text('recorder'),
  },
  (t) => [index('key_moment_cadre_idx').on(t.cadreId)],
);

/** 政治素质档案: 政治忠诚, 政治定力, 政治担当, 政治能力, 政治自律 (scores 1–5) */
export const politicalQuality = pgTable(
  'political_quality',
  {
    ...section('political_quality'),
    date: date('date').notNull(),
    loyalty: integer('loyalty'),
    steadiness: integer('steadiness'),
    responsibility: integer('responsibility'),
    capability: integer('capability'),
    selfDiscipline: integer('self_discipline'),
    summary: text('summary'),
    recorder: text('recorder'),
  },
  (t) => [index('political_quality_cadre_idx').on(t.cadreId)],
);

/** 谈心谈话 */
export const talkRecord = pgTable(
  'talk_record',
  {
    ...section('talk_record'),
    date: date('date').notNull(),
    /** 谈心谈话 | 提醒谈话 | 任前谈话 | 诫勉谈话 | 年度考核谈话 */
    kind: text('kind').notNull(),
    talker: text('talker').notNull(),
    summary: text('summary').notNull(),
    followUp: text('follow_up'),
  },
  (t) => [index('talk_cadre_idx').on(t.cadreId)],
);

// ───────────────────────────── movements 干部调整 ─────────────────────────────
/** 交流轮岗, 挂职, 上挂下派, 职级晋升, 改非免职, 退休 … (appointments hold the posts themselves) */
export const movement = pgTable(
  'movement',
  {
    ...section('movement'),
    kind: text('kind').notNull(),
    date: date('date').notNull(),
    fromOrg: text('from_org'),
    toOrg: text('to_org'),
    hostUnit: text('host_unit'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    docNo: text('doc_no'),
    note: text('note'),
    /** 储备链 growth: planned | done (挂职/轮岗 planned ahead, then carried out); history rows are done */
    status: text('status').notNull().default('done'),
  },
  (t) => [index('movement_cadre_idx').on(t.cadreId)],
);

// ───────────────────────────── recommendation 民主推荐 ─────────────────────────────
/** one 民主推荐 round: who voted (voterCount) for a level or a post; 推荐集中度 = votes / voterCount */
export const recommendationRound = pgTable(
  'recommendation_round',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    date: date('date').notNull(),
    orgUnitId: integer('org_unit_id').references(() => orgUnit.id),
    positionId: integer('position_id').references(() => position.id),
    targetLevel: text('target_level'),
    /** 推荐范围 (e.g. "全区乡科级正职", "城关镇班子成员及中层正职") */
    scope: text('scope'),
    voterCount: integer('voter_count').notNull(),
    /** app_user id (no foreign key, like audit_log: backups restore tables in order and users come later) */
    createdBy: integer('created_by'),
    ...stamps,
  },
  (t) => [index('recommendation_round_date_idx').on(t.date), index('recommendation_round_org_idx').on(t.orgUnitId)],
);

export const recommendationVote = pgTable(
  'recommendation_vote',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id').notNull().references(() => recommendationRound.id, { onDelete: 'cascade' }),
    cadreId: integer('cadre_id').notNull().references(() => cadre.id, { onDelete: 'cascade' }),
    votes: integer('votes').notNull(),
  },
  (t) => [uniqueIndex('recommendation_vote_uq').on(t.roundId, t.cadreId), index('recommendation_vote_cadre_idx').on(t.cadreId)],
);

// ───────────────────────────── pools 储备库 (储备链, docs/reserve.md) ─────────────────────────────
export const pool = pgTable(
  'pool',
  {
    id: serial('id').primaryKey(),
    /** poolKind code set: 正职后备 | 优秀年轻干部 | 五类干部 | 四类干部清单 | 四型六类 | 自定义 */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** 优秀年轻干部库 by level: 科级 | 处级 … (null for other kinds) */
    level: text('level'),
    /**
     * 职务级别 code the members are reserves for (正职后备库: 141 乡科级正职, 131 县处级正职 …): on the
     * bench-strength board an admitted member without a target post counts for the 正职 posts of
     * this level in units of the member's own unit kind; null = only members with a target post count
     */
    targetLevel: text('target_level'),
    /** owning unit: users whose scope contains it see the whole pool */
    orgUnitId: integer('org_unit_id').references(() => orgUnit.id),
    description: text('description'),
    ...stamps,
  },
  (t) => [index('pool_org_idx').on(t.orgUnitId)],
);

/** what a tier suggestion was based on (kept with the entry and in its history) */
export interface TierSuggestionBasis {
  /** 推荐集中度 of the latest round in the window (null = no round) */
  concentration: number | null;
  roundId: number | null;
  roundDate: string | null;
  /** 干部成熟度 0..100 */
  maturity: number;
  /** rules_config version in force */
  rulesVersion: number;
  asOf: string;
  reasons: { zh: string; en: string }[];
}

/**
 * 储备库成员: one row per entry of a cadre into a pool, from 单位推荐 to 入库 and 出库. The workflow
 * (stage) and both tiers live here; every change is also an append-only pool_entry_event.
 */
export const poolEntry = pgTable(
  'pool_entry',
  {
    id: serial('id').primaryKey(),
    poolId: integer('pool_id').notNull().references(() => pool.id, { onDelete: 'cascade' }),
    cadreId: integer('cadre_id').notNull().references(() => cadre.id, { onDelete: 'cascade' }),
    /** field / list within the pool: 党建, 社会治理, 经济, 城建, 法治 / 近期提拔, 中期培养 … */
    field: text('field'),
    /** workflow stage: nominated 单位推荐 | inspected 组织考察 | compared 比选研究 | admitted 入库 | exited 出库 | rejected 未入库 */
    stage: text('stage').notNull().default('admitted'),
    /** date of the latest stage change */
    stageDate: date('stage_date'),
    /** confirmed tier readyNow 随时能用 | shortTerm 短期可用 | future 未来有用 (poolTier extra.key), set by an officer; null = not confirmed yet */
    tier: text('tier'),
    /** app_user id of the officer who confirmed (no foreign key, see recommendation_round.created_by) */
    tierConfirmedBy: integer('tier_confirmed_by'),
    tierConfirmedAt: timestamp('tier_confirmed_at', { withTimezone: true }),
    tierNote: text('tier_note'),
    /** tier (same codes) suggested by core suggestTier (推荐集中度 × 成熟度), with what it was based on */
    suggestedTier: text('suggested_tier'),
    suggestedBasis: jsonb('suggested_basis').$type<TierSuggestionBasis>(),
    suggestedAt: timestamp('suggested_at', { withTimezone: true }),
    targetPositionId: integer('target_position_id').references(() => position.id),
    /** date of the 单位推荐 that opened the entry */
    enteredOn: date('entered_on').notNull(),
    entryReason: text('entry_reason'),
    /** 入库 date (stage admitted) */
    admittedOn: date('admitted_on'),
    /** 出库 or 未入库 date and reason */
    exitedOn: date('exited_on'),
    exitReason: text('exit_reason'),
    ...stamps,
  },
  (t) => [
    index('pool_entry_pool_idx').on(t.poolId, t.stage),
    index('pool_entry_cadre_idx').on(t.cadreId),
    index('pool_entry_target_idx').on(t.targetPositionId),
    // one open entry per cadre and pool (a cadre may come back after 出库 / 未入库)
    uniqueIndex('pool_entry_open_uq').on(t.poolId, t.cadreId).where(sql`stage in ('nominated', 'inspected', 'compared', 'admitted')`),
  ],
);

/**
 * Append-only history of a pool entry (a trigger refuses UPDATE): stage changes, tier suggestions,
 * tier decisions and edits, each with who decided, the effective date and the reason.
 */
export const poolEntryEvent = pgTable(
  'pool_entry_event',
  {
    id: serial('id').primaryKey(),
    entryId: integer('entry_id').notNull().references(() => poolEntry.id, { onDelete: 'cascade' }),
    poolId: integer('pool_id').notNull(),
    cadreId: integer('cadre_id').notNull(),
    /** stage | tier_suggestion | tier_decision | edit */
    kind: text('kind').notNull(),
    /** workflow action for stage events: nominate | inspect | compare | admit | reject | exit */
    action: text('action'),
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    tier: text('tier'),
    reason: text('reason'),
    /** 出库 reason (reserve.exitReasons) or 未入库 reason */
    exitReason: text('exit_reason'),
    /** effective date of the decision */
    date: date('date').notNull(),
    /** suggestion basis, changed fields of an edit … */
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    /** who decided (no foreign key: the history outlives user accounts, like audit_log) */
    userId: integer('user_id'),
    username: text('username'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pool_entry_event_entry_idx').on(t.entryId, t.id),
    index('pool_entry_event_cadre_idx').on(t.cadreId),
    index('pool_entry_event_pool_date_idx').on(t.poolId, t.date),
  ],
);

/** 季度研判: one per pool and quarter, holding the three lists (items below) */
export const reserveReview = pgTable(
  'reserve_review',
  {
    id: serial('id').primaryKey(),
    poolId: integer('pool_id').notNull().references(() => pool.id, { onDelete: 'cascade' }),
    /** '2026Q3' */
    quarter: text('quarter').notNull(),
    /** the quarter's last day (facts as of then) */
    asOf: date('as_of').notNull(),
    rulesVersion: integer('rules_version').notNull(),
    note: text('note'),
    /** app_user id (no foreign key) */
    createdBy: integer('created_by'),
    ...stamps,
  },
  (t) => [uniqueIndex('reserve_review_uq').on(t.poolId, t.quarter)],
);

/** one line of 问题清单 (problem) / 实绩清单 (achievement) / 整改清单 (rectification) */
export const reserveReviewItem = pgTable(
  'reserve_review_item',
  {
    id: serial('id').primaryKey(),
    reviewId: integer('review_id').notNull().references(() => reserveReview.id, { onDelete: 'cascade' }),
    /** problem | achievement | rectification */
    list: text('list').notNull(),
    cadreId: integer('cadre_id').references(() => cadre.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    /** 责任人 (rectification) */
    owner: text('owner'),
    dueDate: date('due_date'),
    /** 未开始 | 进行中 | 已完成 */
    status: text('status').notNull().default('未开始'),
    /** where the line came from: the core rule id (warning, assessment_slip, training_overdue, key_moment …) or manual */
    source: text('source').notNull().default('manual'),
    sort: integer('sort').notNull().default(0),
    ...stamps,
  },
  (t) => [index('reserve_review_item_review_idx').on(t.reviewId, t.list, t.sort)],
);

// ───────────────────────────── warnings 预警 ─────────────────────────────
/** cadre warnings 红/橙/黄 and team warnings 红/蓝/绿 */
export const warning = pgTable(
  'warning',
  {
    id: serial('id').primaryKey(),
    /** cadre | team */
    subjectType: text('subject_type').notNull(),
    cadreId: integer('cadre_id').references(() => cadre.id, { onDelete: 'cascade' }),
    teamId: integer('team_id').references(() => team.id, { onDelete: 'cascade' }),
    color: text('color').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    period: text('period'),
    issuedOn: date('issued_on').notNull(),
    resolvedOn: date('resolved_on'),
    ...stamps,
  },
  (t) => [index('warning_cadre_idx').on(t.cadreId), index('warning_team_idx').on(t.teamId)],
);

// ───────────────────────────── supervision 监督 ─────────────────────────────
/** negative information, actions (提醒/函询/诫勉), 个人有关事项报告 checks, 特别监督档案 — sensitive */
export const supervisionItem = pgTable(
  'supervision_item',
  {
    ...section('supervision_item'),
    /** negative_info | action | personal_matters_check | special_file */
    kind: text('kind').notNull(),
    category: text('category'),
    sourceDept: text('source_dept'),
    date: date('date').notNull(),
    summary: text('summary').notNull(),
    /** 提醒 | 函询 | 诫勉 */
    action: text('action'),
    finding: text('finding'),
    closedOn: date('closed_on'),
  },
  (t) => [index('supervision_cadre_idx').on(t.cadreId)],
);

/** care records: 容错免责, 澄清正名, 影响期满重新使用, 受问责干部跟踪 */
export const careRecord = pgTable(
  'care_record',
  {
    ...section('care_record'),
    kind: text('kind').notNull(),
    date: date('date').notNull(),
    summary: text('summary').notNull(),
    outcome: text('outcome'),
  },
  (t) => [index('care_cadre_idx').on(t.cadreId)],
);

// ───────────────────────────── mentoring & plans 导师 / 一人一策 ─────────────────────────────
/** 导师帮带: 一对一, or 多对一 (several open rows for one mentee) */
export const mentorship = pgTable(
  'mentorship',
  {
    id: serial('id').primaryKey(),
    mentorId: integer('mentor_id').notNull().references(() => cadre.id, { onDelete: 'cascade' }),
    menteeId: integer('mentee_id').notNull().references(() => cadre.id, { onDelete: 'cascade' }),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    note: text('note'),
    ...stamps,
  },
  (t) => [index('mentorship_mentee_idx').on(t.menteeId), index('mentorship_mentor_idx').on(t.mentorId)],
);

export const developmentPlan = pgTable(
  'development_plan',
  {
    ...section('development_plan'),
    title: text('title').notNull(),
    goals: jsonb('goals').$type<{ text: string; due?: string; done?: boolean }[]>().notNull(),
    checkpoints: jsonb('checkpoints').$type<{ date: string; note: string }[]>().notNull(),
    /** 一人一策 outcomes (成效): what came of the plan */
    outcomes: jsonb('outcomes').$type<{ date: string; text: string }[]>(),
    status: text('status').notNull().default('进行中'),
  },
  (t) => [index('development_plan_cadre_idx').on(t.cadreId)],
);

/** 挂星作战图 indicators and 三张清单 items */
export const planIndicator = pgTable('plan_indicator', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  source: text('source'),
  /** machine-readable metric, evaluated per team/unit by core */
  metric: jsonb('metric').$type<Record<string, unknown>>().notNull(),
  target: numeric('target', { mode: 'number' }),
  dueDate: date('due_date'),
  ...stamps,
});

export const planListItem = pgTable('plan_list_item', {
  id: serial('id').primaryKey(),
  /** 配备目标 | 重点措施 | 调整计划 */
  list: text('list').notNull(),
  teamId: integer('team_id').references(() => team.id, { onDelete: 'cascade' }),
  orgUnitId: integer('org_unit_id').references(() => orgUnit.id),
  text: text('text').notNull(),
  dueDate: date('due_date'),
  status: text('status').notNull().default('未开始'),
  ...stamps,
});

// ───────────────────────────── users, sessions, audit ─────────────────────────────
export const appUser = pgTable(
  'app_user',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** admin 系统管理员 | cadre 干部科 | supervision 干部监督科 | leader 部领导 | unit_hr 单位组织人事 */
    role: text('role').notNull(),
    /** org subtree the user is limited to (null = whole registry) */
    scopeOrgId: integer('scope_org_id').references(() => orgUnit.id),
    active: boolean('active').notNull().default(true),
    ...stamps,
  },
  (t) => [uniqueIndex('app_user_username_uq').on(t.username)],
);

export const session = pgTable(
  'session',
  {
    /** sha-256 of the cookie token */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id').notNull().references(() => appUser.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

export const savedFilter = pgTable('saved_filter', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => appUser.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  filter: jsonb('filter').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 导入预览: a previewed LRMX / Excel import until it is committed or expires (30 min) — in the database, so
 * any server instance can page or commit it and a restart keeps it. `payload`: the plans' JSON, gzipped, in
 * base64 — text, not bytea: PGlite takes a 24 MB bytea parameter in ~5 s and the same as text in ~0.3 s; stored
 * without a second compression (STORAGE EXTERNAL, migration 0008).
 */
export const importPreview = pgTable(
  'import_preview',
  {
    token: text('token').primaryKey(),
    kind: text('kind').notNull(),
    userId: integer('user_id').notNull().references(() => appUser.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    payload: text('payload').notNull(),
  },
  (t) => [index('import_preview_user_idx').on(t.userId, t.expiresAt)],
);

/** append-only (a trigger refuses UPDATE and DELETE): every write and every read of a sensitive section */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id'),
    username: text('username'),
    /** create | update | delete | read | login | login_failed | import | restore … */
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    cadreId: integer('cadre_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_cadre_idx').on(t.cadreId),
    index('audit_at_idx').on(t.at),
  ],
);

// ───────────────────────────── 人岗适配 position descriptions & adjustment plans ─────────────────────────────
/** every saved edit of a position's 岗位说明书 (append-only history; position.description holds the latest) */
export const positionDescriptionVersion = pgTable(
  'position_description_version',
  {
    id: serial('id').primaryKey(),
    positionId: integer('position_id')
      .notNull()
      .references(() => position.id, { onDelete: 'cascade' }),
    /** 1, 2, 3 … per position */
    version: integer('version').notNull(),
    description: jsonb('description').notNull().$type<Record<string, unknown>>(),
    comment: text('comment'),
    createdBy: integer('created_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('position_description_version_uq').on(t.positionId, t.version)],
);

/** 调整方案: a saved adjustment plan (inputs: vacancies, candidates, pins, forbids, constraints; result: the solved plan) */
export const adjustmentPlan = pgTable(
  'adjustment_plan',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** draft | final */
    status: text('status').notNull().default('draft'),
    inputs: jsonb('inputs').notNull().$type<Record<string, unknown>>(),
    result: jsonb('result').$type<Record<string, unknown>>(),
    createdBy: integer('created_by').references(() => appUser.id, { onDelete: 'set null' }),
    ...stamps,
  },
  (t) => [index('adjustment_plan_created_by_idx').on(t.createdBy)],
);
