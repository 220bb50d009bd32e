import { describe, expect, it } from 'vitest';
import {
  CODE_SETS,
  CODE_SET_IDS,
  codeName,
  codesOf,
  codeSetsForApi,
  degreeLevel,
  educationGroup,
  educationRank,
  isChiefLevel,
  isValidCode,
  levelOrder,
  nextRank,
  normalizeCode,
  normalizePostLevel,
  postLevelTier,
  rankEquivalentLevel,
} from './codes';
import { pinyinInitials } from './pinyin';
import { DEFAULT_RULES, mergeRules } from './rules';
import { disciplineImpactEnd, isDisciplineActive, rankMinYears, rankTenureMet, rotationStatus, yearsInPost } from './tenure';
import { ageBandOf, generationOf, isYoungCadre, youngThreshold } from './young';

describe('code sets', () => {
  it('has every set with unique codes', () => {
    for (const id of CODE_SET_IDS) {
      const codes = codesOf(id).map((e) => e.code);
      expect(codes.length, id).toBeGreaterThan(0);
      expect(new Set(codes).size, id).toBe(codes.length);
    }
    expect(Object.keys(codeSetsForApi()).sort()).toEqual([...CODE_SET_IDS].sort());
  });
  it('national codes', () => {
    expect(codeName('sex', '1')).toBe('男');
    expect(codeName('sex', '2')).toBe('女');
    expect(CODE_SETS.ethnicity.filter((e) => /^\d\d$/.test(e.code) && Number(e.code) <= 56)).toHaveLength(56);
    expect(codeName('ethnicity', '01')).toBe('汉族');
    expect(codeName('ethnicity', '56')).toBe('基诺族');
    expect(codeName('ethnicity', '97')).toBe('其他');
    expect(codeName('political', '13')).toBe('群众');
    expect(codeName('political', '10')).toBe('九三学社社员');
    expect(codeName('education', '1A')).toBe('中央党校研究生');
    expect(codeName('educationGb', '14')).toBe('硕士研究生毕业');
    expect(codeName('degree', '312')).toBe('管理学硕士');
    expect(codeName('postLevel', '131')).toBe('县处级正职');
    expect(codeName('rank', 'ZJ03')).toBe('一级调研员');
    expect(isValidCode('sex', '3')).toBe(false);
    expect(isValidCode('orgKind', '镇街')).toBe(true);
    expect(codeName('sex', undefined)).toBeUndefined();
  });
  it('normalizes names and aliases', () => {
    expect(normalizeCode('sex', '女')).toBe('2');
    expect(normalizeCode('intakeChannel', '军转')).toBe('军转安置');
    expect(normalizeCode('political', '中国共产党党员')).toBe('01');
    expect(normalizeCode('ethnicity', '回')).toBe('03');
    expect(normalizeCode('sex', '?')).toBeUndefined();
  });
  it('education helpers (ZB64 and GB/T 4658)', () => {
    expect(educationRank('11')).toBeGreaterThan(educationRank('21'));
    expect(educationRank('21')).toBeGreaterThan(educationRank('31'));
    expect(educationRank('31')).toBeGreaterThan(educationRank('35'));
    expect(educationRank('35')).toBeGreaterThan(educationRank('37'));
    expect(educationRank('37')).toBeGreaterThan(educationRank('38'));
    expect(educationRank('1A')).toBeGreaterThan(educationRank('22'));
    expect(educationRank('xx')).toBe(0);
    expect(educationGroup('1A')).toBe('研究生');
    expect(educationGroup('14')).toBe('研究生');
    expect(educationGroup('22')).toBe('大学本科');
    expect(educationGroup('34')).toBe('大学专科');
    expect(educationGroup('35')).toBe('中专及以下');
    expect(educationGroup('61')).toBe('中专及以下');
    expect(educationGroup('大学')).toBe('大学本科');
    expect(degreeLevel('303')).toBe('硕士');
    expect(degreeLevel('1')).toBe('博士');
  });
  it('post level helpers', () => {
    expect(postLevelTier('131')).toBe('县处级');
    expect(postLevelTier('142')).toBe('乡科级');
    expect(isChiefLevel('141')).toBe(true);
    expect(isChiefLevel('132')).toBe(false);
    expect(isChiefLevel('150')).toBe(false);
    expect(levelOrder('131')).toBeGreaterThan(levelOrder('132'));
    expect(levelOrder('132')).toBeGreaterThan(levelOrder('141'));
    expect(levelOrder('160')).toBe(1);
    expect(levelOrder('nope')).toBe(0);
    expect(normalizePostLevel('1A31')).toBe('131');
    expect(normalizePostLevel('正科')).toBe('141');
  });
  it('ranks', () => {
    expect(rankEquivalentLevel('ZJ03')).toBe('131');
    expect(rankEquivalentLevel('ZJ11')).toBe('150');
    expect(nextRank('ZJ04')).toBe('ZJ03');
    expect(nextRank('ZJ01')).toBeUndefined();
    expect(rankMinYears('ZJ03')).toBe(3);
    expect(rankMinYears('ZJ01')).toBe(4);
    expect(rankMinYears('ZJ02')).toBe(4);
    expect(rankMinYears('ZJ07')).toBe(2);
    expect(rankMinYears('ZJ07', mergeRules({ rankMinYears: { ZJ07: 5 } }))).toBe(5);
    expect(rankTenureMet('ZJ03', '2022-06-01', '2025-05-31')).toBe(false);
    expect(rankTenureMet('ZJ03', '2022-06-01', '2025-06-01')).toBe(true);
  });
});

describe('young cadres', () => {
  it('thresholds by level', () => {
    expect(youngThreshold('141', DEFAULT_RULES)).toBe(35);
    expect(youngThreshold('132', DEFAULT_RULES)).toBe(40);
    expect(youngThreshold('131', DEFAULT_RULES)).toBe(45);
    expect(youngThreshold(null, DEFAULT_RULES)).toBe(35);
    expect(youngThreshold('正处', DEFAULT_RULES)).toBe(45);
  });
  it('age ≤ threshold on asOf', () => {
    // born 1990-06-02: 35 on 2025-06-02, 36 on 2026-06-02
    expect(isYoungCadre('1990-06-02', '142', '2026-06-01', DEFAULT_RULES)).toBe(true);
    expect(isYoungCadre('1990-06-02', '142', '2026-06-02', DEFAULT_RULES)).toBe(false);
    expect(isYoungCadre('1985-01-01', '132', '2025-06-01', DEFAULT_RULES)).toBe(true);
    expect(isYoungCadre('1984-01-01', '132', '2025-06-01', DEFAULT_RULES)).toBe(false);
  });
  it('generations and age bands', () => {
    expect(generationOf('1979-12-31', DEFAULT_RULES)).toBe('75后');
    expect(generationOf('1980-01-01', DEFAULT_RULES)).toBe('80后');
    expect(generationOf('1996-05-01', DEFAULT_RULES)).toBe('95后');
    expect(generationOf('1950-05-01', DEFAULT_RULES)).toBeNull();
    expect(ageBandOf(30, DEFAULT_RULES)).toBe('30岁及以下');
    expect(ageBandOf(31, DEFAULT_RULES)).toBe('31-35岁');
    expect(ageBandOf(45, DEFAULT_RULES)).toBe('41-45岁');
    expect(ageBandOf(56, DEFAULT_RULES)).toBe('56岁及以上');
  });
});

describe('tenure and discipline', () => {
  it('rotation', () => {
    expect(rotationStatus('2020-07-01', '2025-06-30', DEFAULT_RULES)).toBe('ok');
    expect(rotationStatus('2020-07-01', '2025-07-01', DEFAULT_RULES)).toBe('should');
    expect(rotationStatus('2015-07-01', '2025-07-01', DEFAULT_RULES)).toBe('must');
    expect(yearsInPost('2020-07-01', '2025-07-01')).toBe(5);
    expect(yearsInPost('2026-07-01', '2025-07-01')).toBe(0);
  });
  it('impact periods', () => {
    expect(disciplineImpactEnd('2024-03-15', '警告', null, DEFAULT_RULES)).toBe('2025-03-15');
    expect(disciplineImpactEnd('2024-03-15', '警告', null, DEFAULT_RULES, '政务')).toBe('2024-09-15');
    expect(disciplineImpactEnd('2024-03-15', '严重警告', null, DEFAULT_RULES)).toBe('2025-09-15');
    expect(disciplineImpactEnd('2024-03-15', '诫勉', null, DEFAULT_RULES)).toBe('2024-09-15');
    expect(disciplineImpactEnd('2024-03-15', '留党察看', 48, DEFAULT_RULES)).toBe('2028-03-15');
    expect(disciplineImpactEnd('2024-03-15', '开除党籍', null, DEFAULT_RULES)).toBe('9999-12-31');
    const rec = { date: '2024-03-15', kind: '警告', category: '党纪' };
    expect(isDisciplineActive(rec, '2025-03-14', DEFAULT_RULES)).toBe(true);
    expect(isDisciplineActive(rec, '2025-03-15', DEFAULT_RULES)).toBe(false);
    expect(isDisciplineActive(rec, '2024-03-14', DEFAULT_RULES)).toBe(false);
    expect(isDisciplineActive({ ...rec, revokedOn: '2024-06-01' }, '2024-07-01', DEFAULT_RULES)).toBe(false);
  });
});

describe('pinyinInitials', () => {
  it('handles names and surnames with several readings', () => {
    expect(pinyinInitials('张三')).toBe('zs');
    expect(pinyinInitials('欧阳娜娜')).toBe('oynn');
    expect(pinyinInitials('单田芳')).toBe('stf');
    expect(pinyinInitials('曾国藩')).toBe('zgf');
    expect(pinyinInitials('解缙')).toBe('xj');
    expect(pinyinInitials('仇英')).toBe('qy');
    expect(pinyinInitials('尉迟恭')).toBe('ycg');
    expect(pinyinInitials(' 李·娜 ')).toBe('ln');
    expect(pinyinInitials('')).toBe('');
  });
});
