import { describe, expect, it } from 'vitest';
import { makeIdNumber } from './idcard';
import { checkCadreFacts, checkCareer, checkDateRange, formatIssues } from './validation';

const asOf = '2025-06-01';
const good = {
  birthDate: '1985-03-12',
  workStartDate: '2007-07-01',
  partyJoinDate: '2006-05-04',
  politicalStatus: '01',
  idNumber: makeIdNumber('320106', '1985-03-12', 231),
  sex: '1',
  postStartDate: '2021-09-01',
  levelStartDate: '2019-01-01',
};

describe('checkCadreFacts', () => {
  it('accepts consistent facts', () => {
    expect(checkCadreFacts(good, asOf)).toEqual([]);
  });
  it('work start before age 16, with specific messages', () => {
    const issues = checkCadreFacts({ ...good, birthDate: '1987-05-04', idNumber: null, partyJoinDate: '2008-01-01', workStartDate: '2001-07-01' }, asOf);
    expect(issues).toEqual([
      {
        path: 'workStartDate',
        code: 'before_age_16',
        message: '参加工作时间(2001-07-01)早于16周岁(2003-05-04)',
        messageEn: 'work start 2001-07-01 is before age 16 (2003-05-04)',
      },
    ]);
  });
  it('birth in future / age out of range', () => {
    expect(checkCadreFacts({ ...good, birthDate: '2026-01-01', idNumber: null }, asOf).map((i) => [i.path, i.code])).toContainEqual(['birthDate', 'in_future']);
    expect(checkCadreFacts({ ...good, birthDate: '1940-01-01', idNumber: null }, asOf).map((i) => [i.path, i.code])).toContainEqual(['birthDate', 'age_out_of_range']);
    expect(checkCadreFacts({ ...good, birthDate: '1985-02-30', idNumber: null }, asOf).map((i) => [i.path, i.code])).toEqual([['birthDate', 'invalid_date']]);
  });
  it('party join date: required for 01/02, before 18, unexpected for 群众', () => {
    expect(checkCadreFacts({ ...good, partyJoinDate: null }, asOf).map((i) => [i.path, i.code])).toEqual([['partyJoinDate', 'party_join_missing']]);
    expect(checkCadreFacts({ ...good, politicalStatus: '02', partyJoinDate: undefined }, asOf).map((i) => i.code)).toEqual(['party_join_missing']);
    expect(checkCadreFacts({ ...good, politicalStatus: '13', partyJoinDate: null }, asOf)).toEqual([]);
    expect(checkCadreFacts({ ...good, politicalStatus: '13' }, asOf).map((i) => i.code)).toEqual(['party_join_unexpected']);
    const young = checkCadreFacts({ ...good, partyJoinDate: '2003-03-11' }, asOf);
    expect(young).toHaveLength(1);
    expect(young[0]).toMatchObject({ path: 'partyJoinDate', code: 'before_age_18', message: '入党时间(2003-03-11)早于18周岁(2003-03-12)' });
  });
  it('post and level dates', () => {
    expect(checkCadreFacts({ ...good, postStartDate: '2006-01-01', levelStartDate: null }, asOf).map((i) => [i.path, i.code])).toEqual([['postStartDate', 'before_work_start']]);
    expect(checkCadreFacts({ ...good, levelStartDate: '2022-01-01' }, asOf).map((i) => [i.path, i.code])).toEqual([['levelStartDate', 'level_after_post']]);
    expect(checkCadreFacts({ ...good, postStartDate: '2025-07-01' }, asOf).map((i) => [i.path, i.code])).toEqual([['postStartDate', 'in_future']]);
  });
  it('ID number: invalid, birth and sex mismatch', () => {
    expect(checkCadreFacts({ ...good, idNumber: '320106198503122310' }, asOf).map((i) => [i.path, i.code])).toEqual([['idNumber', 'invalid_id_number']]);
    const other = makeIdNumber('320106', '1985-03-13', 232);
    const issues = checkCadreFacts({ ...good, idNumber: other }, asOf);
    expect(issues.map((i) => i.code)).toEqual(['id_birth_mismatch', 'id_sex_mismatch']);
    expect(issues[0]!.message).toBe('身份证号中的出生日期(1985-03-13)与出生日期(1985-03-12)不一致');
    expect(checkCadreFacts({ ...good, idNumber: good.idNumber.slice(0, 17) + good.idNumber[17]!.toLowerCase() }, asOf)).toEqual([]);
  });
  it('invalid codes', () => {
    expect(checkCadreFacts({ ...good, sex: '3', idNumber: null }, asOf).map((i) => [i.path, i.code])).toEqual([['sex', 'invalid_code']]);
  });
});

describe('checkCareer', () => {
  const facts = { birthDate: '1985-03-12', workStartDate: '2007-07-01' };
  it('accepts a clean career with short hand-over overlaps', () => {
    const entries = [
      { startDate: '2007-07-01', endDate: '2012-08-15', postTitle: '科员' },
      { startDate: '2012-07-20', endDate: '2018-01-01', postTitle: '副镇长' },
      { startDate: '2018-01-01', postTitle: '镇长' },
    ];
    expect(checkCareer(entries, facts, '2025-06-01')).toEqual([]);
  });
  it('reports paths of bad entries', () => {
    const entries = [
      { startDate: '2007-07-01', endDate: '2010-06-30', postTitle: '科员' },
      { startDate: '2012-01-01', endDate: '2011-01-01', postTitle: '副科长' },
      { startDate: '2006-01-01', endDate: '2007-06-30', postTitle: '实习' },
      { startDate: '2009-01-01', endDate: '2013-01-01', postTitle: '副镇长' },
      { startDate: '2026-01-01', postTitle: '镇长' },
    ];
    const issues = checkCareer(entries, facts, '2025-06-01');
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['career[1].endDate', 'end_before_start'],
      ['career[2].startDate', 'before_work_start'],
      ['career[4].startDate', 'in_future'],
      ['career[3].startDate', 'career_overlap'],
    ]);
    const overlap = issues.find((i) => i.code === 'career_overlap')!;
    expect(overlap.message).toBe('简历“副镇长”(2009-01-01起)与“科员”(2007-07-01至2010-06-30)重叠545天');
    expect(overlap.messageEn).toContain('by 545 days');
  });
  it('an open-ended entry overlaps everything after it', () => {
    const entries = [
      { startDate: '2010-01-01', postTitle: '科长' },
      { startDate: '2015-01-01', endDate: '2016-01-01', postTitle: '副局长' },
    ];
    expect(checkCareer(entries, facts, '2025-06-01').map((i) => i.path)).toEqual(['career[1].startDate']);
  });
});

describe('checkDateRange / formatIssues', () => {
  it('checks a range under a path', () => {
    expect(checkDateRange('training[0]', '2024-05-01', '2024-04-01', '2025-01-01').map((i) => i.path)).toEqual(['training[0].endDate']);
    expect(checkDateRange('training[0]', null, null, '2025-01-01').map((i) => [i.path, i.code])).toEqual([['training[0].startDate', 'required']]);
    expect(checkDateRange('', '2024-05-01', null, '2025-01-01')).toEqual([]);
  });
  it('formats issues', () => {
    expect(formatIssues(checkDateRange('x', '2024-05-01', '2024-04-01', '2025-01-01'), 'en')).toBe('x.endDate: end date 2024-04-01 is before start date 2024-05-01');
  });
});
