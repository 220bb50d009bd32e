/**
 * Consistency checks over a generated Dataset (used by the tests; handy when changing the
 * generator). Returns human-readable problems, at most `limit` of them per rule.
 */
import { codesOf, isPastRetirement } from '@cadre/core';
import { isValidId, PROMOTION_MIN_YEARS, RANKS } from './core-shim';
import { addYearsDay, parse, YEAR } from './dates';
import { type Dataset, TABLE_ORDER } from './generate';

export function checkDataset(ds: Dataset, limit = 5): string[] {
  const problems: string[] = [];
  const counts = new Map<string, number>();
  const bad = (rule: string, msg: string) => {
    const n = (counts.get(rule) ?? 0) + 1;
    counts.set(rule, n);
    if (n <= limit) problems.push(`${rule}: ${msg}`);
  };
  const asOf = ds.meta.asOf;
  const asOfDay = parse(asOf);

  // ids 1..n per table
  for (const k of TABLE_ORDER) {
    (ds[k] as { id: number }[]).forEach((r, i) => {
      if (r.id !== i + 1) bad('ids', `${k}[${i}].id = ${r.id}`);
    });
  }
  const nOrg = ds.orgUnit.length;
  const nCadre = ds.cadre.length;
  const inRange = (table: string, v: number | null | undefined, n: number, field: string) => {
    if (v != null && (v < 1 || v > n)) bad('fk', `${table}.${field} = ${v} out of 1..${n}`);
  };
  for (const o of ds.orgUnit) {
    inRange('orgUnit', o.parentId, nOrg, 'parentId');
    const parent = o.parentId ? ds.orgUnit[o.parentId - 1] : null;
    const want = `${parent ? parent.path : '/'}${o.id}/`;
    if (o.path !== want) bad('path', `org ${o.id} path ${o.path} ≠ ${want}`);
  }
  for (const t of ds.team) inRange('team', t.orgUnitId, nOrg, 'orgUnitId');
  for (const p of ds.position) {
    inRange('position', p.teamId, ds.team.length, 'teamId');
    if (ds.team[p.teamId - 1]?.orgUnitId !== p.orgUnitId) bad('fk', `position ${p.id} org ≠ team org`);
  }
  const sections = ['appointment', 'education', 'career', 'rankHistory', 'assessment', 'training', 'reward', 'discipline', 'familyMember', 'keyMoment', 'politicalQuality', 'talkRecord', 'movement', 'supervisionItem', 'careRecord', 'developmentPlan'] as const;
  for (const s of sections) for (const r of ds[s] as { cadreId: number }[]) inRange(s, r.cadreId, nCadre, 'cadreId');
  for (const a of ds.appointment) inRange('appointment', a.positionId, ds.position.length, 'positionId');
  for (const e of ds.poolEntry) {
    inRange('poolEntry', e.cadreId, nCadre, 'cadreId');
    inRange('poolEntry', e.poolId, ds.pool.length, 'poolId');
    inRange('poolEntry', e.targetPositionId, ds.position.length, 'targetPositionId');
  }
  // 储备链: events belong to their entry and follow its dates; stages agree with the dates
  for (const ev of ds.poolEntryEvent) {
    const e = ds.poolEntry[ev.entryId - 1];
    if (!e) {
      bad('fk', `poolEntryEvent ${ev.id} entry ${ev.entryId} missing`);
      continue;
    }
    if (e.poolId !== ev.poolId || e.cadreId !== ev.cadreId) bad('fk', `poolEntryEvent ${ev.id} pool/cadre ≠ entry ${e.id}`);
    if (ev.date < e.enteredOn || ev.date > ds.meta.asOf) bad('dates', `poolEntryEvent ${ev.id} on ${ev.date} outside ${e.enteredOn} … asOf`);
  }
  const openEntries = new Set<string>();
  for (const e of ds.poolEntry) {
    const isOpen = ['nominated', 'inspected', 'compared', 'admitted'].includes(e.stage ?? 'admitted');
    if (isOpen) {
      const k = `${e.poolId}:${e.cadreId}`;
      if (openEntries.has(k)) bad('poolEntry', `cadre ${e.cadreId} has two open entries in pool ${e.poolId}`);
      openEntries.add(k);
    }
    if ((e.stage === 'exited' || e.stage === 'rejected') !== !!e.exitedOn) bad('poolEntry', `entry ${e.id} stage ${e.stage} vs exitedOn ${e.exitedOn}`);
    if (e.stage === 'admitted' && !e.admittedOn) bad('poolEntry', `entry ${e.id} admitted without admittedOn`);
    // a reserve backs a 正职 or 关键岗位 post, not the one they hold
    if (e.targetPositionId != null) {
      const post = ds.position[e.targetPositionId - 1];
      if (post && !post.isChief && !post.isKey) bad('poolEntry', `entry ${e.id} targets post ${post.id}, neither 正职 nor 关键岗位`);
      if (ds.cadre[e.cadreId - 1]?.currentPositionId === e.targetPositionId) bad('poolEntry', `entry ${e.id}: cadre ${e.cadreId} backs their own post ${e.targetPositionId}`);
    }
  }
  for (const v of ds.recommendationVote) {
    inRange('vote', v.cadreId, nCadre, 'cadreId');
    inRange('vote', v.roundId, ds.recommendationRound.length, 'roundId');
    if (v.votes > ds.recommendationRound[v.roundId - 1].voterCount) bad('votes', `vote ${v.id} exceeds voters`);
  }
  for (const m of ds.mentorship) {
    inRange('mentorship', m.mentorId, nCadre, 'mentorId');
    inRange('mentorship', m.menteeId, nCadre, 'menteeId');
  }

  // codes
  const sets = {
    sex: new Set(codesOf('sex').map((e) => e.code)),
    ethnicity: new Set(codesOf('ethnicity').map((e) => e.code)),
    political: new Set(codesOf('political').map((e) => e.code)),
    education: new Set(codesOf('education').map((e) => e.code)),
    degree: new Set(codesOf('degree').map((e) => e.code)),
    postLevel: new Set(codesOf('postLevel').map((e) => e.code)),
    rank: new Set(codesOf('rank').map((e) => e.code)),
    specialty: new Set(codesOf('specialtyCategory').map((e) => e.code)),
    experience: new Set(codesOf('experienceType').map((e) => e.code)),
    intake: new Set(codesOf('intakeChannel').map((e) => e.code)),
    orgKind: new Set(codesOf('orgKind').map((e) => e.code)),
    relation: new Set(codesOf('relation').map((e) => e.code)),
    talkKind: new Set(codesOf('talkKind').map((e) => e.code)),
    movementKind: new Set(codesOf('movementKind').map((e) => e.code)),
    careKind: new Set(codesOf('careKind').map((e) => e.code)),
    poolKind: new Set(codesOf('poolKind').map((e) => e.code)),
    disciplineKind: new Set(codesOf('disciplineKind').map((e) => e.code)),
    teamKind: new Set(codesOf('teamKind').map((e) => e.code)),
    positionCategory: new Set(codesOf('positionCategory').map((e) => e.code)),
  };
  const code = (set: keyof typeof sets, v: string | null | undefined, what: string) => {
    if (v != null && !sets[set].has(v)) bad('code', `${what}: "${v}" not in ${set}`);
  };
  for (const o of ds.orgUnit) code('orgKind', o.kind, `org ${o.id}`);
  for (const t of ds.team) code('teamKind', t.kind, `team ${t.id}`);
  for (const p of ds.position) {
    code('postLevel', p.level, `position ${p.id}`);
    code('positionCategory', p.category, `position ${p.id}`);
    const d = p.description as { experienceTypes: string[]; specialties: string[] };
    d.experienceTypes.forEach((e) => code('experience', e, `position ${p.id}`));
    d.specialties.forEach((e) => code('specialty', e, `position ${p.id}`));
  }
  for (const e of ds.education) {
    code('education', e.education, `education ${e.id}`);
    code('degree', e.degree, `education ${e.id}`);
    code('specialty', e.majorCategory, `education ${e.id}`);
  }
  for (const c of ds.career) c.experienceTypes?.forEach((e) => code('experience', e, `career ${c.id}`));
  for (const f of ds.familyMember) code('relation', f.relation, `family ${f.id}`);
  for (const t of ds.talkRecord) code('talkKind', t.kind, `talk ${t.id}`);
  for (const m of ds.movement) code('movementKind', m.kind, `movement ${m.id}`);
  for (const c of ds.careRecord) code('careKind', c.kind, `care ${c.id}`);
  for (const p of ds.pool) code('poolKind', p.kind, `pool ${p.id}`);
  for (const d of ds.discipline) code('disciplineKind', d.kind, `discipline ${d.id}`);
  for (const r of ds.rankHistory) code(r.kind === 'rank' ? 'rank' : 'postLevel', r.code, `rankHistory ${r.id}`);

  // per cadre
  const byCadre = <T extends { cadreId: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) {
      const a = m.get(r.cadreId);
      if (a) a.push(r);
      else m.set(r.cadreId, [r]);
    }
    return m;
  };
  const appts = byCadre(ds.appointment);
  const careers = byCadre(ds.career);
  const edus = byCadre(ds.education);
  const ranks = byCadre(ds.rankHistory);
  const discs = byCadre(ds.discipline);
  const ids = new Set<string>();
  const occupancy = new Map<number, number>();
  const eduRank = new Map(codesOf('education').map((e) => [e.code, Number(e.extra?.rank ?? 0)]));

  for (const c of ds.cadre) {
    const w = c.workStartDate;
    const birth = parse(c.birthDate);
    code('sex', c.sex, `cadre ${c.id}`);
    code('ethnicity', c.ethnicity, `cadre ${c.id}`);
    code('political', c.politicalStatus, `cadre ${c.id}`);
    code('education', c.fullTimeEducation, `cadre ${c.id}`);
    code('education', c.highestEducation, `cadre ${c.id}`);
    code('degree', c.fullTimeDegree, `cadre ${c.id}`);
    code('degree', c.highestDegree, `cadre ${c.id}`);
    code('postLevel', c.postLevel, `cadre ${c.id}`);
    code('rank', c.rank, `cadre ${c.id}`);
    code('specialty', c.specialtyCategory, `cadre ${c.id}`);
    code('intake', c.intakeChannel, `cadre ${c.id}`);

    // identity
    const v = isValidId(c.idNumber!, asOf);
    if (!v.ok) bad('idNumber', `cadre ${c.id} ${c.idNumber} invalid`);
    else if (v.birthDate !== c.birthDate || v.sex !== c.sex) bad('idNumber', `cadre ${c.id} id ${c.idNumber} ≠ ${c.birthDate}/${c.sex}`);
    if (ids.has(c.idNumber!)) bad('idNumber', `duplicate ${c.idNumber}`);
    ids.add(c.idNumber!);
    if (c.pinyin === '' || !/^[a-z]+$/.test(c.pinyin!)) bad('pinyin', `cadre ${c.id} pinyin "${c.pinyin}"`);

    // ages and dates
    const age = (asOfDay - birth) / YEAR;
    if (age < 21 || age > 61) bad('age', `cadre ${c.id} age ${age.toFixed(1)}`);
    if (isPastRetirement(c.birthDate, c.sex, 'cadre', asOf)) bad('retirement', `cadre ${c.id} born ${c.birthDate} sex ${c.sex} is past retirement`);
    if (parse(w) < addYearsDay(birth, 17)) bad('workStart', `cadre ${c.id} started work before 17 (${w}, born ${c.birthDate})`);
    if (w > asOf) bad('workStart', `cadre ${c.id} starts work after asOf`);
    const isParty = c.politicalStatus === '01' || c.politicalStatus === '02';
    if (isParty !== (c.partyJoinDate != null)) bad('party', `cadre ${c.id} status ${c.politicalStatus} join ${c.partyJoinDate}`);
    if (c.partyJoinDate && parse(c.partyJoinDate) < addYearsDay(birth, 18)) bad('party', `cadre ${c.id} joined ${c.partyJoinDate} before 18 (born ${c.birthDate})`);
    if (c.partyJoinDate && c.partyJoinDate > asOf) bad('party', `cadre ${c.id} joins in the future`);

    // education
    const es = edus.get(c.id) ?? [];
    const ft = es.filter((e) => e.mode === '全日制');
    if (!ft.length) bad('education', `cadre ${c.id} has no full-time education`);
    for (const e of ft) if (e.endDate && e.endDate > w) bad('education', `cadre ${c.id} full-time education ends ${e.endDate} after work start ${w}`);
    const done = es.filter((e) => e.endDate && e.endDate <= asOf);
    const top = done.reduce((a, e) => ((eduRank.get(e.education) ?? 0) > (eduRank.get(a.education) ?? 0) ? e : a), done[0]);
    if (top && top.education !== c.highestEducation) bad('education', `cadre ${c.id} highest ${c.highestEducation} ≠ ${top.education}`);
    const ftTop = ft.reduce((a, e) => ((eduRank.get(e.education) ?? 0) > (eduRank.get(a.education) ?? 0) ? e : a), ft[0]);
    if (ftTop && (ftTop.education !== c.fullTimeEducation || (ftTop.degree ?? null) !== (c.fullTimeDegree ?? null))) bad('education', `cadre ${c.id} full-time ${c.fullTimeEducation}/${c.fullTimeDegree} ≠ ${ftTop.education}/${ftTop.degree}`);

    // career
    const cs = (careers.get(c.id) ?? []).slice().sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
    if (!cs.length) bad('career', `cadre ${c.id} has no career`);
    for (let i = 0; i < cs.length; i++) {
      if (cs[i].startDate < w) bad('career', `cadre ${c.id} career starts ${cs[i].startDate} before work ${w}`);
      if (i + 1 < cs.length && cs[i].endDate !== cs[i + 1].startDate) bad('career', `cadre ${c.id} career gap/overlap at ${cs[i].endDate}`);
    }
    const lastCareer = cs[cs.length - 1];
    if (lastCareer && (lastCareer.endDate != null || lastCareer.startDate !== c.postStartDate || lastCareer.postLevel !== c.postLevel)) {
      bad('career', `cadre ${c.id} last career ${lastCareer.startDate}/${lastCareer.postLevel} ≠ post ${c.postStartDate}/${c.postLevel}`);
    }

    // appointments and the denormalised current post
    const as = appts.get(c.id) ?? [];
    for (const a of as) {
      if (a.startDate < w) bad('appointment', `cadre ${c.id} appointment ${a.startDate} before work ${w}`);
      if (a.endDate && a.endDate < a.startDate) bad('appointment', `cadre ${c.id} appointment ends before start`);
    }
    const open = as.filter((a) => a.endDate == null);
    if (c.currentPositionId == null) {
      if (open.length) bad('current', `cadre ${c.id} has an open appointment but no current position`);
      if (c.postLevel !== '150') bad('current', `cadre ${c.id} without post has level ${c.postLevel}`);
    } else {
      if (open.length !== 1 || open[0].positionId !== c.currentPositionId) bad('current', `cadre ${c.id} current position ${c.currentPositionId} ≠ open appointments`);
      else {
        const p = ds.position[c.currentPositionId - 1];
        if (open[0].startDate !== c.postStartDate) bad('current', `cadre ${c.id} postStart ${c.postStartDate} ≠ appointment ${open[0].startDate}`);
        if (p.level !== c.postLevel) bad('current', `cadre ${c.id} level ${c.postLevel} ≠ position ${p.level}`);
        if (p.orgUnitId !== c.currentOrgId) bad('current', `cadre ${c.id} org ${c.currentOrgId} ≠ position org ${p.orgUnitId}`);
        if (!c.currentPostTitle?.endsWith(p.title)) bad('current', `cadre ${c.id} title "${c.currentPostTitle}" vs "${p.title}"`);
      }
      occupancy.set(c.currentPositionId, (occupancy.get(c.currentPositionId) ?? 0) + 1);
    }
    if (!c.levelStartDate || !c.postStartDate || c.levelStartDate > c.postStartDate) bad('current', `cadre ${c.id} levelStart ${c.levelStartDate} > postStart ${c.postStartDate}`);
    if (c.postStartDate! < w) bad('current', `cadre ${c.id} postStart before work`);

    // post-level and rank history
    const rh = ranks.get(c.id) ?? [];
    const pl = rh.filter((r) => r.kind === 'post_level').sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
    const rk = rh.filter((r) => r.kind === 'rank').sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
    const curPl = pl[pl.length - 1];
    if (!curPl || curPl.endDate != null || curPl.code !== c.postLevel || curPl.startDate !== c.levelStartDate) bad('rankHistory', `cadre ${c.id} post-level history ends ${curPl?.code}@${curPl?.startDate} ≠ ${c.postLevel}@${c.levelStartDate}`);
    const curRk = rk[rk.length - 1];
    if ((curRk?.code ?? null) !== (c.rank ?? null) || (curRk && curRk.endDate != null)) bad('rankHistory', `cadre ${c.id} rank ${c.rank} ≠ history ${curRk?.code}`);
    for (const r of rh) if (r.startDate < w) bad('rankHistory', `cadre ${c.id} ${r.kind} ${r.code} starts before work`);
    for (let i = 1; i < pl.length; i++) {
      const min = PROMOTION_MIN_YEARS[pl[i - 1].code] ?? 0;
      const yrs = (parse(pl[i].startDate) - parse(pl[i - 1].startDate)) / YEAR;
      if (pl[i - 1].code !== '150' && yrs < min) bad('promotion', `cadre ${c.id} ${pl[i - 1].code}→${pl[i].code} after ${yrs.toFixed(2)} < ${min} years`);
      if (pl[i - 1].code === '150' && yrs < 3) bad('promotion', `cadre ${c.id} 科员 → ${pl[i].code} after ${yrs.toFixed(2)} years`);
    }
    for (let i = 1; i < rk.length; i++) {
      const prev = RANKS.find((x) => x.code === rk[i - 1].code)!;
      const yrs = (parse(rk[i].startDate) - parse(rk[i - 1].startDate)) / YEAR;
      if (yrs < prev.minYears) bad('promotion', `cadre ${c.id} rank ${prev.name} held ${yrs.toFixed(2)} < ${prev.minYears} years`);
      if (RANKS.findIndex((x) => x.code === rk[i].code) !== RANKS.findIndex((x) => x.code === rk[i - 1].code) + 1) bad('promotion', `cadre ${c.id} rank skips a grade`);
    }
    if (c.postLevel === '131' || c.postLevel === '132') {
      const grass = cs.reduce((s, e) => s + (e.isGrassroots ? (parse(e.endDate ?? asOf) - parse(e.startDate)) / YEAR : 0), 0);
      const firstCounty = pl.find((r) => r.code === '132' || r.code === '131')!;
      if ((parse(firstCounty.startDate) - parse(w)) / YEAR < 5) bad('county', `cadre ${c.id} county level with < 5 years of work`);
      if (grass < 2) bad('county', `cadre ${c.id} county level with ${grass.toFixed(1)} grassroots years`);
    }
    // no promotion inside a discipline impact period
    for (const d of discs.get(c.id) ?? []) {
      if (d.date < w) bad('discipline', `cadre ${c.id} disciplined before work`);
      const promotions = [...pl.slice(1), ...rk.slice(1)].map((r) => r.startDate);
      if (promotions.some((p) => p > d.date)) bad('discipline', `cadre ${c.id} promoted after discipline ${d.date}`);
    }
  }
  for (const [pid, n] of occupancy) if (n > (ds.position[pid - 1].quota ?? 1)) bad('quota', `position ${pid} has ${n} holders > quota ${ds.position[pid - 1].quota ?? 1}`);

  // other sections never start before work
  const ws = (id: number) => ds.cadre[id - 1].workStartDate;
  const dated: [string, { cadreId: number }[], string][] = [
    ['assessment', [], ''],
    ['training', ds.training, 'startDate'],
    ['reward', ds.reward, 'date'],
    ['discipline', ds.discipline, 'date'],
    ['keyMoment', ds.keyMoment, 'date'],
    ['politicalQuality', ds.politicalQuality, 'date'],
    ['talkRecord', ds.talkRecord, 'date'],
    ['movement', ds.movement, 'date'],
    ['supervisionItem', ds.supervisionItem, 'date'],
    ['careRecord', ds.careRecord, 'date'],
    ['poolEntry', ds.poolEntry, 'enteredOn'],
  ];
  for (const [name, rows, field] of dated) {
    for (const r of rows) {
      const d = (r as unknown as Record<string, string>)[field];
      if (d < ws(r.cadreId)) bad('dates', `${name} of cadre ${r.cadreId} on ${d} before work ${ws(r.cadreId)}`);
      if (d > asOf) bad('dates', `${name} of cadre ${r.cadreId} on ${d} after asOf`);
    }
  }
  for (const a of ds.assessment) if (a.year < Number(ws(a.cadreId).slice(0, 4))) bad('dates', `assessment ${a.id} year ${a.year} before work`);

  for (const [rule, n] of counts) if (n > limit) problems.push(`${rule}: … ${n - limit} more`);
  return problems;
}
