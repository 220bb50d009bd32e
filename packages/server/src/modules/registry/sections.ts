/**
 * The profile sections of 一人一档, described once: URL key, table, request schema, code fields,
 * date rules, and the record category that decides who may see and change them.
 */
import type { z } from 'zod';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import * as t from '../../db/schema';
import type { CodeSpec } from '../../http/codes';
import type { SensitiveCategory } from '../../auth/roles';
import * as b from './schema';

export interface SectionDef {
  key: string;
  /** audit entity name = table name */
  entity: string;
  label: string;
  labelEn: string;
  table: PgTable & { id: PgColumn; cadreId: PgColumn; version: PgColumn; updatedAt: PgColumn };
  body: z.ZodObject;
  codes: CodeSpec;
  /** 'registry' or a sensitive category (read needs rules.sensitiveAccess, every read is audited) */
  category: 'registry' | SensitiveCategory;
  /** who besides the registry writers may write (e.g. supervision writes talks) */
  /** date fields that may not be in the future nor before the cadre's birth */
  pastDates: string[];
  /** [start, end] pairs that must be ordered */
  ranges: [string, string][];
  /** date fields that may not precede 参加工作时间 */
  afterWorkStart?: string[];
  orderBy: PgColumn;
}

const def = (d: SectionDef) => d;

export const SECTIONS: SectionDef[] = [
  def({ key: 'education', entity: 'education', label: '学历学位', labelEn: 'Education', table: t.education, body: b.EducationBody, codes: { mode: ['educationMode', 'name'], education: ['education', 'code'], degree: ['degree', 'code'], majorCategory: ['specialtyCategory', 'name'] }, category: 'registry', pastDates: ['startDate', 'endDate'], ranges: [['startDate', 'endDate']], orderBy: t.education.startDate }),
  def({ key: 'career', entity: 'career', label: '简历', labelEn: 'Career history', table: t.career, body: b.CareerBody, codes: { postLevel: ['postLevel', 'code'], experienceTypes: ['experienceType', 'name'] }, category: 'registry', pastDates: ['startDate', 'endDate'], ranges: [['startDate', 'endDate']], afterWorkStart: ['startDate'], orderBy: t.career.startDate }),
  def({ key: 'rank-history', entity: 'rank_history', label: '职务职级', labelEn: 'Post level and rank history', table: t.rankHistory, body: b.RankHistoryBody, codes: {}, category: 'registry', pastDates: ['startDate', 'endDate'], ranges: [['startDate', 'endDate']], afterWorkStart: ['startDate'], orderBy: t.rankHistory.startDate }),
  def({ key: 'assessments', entity: 'assessment', label: '年度考核', labelEn: 'Assessments', table: t.assessment, body: b.AssessmentBody, codes: { result: ['assessmentResult', 'name'] }, category: 'registry', pastDates: [], ranges: [], orderBy: t.assessment.year }),
  def({ key: 'training', entity: 'training', label: '培训', labelEn: 'Training', table: t.training, body: b.TrainingBody, codes: { mode: ['trainingMode', 'name'] }, category: 'registry', pastDates: ['startDate', 'endDate'], ranges: [['startDate', 'endDate']], orderBy: t.training.startDate }),
  def({ key: 'rewards', entity: 'reward', label: '奖励', labelEn: 'Rewards', table: t.reward, body: b.RewardBody, codes: {}, category: 'registry', pastDates: ['date'], ranges: [], orderBy: t.reward.date }),
  def({ key: 'discipline', entity: 'discipline', label: '处分', labelEn: 'Discipline', table: t.discipline, body: b.DisciplineBody, codes: { kind: ['disciplineKind', 'name'] }, category: 'discipline', pastDates: ['date', 'revokedOn'], ranges: [['date', 'revokedOn']], orderBy: t.discipline.date }),
  def({ key: 'family', entity: 'family_member', label: '家庭成员', labelEn: 'Family', table: t.familyMember, body: b.FamilyBody, codes: { relation: ['relation', 'name'], politicalStatus: ['political', 'code'] }, category: 'family', pastDates: [], ranges: [], orderBy: t.familyMember.id }),
  def({ key: 'key-moments', entity: 'key_moment', label: '关键时刻表现', labelEn: 'Key-moment records', table: t.keyMoment, body: b.KeyMomentBody, codes: {}, category: 'registry', pastDates: ['date'], ranges: [], orderBy: t.keyMoment.date }),
  def({ key: 'political-quality', entity: 'political_quality', label: '政治素质档案', labelEn: 'Political quality', table: t.politicalQuality, body: b.PoliticalQualityBody, codes: {}, category: 'registry', pastDates: ['date'], ranges: [], orderBy: t.politicalQuality.date }),
  def({ key: 'talks', entity: 'talk_record', label: '谈心谈话', labelEn: 'Talk records', table: t.talkRecord, body: b.TalkBody, codes: { kind: ['talkKind', 'name'] }, category: 'registry', pastDates: ['date'], ranges: [], orderBy: t.talkRecord.date }),
  def({ key: 'movements', entity: 'movement', label: '干部调整', labelEn: 'Movements', table: t.movement, body: b.MovementBody, codes: { kind: ['movementKind', 'name'] }, category: 'registry', pastDates: ['date', 'startDate'], ranges: [['startDate', 'endDate']], orderBy: t.movement.date }),
  def({ key: 'supervision', entity: 'supervision_item', label: '监督信息', labelEn: 'Supervision', table: t.supervisionItem, body: b.SupervisionBody, codes: { kind: ['supervisionKind', 'code'] }, category: 'supervision', pastDates: ['date', 'closedOn'], ranges: [['date', 'closedOn']], orderBy: t.supervisionItem.date }),
  def({ key: 'care', entity: 'care_record', label: '关爱记录', labelEn: 'Care records', table: t.careRecord, body: b.CareBody, codes: { kind: ['careKind', 'name'] }, category: 'care', pastDates: ['date'], ranges: [], orderBy: t.careRecord.date }),
  def({ key: 'development-plans', entity: 'development_plan', label: '一人一策', labelEn: 'Development plans', table: t.developmentPlan, body: b.DevelopmentPlanBody, codes: {}, category: 'registry', pastDates: [], ranges: [], orderBy: t.developmentPlan.id }),
];

export const SECTION_BY_KEY = new Map(SECTIONS.map((s) => [s.key, s]));
