/** 干部任免审批表 (.lrmx) reading and writing — pure, no I/O. See docs/interop.md. */
export { parseLrmx, parseRewards, parseAssessments, type ParseOptions, type ParseResult } from './parse';
export { serializeLrmx } from './serialize';
export { parseJianLi, parseJianLiDetailed, formatJianLi, splitOrgPost, type JianLiEntry, type JianLiProblem } from './jianli';
export {
  personToRecord,
  recordToPerson,
  sourceForRecord,
  compactSource,
  canonicalTexts,
  splitSchool,
  type CadreRecord,
  type CadreRecordCore,
  type StoredSource,
} from './record';
export { EXTRA_FIELDS, type LrmxPerson, type LrmxEducation, type LrmxFamilyMember, type LrmxIssue, type LrmxSource } from './person';
export { LRMX_FIELDS, FAMILY_FIELDS, LRMX_MAX_FAMILY, HEALTH_NAMES, fieldLabel, type LrmxField } from './fields';
export { parseLrmxDate, formatLrmxDate, normalizeMarks, codeFromName, nameForCode, suggestNames, healthNameProblem, precisionOf, type LrmxDate, type DatePrecision } from './text';
export { checkXmlSafety, validateXml, escapeXml, LRMX_MAX_BYTES } from './xml';
export { sanitizePhoto, PHOTO_MAX_BYTES, type PhotoResult } from './photo';
