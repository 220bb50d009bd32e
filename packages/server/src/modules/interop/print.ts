/**
 * Printable 干部任免审批表: two A4 pages laid out like the paper form (宋体 body, 仿宋 entries,
 * 黑体 heading), photo box, 简历 block, family table. Ages are computed at `asOf` (计算年龄时间:
 * the query parameter, else the file's JiSuanNianLingShiJian, else today). Screen and print CSS.
 */
import { ageOn, codeName, parseLrmxDate, todayISO, type LrmxPerson } from '@cadre/core';

const esc = (s: unknown) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
const ym = (iso: string | null | undefined) => (iso ? `${iso.slice(0, 4)}.${iso.slice(5, 7)}` : '');
const nl = (s: string) => esc(s).replace(/\r\n|\r|\n/g, '<br>');

export function formAsOf(p: LrmxPerson, asOf?: string): string {
  return asOf ?? parseLrmxDate(p.extra.JiSuanNianLingShiJian)?.iso ?? todayISO();
}

export function renderForm(p: LrmxPerson, opts: { asOf?: string; orgName?: string | null } = {}): string {
  const asOf = formAsOf(p, opts.asOf);
  const age = (d: string | null) => (d ? ageOn(d, asOf) : '');
  const partyCell = p.partyJoinDate
    ? p.political && p.political !== '01'
      ? `${ym(p.partyJoinDate)}<br>${esc(codeName('political', p.political))}`
      : ym(p.partyJoinDate)
    : esc(p.political && p.political !== '13' ? codeName('political', p.political) : '');
  const edu = (e: LrmxPerson['fullTime']) => [e.education ? codeName('education', e.education) : '', e.degree ? codeName('degree', e.degree) : ''].filter(Boolean).map(esc).join('<br>');
  const school = (e: LrmxPerson['fullTime']) => [e.school, e.degreeSchool && e.degreeSchool !== e.school ? e.degreeSchool : ''].filter(Boolean).map(esc).join('<br>');
  const jianli = p.career
    .map((e) => (e.inService ? `<div class="jl in">${esc(e.content)}</div>` : `<div class="jl"><span class="d">${esc(e.start.replace('-', '.'))}--${esc(e.end ? e.end.replace('-', '.') : '')}</span><span>${esc(e.content)}</span></div>`))
    .join('');
  const photo = p.photo ? `<img src="data:${p.photo.mime};base64,${p.photo.base64}" alt="照片">` : '<span class="ph">照片</span>';
  const rewards = p.rewards.length ? p.rewards.map((r) => `${r.date.slice(0, 4)}年${Number(r.date.slice(5, 7)) > 1 ? `${Number(r.date.slice(5, 7))}月` : ''}${r.name}`).join('；') : '';
  const rewardText = p.extra.JiangChengQingKuang ?? rewards;
  const assessText = p.assessments.map((a) => `${a.year}年度考核${a.result}`).join('；');
  const fam = [...p.family];
  while (fam.length < 7) fam.push({ relation: null, name: '', birthDate: null, political: null, workUnitPost: '' });
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>干部任免审批表 — ${esc(p.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
@page { size: A4; margin: 18mm 16mm 16mm 20mm; }
* { box-sizing: border-box; }
body { margin: 0; background: #e9e9e9; font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif; color: #000; }
.page { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 18mm 16mm 16mm 20mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25); page-break-after: always; break-after: page; }
.page:last-child { page-break-after: auto; break-after: auto; }
h1 { font-family: "SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 22pt; text-align: center; letter-spacing: .4em; margin: 0 0 4mm; font-weight: normal; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
td { border: 1px solid #000; font-size: 12pt; padding: 1mm 1.2mm; text-align: center; vertical-align: middle; word-break: break-all; height: 10mm; }
td.v { font-family: "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", serif; font-size: 12pt; }
td.l { letter-spacing: 0; font-size: 11pt; }
td.photo { width: 32mm; height: 42mm; padding: 0; }
td.photo img { width: 30mm; height: 40mm; object-fit: cover; display: block; margin: auto; }
.ph { color: #888; }
td.jl-cell { text-align: left; vertical-align: top; height: 105mm; font-family: "FangSong", "仿宋", serif; font-size: 12pt; line-height: 1.55; }
.jl { display: flex; } .jl .d { flex: 0 0 42mm; white-space: pre; } .jl.in { padding-left: 42mm; }
td.block { text-align: left; vertical-align: top; font-family: "FangSong", "仿宋", serif; height: 30mm; line-height: 1.5; }
td.vert { writing-mode: vertical-rl; letter-spacing: .5em; width: 10mm; }
.foot { margin-top: 3mm; font-size: 12pt; display: flex; justify-content: space-between; }
@media print { body { background: #fff; } .page { margin: 0; box-shadow: none; width: auto; min-height: auto; padding: 0; } }
</style></head>
<body>
<section class="page" id="page1">
<h1>干部任免审批表</h1>
<table>
<colgroup><col style="width:22mm"><col><col style="width:22mm"><col><col style="width:24mm"><col><col style="width:32mm"></colgroup>
<tr><td class="l">姓　名</td><td class="v">${esc(p.name)}</td><td class="l">性　别</td><td class="v">${esc(codeName('sex', p.sex) ?? '')}</td><td class="l">出生年月<br>（　岁）</td><td class="v">${ym(p.birthDate)}<br>（${age(p.birthDate)}岁）</td><td class="photo" rowspan="4">${photo}</td></tr>
<tr><td class="l">民　族</td><td class="v">${esc(codeName('ethnicity', p.ethnicity) ?? '')}</td><td class="l">籍　贯</td><td class="v">${esc(p.nativePlace)}</td><td class="l">出 生 地</td><td class="v">${esc(p.birthPlace)}</td></tr>
<tr><td class="l">入　党<br>时　间</td><td class="v">${partyCell}</td><td class="l">参加工<br>作时间</td><td class="v">${ym(p.workStartDate)}</td><td class="l">健康状况</td><td class="v">${esc(p.health)}</td></tr>
<tr><td class="l">专业技<br>术职务</td><td class="v" colspan="2">${esc(p.professionalTitle)}</td><td class="l">熟悉专业<br>有何专长</td><td class="v" colspan="2">${esc(p.expertise)}</td></tr>
<tr><td class="l" rowspan="2">学　历<br>学　位</td><td class="l">全日制<br>教　育</td><td class="v" colspan="2">${edu(p.fullTime)}</td><td class="l">毕业院校<br>系及专业</td><td class="v" colspan="2">${school(p.fullTime)}</td></tr>
<tr><td class="l">在　职<br>教　育</td><td class="v" colspan="2">${edu(p.inService)}</td><td class="l">毕业院校<br>系及专业</td><td class="v" colspan="2">${school(p.inService)}</td></tr>
<tr><td class="l" colspan="2">现 任 职 务</td><td class="v" colspan="5" style="text-align:left">${esc(p.currentPost)}</td></tr>
<tr><td class="l" colspan="2">拟 任 职 务</td><td class="v" colspan="5" style="text-align:left">${esc(p.extra.NiRenZhiWu ?? '')}</td></tr>
<tr><td class="l" colspan="2">拟 免 职 务</td><td class="v" colspan="5" style="text-align:left">${esc(p.extra.NiMianZhiWu ?? '')}</td></tr>
<tr><td class="vert">简　历</td><td class="jl-cell" colspan="6">${jianli}</td></tr>
</table>
</section>
<section class="page" id="page2">
<table>
<colgroup><col style="width:14mm"><col style="width:20mm"><col style="width:24mm"><col style="width:14mm"><col style="width:24mm"><col></colgroup>
<tr><td class="vert">奖惩情况</td><td class="block" colspan="5">${nl(rewardText)}</td></tr>
<tr><td class="vert">年度考核结果</td><td class="block" colspan="5" style="height:20mm">${nl(p.extra.NianDuKaoHeJieGuo ?? assessText)}</td></tr>
<tr><td class="vert">任免理由</td><td class="block" colspan="5" style="height:20mm">${nl(p.extra.RenMianLiYou ?? '')}</td></tr>
<tr><td class="vert" rowspan="${fam.length + 1}">家庭主要成员及重要社会关系</td><td class="l">称　谓</td><td class="l">姓　名</td><td class="l">年龄</td><td class="l">政治面貌</td><td class="l">工作单位及职务</td></tr>
${fam.map((f) => `<tr class="fam"><td class="v">${esc(f.relation ?? '')}</td><td class="v">${esc(f.name)}</td><td class="v">${f.birthDate ? age(f.birthDate) : ''}</td><td class="v">${esc(f.political ? codeName('political', f.political) : '')}</td><td class="v" style="text-align:left">${esc(f.workUnitPost)}</td></tr>`).join('\n')}
<tr><td class="vert">呈报单位</td><td class="block" colspan="5" style="height:22mm">${esc(p.extra.ChengBaoDanWei ?? opts.orgName ?? '')}<div style="text-align:right;margin-top:8mm">${esc(ym(parseLrmxDate(p.extra.TianBiaoShiJian)?.iso ?? asOf).replace('.', '年'))}月　日（盖章）</div></td></tr>
<tr><td class="vert">审批机关意见</td><td class="block" colspan="2" style="height:30mm"><div style="margin-top:16mm;text-align:right">（盖章）<br>年　月　日</div></td><td class="vert">行政机关任免意见</td><td class="block" colspan="2"><div style="margin-top:16mm;text-align:right">（盖章）<br>年　月　日</div></td></tr>
</table>
<div class="foot"><span>计算年龄时间：${esc(asOf)}</span><span>填表人：${esc(p.extra.TianBiaoRen ?? '')}</span></div>
</section>
</body></html>`;
}
