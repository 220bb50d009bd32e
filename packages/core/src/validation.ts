/**
 * Bilingual consistency checks on a cadre's facts and career history. Each problem is an
 * Issue with a path ('workStartDate', 'career[2].startDate'), a stable snake_case code and
 * specific messages in Chinese and English. Pure: `asOf` is passed in.
 */
import { codeName, isCpcMember, isValidCode } from './codes';
import { ageOn, compareISO, dateOfAge, daysBetween, isValidISODate, minISO } from './dates';
import { validateIdNumber } from './idcard';

export type Issue = { path: string; code: string; message: string; messageEn: string };

export type IssueCode =
  | 'required'
  | 'invalid_date'
  | 'in_future'
  | 'age_out_of_range'
  | 'before_age_16'
  | 'before_age_18'
  | 'before_birth'
  | 'before_work_start'
  | 'end_before_start'
  | 'party_join_missing'
  | 'party_join_unexpected'
  | 'level_after_post'
  | 'invalid_code'
  | 'invalid_id_number'
  | 'id_birth_mismatch'
  | 'id_sex_mismatch'
  | 'career_overlap';

export function issue(path: string, code: IssueCode | string, message: string, messageEn: string): Issue {
  return { path, code, message, messageEn };
}

/** zh / en labels of the fields checked here */
export const FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  birthDate: { zh: '出生日期', en: 'birth date' },
  workStartDate: { zh: '参加工作时间', en: 'work start' },
  partyJoinDate: { zh: '入党时间', en: 'party join date' },
  postStartDate: { zh: '任现职时间', en: 'current post start' },
  levelStartDate: { zh: '任同级时间', en: 'same-level start' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  sex: { zh: '性别', en: 'sex' },
  politicalStatus: { zh: '政治面貌', en: 'political status' },
  startDate: { zh: '开始时间', en: 'start date' },
  endDate: { zh: '结束时间', en: 'end date' },
};

const label = (path: string) => {
  const key = path.replace(/^.*\./, '');
  return FIELD_LABELS[key] ?? { zh: key, en: key };
};

export type CadreFacts = {
  birthDate: string;
  workStartDate: string;
  partyJoinDate?: string | null;
  politicalStatus: string;
  idNumber?: string | null;
  sex: string;
  postStartDate?: string | null;
  levelStartDate?: string | null;
};

export type FactsOptions = { minAge?: number; maxAge?: number; minWorkAge?: number; minPartyAge?: number };

/** Check a date field: present (when required), valid, not after asOf. Returns true when usable. */
function checkDateField(issues: Issue[], path: string, value: string | null | undefined, asOf: string, required: boolean): value is string {
  const l = label(path);
  if (value == null || value === '') {
    if (required) issues.push(issue(path, 'required', `${l.zh}不能为空`, `${l.en} is required`));
    return false;
  }
  if (!isValidISODate(value)) {
    issues.push(issue(path, 'invalid_date', `${l.zh}(${value})不是有效日期`, `${l.en} ${JSON.stringify(value)} is not a valid date (YYYY-MM-DD)`));
    return false;
  }
  if (compareISO(value, asOf) > 0) {
    issues.push(issue(path, 'in_future', `${l.zh}(${value})晚于当前日期(${asOf})`, `${l.en} ${value} is in the future (after ${asOf})`));
  }
  return true;
}

export function checkCadreFacts(c: CadreFacts, asOf: string, opts: FactsOptions = {}): Issue[] {
  const minAge = opts.minAge ?? 16;
  const maxAge = opts.maxAge ?? 80;
  const minWorkAge = opts.minWorkAge ?? 16;
  const minPartyAge = opts.minPartyAge ?? 18;
  const issues: Issue[] = [];

  // 性别 / 政治面貌 codes
  if (!isValidCode('sex', c.sex)) {
    issues.push(issue('sex', 'invalid_code', `性别代码(${c.sex})无效`, `sex code ${JSON.stringify(c.sex)} is not valid (GB/T 2261.1)`));
  }
  if (!isValidCode('political', c.politicalStatus)) {
    issues.push(
      issue('politicalStatus', 'invalid_code', `政治面貌代码(${c.politicalStatus})无效`, `political status code ${JSON.stringify(c.politicalStatus)} is not valid (GB/T 4762)`),
    );
  }

  // 出生日期
  const birthOk = checkDateField(issues, 'birthDate', c.birthDate, asOf, true);
  if (birthOk && compareISO(c.birthDate, asOf) <= 0) {
    const age = ageOn(c.birthDate, asOf);
    if (age < minAge || age > maxAge) {
      issues.push(
        issue('birthDate', 'age_out_of_range', `年龄${age}岁不在${minAge}至${maxAge}岁之间(出生日期${c.birthDate})`, `age ${age} (born ${c.birthDate}) is outside ${minAge}–${maxAge}`),
      );
    }
  }

  // 参加工作时间
  const workOk = checkDateField(issues, 'workStartDate', c.workStartDate, asOf, true);
  if (workOk && birthOk) {
    const d16 = dateOfAge(c.birthDate, minWorkAge);
    if (compareISO(c.workStartDate, d16) < 0) {
      issues.push(
        issue(
          'workStartDate',
          'before_age_16',
          `参加工作时间(${c.workStartDate})早于${minWorkAge}周岁(${d16})`,
          `work start ${c.workStartDate} is before age ${minWorkAge} (${d16})`,
        ),
      );
    }
  }

  // 入党时间
  const party = isCpcMember(c.politicalStatus);
  const hasPartyDate = c.partyJoinDate != null && c.partyJoinDate !== '';
  if (party && !hasPartyDate) {
    issues.push(
      issue(
        'partyJoinDate',
        'party_join_missing',
        `政治面貌为${codeName('political', c.politicalStatus)}，入党时间不能为空`,
        `party join date is required for a CPC member (political status ${c.politicalStatus})`,
      ),
    );
  } else if (!party && hasPartyDate && isValidCode('political', c.politicalStatus)) {
    issues.push(
      issue(
        'partyJoinDate',
        'party_join_unexpected',
        `政治面貌为${codeName('political', c.politicalStatus)}，不应填写入党时间(${c.partyJoinDate})`,
        `party join date ${c.partyJoinDate} is given but political status ${c.politicalStatus} is not a CPC member`,
      ),
    );
  }
  if (hasPartyDate && checkDateField(issues, 'partyJoinDate', c.partyJoinDate, asOf, false) && birthOk) {
    const d18 = dateOfAge(c.birthDate, minPartyAge);
    if (compareISO(c.partyJoinDate!, d18) < 0) {
      issues.push(
        issue(
          'partyJoinDate',
          'before_age_18',
          `入党时间(${c.partyJoinDate})早于${minPartyAge}周岁(${d18})`,
          `party join date ${c.partyJoinDate} is before age ${minPartyAge} (${d18})`,
        ),
      );
    }
  }

  // 任现职时间 / 任同级时间
  const postOk = checkDateField(issues, 'postStartDate', c.postStartDate, asOf, false);
  if (postOk && workOk && compareISO(c.postStartDate!, c.workStartDate) < 0) {
    issues.push(
      issue(
        'postStartDate',
        'before_work_start',
        `任现职时间(${c.postStartDate})早于参加工作时间(${c.workStartDate})`,
        `current post start ${c.postStartDate} is before work start ${c.workStartDate}`,
      ),
    );
  }
  const levelOk = checkDateField(issues, 'levelStartDate', c.levelStartDate, asOf, false);
  if (levelOk && workOk && compareISO(c.levelStartDate!, c.workStartDate) < 0) {
    issues.push(
      issue(
        'levelStartDate',
        'before_work_start',
        `任同级时间(${c.levelStartDate})早于参加工作时间(${c.workStartDate})`,
        `same-level start ${c.levelStartDate} is before work start ${c.workStartDate}`,
      ),
    );
  }
  if (levelOk && postOk && compareISO(c.levelStartDate!, c.postStartDate!) > 0) {
    issues.push(
      issue(
        'levelStartDate',
        'level_after_post',
        `任同级时间(${c.levelStartDate})晚于任现职时间(${c.postStartDate})`,
        `same-level start ${c.levelStartDate} is after current post start ${c.postStartDate}`,
      ),
    );
  }

  // 身份证号
  if (c.idNumber != null && c.idNumber !== '') {
    const r = validateIdNumber(c.idNumber, asOf);
    if (!r.ok) {
      issues.push(issue('idNumber', 'invalid_id_number', r.reason.zh, r.reason.en));
    } else {
      if (birthOk && r.birthDate !== c.birthDate) {
        issues.push(
          issue(
            'idNumber',
            'id_birth_mismatch',
            `身份证号中的出生日期(${r.birthDate})与出生日期(${c.birthDate})不一致`,
            `birth date in the ID number (${r.birthDate}) differs from birth date ${c.birthDate}`,
          ),
        );
      }
      if ((c.sex === '1' || c.sex === '2') && r.sex !== c.sex) {
        issues.push(
          issue(
            'idNumber',
            'id_sex_mismatch',
            `身份证号显示性别为${codeName('sex', r.sex)}，与性别(${codeName('sex', c.sex)})不一致`,
            `the ID number indicates ${r.sex === '1' ? 'male' : 'female'} but sex is ${c.sex === '1' ? 'male' : 'female'}`,
          ),
        );
      }
    }
  }
  return issues;
}

/**
 * Check a start/end pair at `${path}.startDate` / `${path}.endDate`: valid dates, start not
 * after end, neither after asOf. A missing start is reported as required; end is optional.
 */
export function checkDateRange(path: string, start: string | null | undefined, end: string | null | undefined, asOf: string): Issue[] {
  const issues: Issue[] = [];
  const p = (f: string) => (path ? `${path}.${f}` : f);
  const sOk = checkDateField(issues, p('startDate'), start, asOf, true);
  const eOk = checkDateField(issues, p('endDate'), end, asOf, false);
  if (sOk && eOk && compareISO(start!, end!) > 0) {
    issues.push(issue(p('endDate'), 'end_before_start', `结束时间(${end})早于开始时间(${start})`, `end date ${end} is before start date ${start}`));
  }
  return issues;
}

export type CareerEntryLike = { startDate: string; endDate?: string | null; postTitle: string };

export type CareerOptions = { pathPrefix?: string; maxOverlapDays?: number };

/**
 * Career history (简历): each entry valid and ordered (start ≤ end, neither in the future),
 * not before 参加工作时间, and — sorted by start — no entry overlapping an earlier one by more
 * than `maxOverlapDays` (31); the later entry is reported at `career[i].startDate`.
 */
export function checkCareer(
  entries: CareerEntryLike[],
  facts: { birthDate: string; workStartDate: string },
  asOf: string,
  opts: CareerOptions = {},
): Issue[] {
  const prefix = opts.pathPrefix ?? 'career';
  const maxOverlap = opts.maxOverlapDays ?? 31;
  const issues: Issue[] = [];
  const usable: { i: number; start: string; end: string; title: string }[] = [];
  const workOk = isValidISODate(facts.workStartDate);
  const birthOk = isValidISODate(facts.birthDate);

  entries.forEach((e, i) => {
    const base = `${prefix}[${i}]`;
    const rangeIssues = checkDateRange(base, e.startDate, e.endDate, asOf);
    issues.push(...rangeIssues);
    if (!isValidISODate(e.startDate)) return;
    const t = e.postTitle || `#${i + 1}`;
    if (birthOk && compareISO(e.startDate, facts.birthDate) < 0) {
      issues.push(
        issue(`${base}.startDate`, 'before_birth', `简历“${t}”开始时间(${e.startDate})早于出生日期(${facts.birthDate})`, `career entry "${t}" starts ${e.startDate}, before birth ${facts.birthDate}`),
      );
    } else if (workOk && compareISO(e.startDate, facts.workStartDate) < 0) {
      issues.push(
        issue(
          `${base}.startDate`,
          'before_work_start',
          `简历“${t}”开始时间(${e.startDate})早于参加工作时间(${facts.workStartDate})`,
          `career entry "${t}" starts ${e.startDate}, before work start ${facts.workStartDate}`,
        ),
      );
    }
    const endValid = e.endDate == null || e.endDate === '' || isValidISODate(e.endDate);
    if (!endValid) return;
    const end = e.endDate ? e.endDate : asOf;
    if (compareISO(e.startDate, end) > 0) return; // reported as end_before_start (or in_future)
    usable.push({ i, start: e.startDate, end, title: t });
  });

  usable.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.i - b.i));
  let prev: (typeof usable)[number] | undefined;
  for (const cur of usable) {
    if (prev) {
      const overlap = daysBetween(cur.start, minISO(prev.end, cur.end));
      if (overlap > maxOverlap) {
        issues.push(
          issue(
            `${prefix}[${cur.i}].startDate`,
            'career_overlap',
            `简历“${cur.title}”(${cur.start}起)与“${prev.title}”(${prev.start}至${prev.end})重叠${overlap}天`,
            `career entry "${cur.title}" (from ${cur.start}) overlaps "${prev.title}" (${prev.start} to ${prev.end}) by ${overlap} days`,
          ),
        );
      }
    }
    if (!prev || compareISO(cur.end, prev.end) > 0) prev = cur;
  }
  return issues;
}

/** 'path: message' lines, zh or en, for logs and CLI output. */
export function formatIssues(issues: Issue[], lang: 'zh' | 'en' = 'zh'): string {
  return issues.map((i) => `${i.path}: ${lang === 'zh' ? i.message : i.messageEn}`).join('\n');
}
