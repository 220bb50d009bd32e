/** All tables in foreign-key order (parents first): used by backup/restore and by tests. */
import * as t from './schema';

export const TABLES_IN_ORDER = [
  ['code_item', t.codeItem],
  ['rules_config', t.rulesConfig],
  ['org_unit', t.orgUnit],
  ['team', t.team],
  ['position', t.position],
  ['cadre', t.cadre],
  ['appointment', t.appointment],
  ['education', t.education],
  ['career', t.career],
  ['rank_history', t.rankHistory],
  ['assessment', t.assessment],
  ['training', t.training],
  ['reward', t.reward],
  ['discipline', t.discipline],
  ['family_member', t.familyMember],
  ['key_moment', t.keyMoment],
  ['political_quality', t.politicalQuality],
  ['talk_record', t.talkRecord],
  ['movement', t.movement],
  ['recommendation_round', t.recommendationRound],
  ['recommendation_vote', t.recommendationVote],
  ['pool', t.pool],
  ['pool_entry', t.poolEntry],
  ['pool_entry_event', t.poolEntryEvent],
  ['reserve_review', t.reserveReview],
  ['reserve_review_item', t.reserveReviewItem],
  ['warning', t.warning],
  ['supervision_item', t.supervisionItem],
  ['care_record', t.careRecord],
  ['mentorship', t.mentorship],
  ['development_plan', t.developmentPlan],
  ['plan_indicator', t.planIndicator],
  ['plan_list_item', t.planListItem],
  ['app_user', t.appUser],
  ['session', t.session],
  ['saved_filter', t.savedFilter],
  ['import_preview', t.importPreview],
  ['position_description_version', t.positionDescriptionVersion],
  ['adjustment_plan', t.adjustmentPlan],
  ['audit_log', t.auditLog],
] as const;

/** what a backup holds: everything but the login sessions and the pending import previews (both transient) */
export const BACKUP_TABLES = TABLES_IN_ORDER.filter(([n]) => n !== 'session' && n !== 'import_preview');

/** tables with a serial/bigserial `id` whose sequence must follow max(id) after bulk loads */
export const SERIAL_TABLES = TABLES_IN_ORDER.map(([n]) => n).filter((n) => !['code_item', 'rules_config', 'session', 'import_preview'].includes(n));
