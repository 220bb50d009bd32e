import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../idcard';
import {
  parseLrmx,
  serializeLrmx,
  parseJianLi,
  parseLrmxDate,
  personToRecord,
  recordToPerson,
  sourceForRecord,
  splitOrgPost,
  sanitizePhoto,
  codeFromName,
  type LrmxPerson,
} from './index';

// a structurally valid 1×1 baseline JPEG (SOI, APP0 JFIF, DQT, SOF0, DHT, SOS, entropy data, EOI)
export const TINY_JPEG = Buffer.from(
  'ffd8' +
    'ffe000104a46494600010100000100010000' +
    'ffdb004300' + '01'.repeat(64) +
    'ffc0000b080001000101011100' +
    'ffc4001400' + '01' + '00'.repeat(15) + '00' +
    'ffda0008010100003f00' +
    'd2cf20ff00' +
    'ffd9',
  'hex',
);

const ID = makeIdNumber('330102', '1975-01-24', 13);

export function lrmx(over: Record<string, string> = {}, family?: string): string {
  const f: Record<string, string> = {
    XingMing: '张三',
    XingBie: '男',
    ChuShengNianYue: '197501',
    MinZu: '汉族',
    JiGuan: '浙江杭州',
    ChuShengDi: '浙江杭州',
    RuDangShiJian: '199806',
    CanJiaGongZuoShiJian: '199707',
    JianKangZhuangKuang: '健康',
    ZhuanYeJiShuZhiWu: '',
    ShuXiZhuanYeYouHeZhuanChang: '经济管理',
    QuanRiZhiJiaoYu_XueLi: '大学',
    QuanRiZhiJiaoYu_XueWei: '法学学士',
    QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '浙江大学法律系法学专业',
    QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '浙江大学法律系法学专业',
    ZaiZhiJiaoYu_XueLi: '研究生',
    ZaiZhiJiaoYu_XueWei: '公共管理硕士',
    ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '中央党校经济管理专业',
    ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '浙江大学公共管理学院',
    XianRenZhiWu: '城关镇党委书记',
    NiRenZhiWu: '临江区副区长',
    NiMianZhiWu: '城关镇党委书记',
    JianLi: '1993.09--1997.07  浙江大学法律系法学专业学生\n1997.07--2003.09  城关镇科员\n2003.09--2019.03  城关镇副镇长\n           （其间：2004.09--2007.07在中央党校在职研究生班经济管理专业学习）\n2019.03--         城关镇党委书记',
    JiangChengQingKuang: '2019年5月被评为优秀共产党员；2021年被评为先进工作者',
    NianDuKaoHeJieGuo: '2021年度考核称职；2022年度考核优秀；2023年度考核称职',
    RenMianLiYou: '工作需要',
    ChengBaoDanWei: '中共临江区委组织部',
    JiSuanNianLingShiJian: '20240101',
    TianBiaoShiJian: '20231024',
    TianBiaoRen: '李四',
    ShenFenZheng: ID,
    ZhaoPian: TINY_JPEG.toString('base64'),
    Version: '3.2.1.16',
    ...over,
  };
  const fam =
    family ??
    '<Item><ChengWei>妻子</ChengWei><XingMing>王芳</XingMing><ChuShengRiQi>197603</ChuShengRiQi><ZhengZhiMianMao>中共党员</ZhengZhiMianMao><GongZuoDanWeiJiZhiWu>临江区人民医院护士</GongZuoDanWeiJiZhiWu></Item>' +
      '<Item><ChengWei>儿子</ChengWei><XingMing>张小三</XingMing><ChuShengRiQi>200105</ChuShengRiQi><ZhengZhiMianMao>共青团员</ZhengZhiMianMao><GongZuoDanWeiJiZhiWu>浙江大学学生</GongZuoDanWeiJiZhiWu></Item>';
  const order = Object.keys(f);
  const body = order
    .map((k) => `<${k}>${f[k]}</${k}>`)
    .join('\n')
    .replace('<ChengBaoDanWei>', `<JiaTingChengYuan>${fam}</JiaTingChengYuan>\n<ChengBaoDanWei>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Person>\n${body}\n</Person>\n`;
}

const ok = (xml: string, asOf = '2024-06-01') => {
  const r = parseLrmx(xml, { asOf });
  const errors = r.issues.filter((i) => i.severity === 'error');
  expect(errors, JSON.stringify(errors)).toEqual([]);
  return r.person!;
};

describe('dates', () => {
  it.each([
    ['197501', '1975-01-01', 'month'],
    ['1975.01', '1975-01-01', 'month'],
    ['1975.1', '1975-01-01', 'month'],
    ['1975.01.24', '1975-01-24', 'day'],
    ['20231024', '2023-10-24', 'day'],
    ['１９７５．０１', '1975-01-01', 'month'],
    ['1975年1月', '1975-01-01', 'month'],
    ['1975-01-24', '1975-01-24', 'day'],
  ])('%s → %s', (s, iso, precision) => expect(parseLrmxDate(s)).toEqual({ iso, precision }));
  it.each(['197513', '1975.02.30', 'abc', '75.01'])('%s is not a date', (s) => expect(parseLrmxDate(s)).toBeNull());

  it('reads each date spelling in the file', () => {
    for (const [spelling, iso] of [['197501', '1975-01-01'], ['1975.01', '1975-01-01'], ['1975.01.24', '1975-01-24'], ['19750124', '1975-01-24']]) {
      expect(ok(lrmx({ ChuShengNianYue: spelling, ShenFenZheng: '' })).birthDate).toBe(iso);
    }
    // with an ID number of the same month, the day comes from the ID
    for (const spelling of ['197501', '1975.01']) {
      expect(ok(lrmx({ ChuShengNianYue: spelling })).birthDate).toBe('1975-01-24');
    }
  });
});

describe('入党时间 and 政治面貌', () => {
  it.each([
    ['199806', '01', '1998-06-01'],
    ['1998.06', '01', '1998-06-01'],
    ['199806；民盟', '05', '1998-06-01'],
    ['1998.06;九三学社', '10', '1998-06-01'],
    ['民建', '06', null],
    ['无党派人士', '12', null],
    ['', '13', null],
  ])('%s → %s', (v, political, date) => {
    const p = ok(lrmx({ RuDangShiJian: v }));
    expect([p.political, p.partyJoinDate]).toEqual([political, date]);
  });
  it('an unknown party name is an error with suggestions', () => {
    const r = parseLrmx(lrmx({ RuDangShiJian: '199806；民盟会' }), { asOf: '2024-06-01' });
    const i = r.issues.find((x) => x.field === 'RuDangShiJian')!;
    expect(i).toMatchObject({ code: 'unknown_name', severity: 'error' });
    expect(i.suggestions).toContain('民盟盟员');
  });
});

describe('简历', () => {
  it('reads `--`, `—`, `─`, `－`, `．`, full-width digits, open end and 其间 lines', () => {
    const text = [
      '1993.09--1997.07  浙江大学法律系学生',
      '1997.07—2003.09  城关镇科员',
      '2003.09─2008.01  城关镇副镇长',
      '２００８．０１－－２０１２．０３  财政局副局长',
      '2012.03－2019.03  财政局局长',
      '          （其间：2014.09--2017.07在中央党校在职研究生班学习）',
      '2019.03--         城关镇党委书记',
    ].join('\n');
    const e = parseJianLi(text);
    expect(e.map((x) => [x.start, x.end, x.content, !!x.inService])).toEqual([
      ['1993-09', '1997-07', '浙江大学法律系学生', false],
      ['1997-07', '2003-09', '城关镇科员', false],
      ['2003-09', '2008-01', '城关镇副镇长', false],
      ['2008-01', '2012-03', '财政局副局长', false],
      ['2012-03', '2019-03', '财政局局长', false],
      ['2014-09', '2017-07', '（其间：2014.09--2017.07在中央党校在职研究生班学习）', true],
      ['2019-03', null, '城关镇党委书记', false],
    ]);
    expect(e[6]).toMatchObject({ org: '城关镇', post: '党委书记' });
    expect(e[3]).toMatchObject({ org: '财政局', post: '副局长' });
  });
  it('joins wrapped continuation lines and accepts 至今', () => {
    const e = parseJianLi('2010.01--2015.06  某某县发展和改革局党组成员、\n                  副局长\n2015.06--至今  某某镇镇长');
    expect(e).toHaveLength(2);
    expect(e[0].content).toBe('某某县发展和改革局党组成员、副局长');
    expect(e[1]).toMatchObject({ start: '2015-06', end: null, content: '某某镇镇长' });
  });
  it('reports a line without dates and a bad month', () => {
    const r = parseLrmx(lrmx({ JianLi: '从小爱学习\n1997.13--2003.09  城关镇科员' }), { asOf: '2024-06-01' });
    expect(r.issues.filter((i) => i.field === 'JianLi').map((i) => i.code)).toEqual(['jianli_unparsed', 'jianli_bad_date', 'jianli_none']);
  });
  it('splits org and post', () => {
    expect(splitOrgPost('城关镇党委书记')).toEqual({ org: '城关镇', post: '党委书记' });
    expect(splitOrgPost('北京大学法律系学生')).toEqual({ org: '北京大学法律系', post: '学生' });
    expect(splitOrgPost('待业')).toEqual({});
  });
});

describe('parseLrmx', () => {
  it('reads every section of a full file', () => {
    const p = ok(lrmx());
    expect(p).toMatchObject({
      name: '张三', sex: '1', ethnicity: '01', birthDate: '1975-01-24', political: '01', partyJoinDate: '1998-06-01', workStartDate: '1997-07-01',
      fullTime: { education: '21', degree: '403', school: '浙江大学法律系法学专业' },
      inService: { education: '11', degree: '349', degreeSchool: '浙江大学公共管理学院' },
      currentPost: '城关镇党委书记', idNumber: ID,
      assessments: [{ year: 2021, result: '称职' }, { year: 2022, result: '优秀' }, { year: 2023, result: '称职' }],
      rewards: [{ date: '2019-05-01', name: '被评为优秀共产党员' }, { date: '2021-01-01', name: '被评为先进工作者' }],
      family: [
        { relation: '妻子', name: '王芳', birthDate: '1976-03-01', political: '01', workUnitPost: '临江区人民医院护士' },
        { relation: '儿子', name: '张小三', birthDate: '2001-05-01', political: '03' },
      ],
      extra: { NiRenZhiWu: '临江区副区长', Version: '3.2.1.16', TianBiaoShiJian: '20231024' },
    });
    expect(p.photo?.mime).toBe('image/jpeg');
    expect(p.career.filter((e) => !e.inService)).toHaveLength(4);
  });

  it('unknown names are errors with the nearest names as suggestions', () => {
    const r = parseLrmx(lrmx({ MinZu: '汉族人', QuanRiZhiJiaoYu_XueLi: '大学本课' }), { asOf: '2024-06-01' });
    const minzu = r.issues.find((i) => i.field === 'MinZu')!;
    expect(minzu).toMatchObject({ code: 'unknown_name', severity: 'error' });
    expect(minzu.suggestions![0]).toBe('汉族');
    expect(r.issues.find((i) => i.field === 'QuanRiZhiJiaoYu_XueLi')!.code).toBe('unknown_name');
  });

  it('健康状况 names a GB/T 4767 category: the common forms pass and stay as written, anything else is an error with suggestions', () => {
    for (const [text, code] of [['健康', '1'], ['良好', '1'], ['一般', '2'], ['有慢性病', '3'], ['残疾', '6'], ['健康或良好', '1']] as const) {
      const r = parseLrmx(lrmx({ JianKangZhuangKuang: text }), { asOf: '2024-06-01' });
      expect(r.issues.filter((i) => i.field === 'JianKangZhuangKuang'), text).toEqual([]);
      expect(r.person!.health).toBe(text);
      expect(codeFromName('health', text)).toBe(code);
    }
    const bad = parseLrmx(lrmx({ JianKangZhuangKuang: '很棒' }), { asOf: '2024-06-01' }).issues.find((i) => i.field === 'JianKangZhuangKuang')!;
    expect(bad).toMatchObject({ code: 'unknown_name', severity: 'error' });
    expect(bad.suggestions).toHaveLength(3);
    expect(bad.zh).toContain('GB/T 4767');
    // a typo of a usual form is suggested as that form
    expect(parseLrmx(lrmx({ JianKangZhuangKuang: '建康' }), { asOf: '2024-06-01' }).issues.find((i) => i.field === 'JianKangZhuangKuang')!.suggestions![0]).toBe('健康');
  });

  it('maps aliases: 长子 → 儿子, 大学本科 → 21, 党员 → 01', () => {
    expect(codeFromName('relation', '长子')).toBe('儿子');
    expect(codeFromName('education', '大学本科')).toBe('21');
    expect(codeFromName('education', '大学本科毕业')).toBe('21');
    expect(codeFromName('political', '党员')).toBe('01');
    expect(codeFromName('degree', '法学学士学位')).toBe('403');
  });

  it('refuses DOCTYPE, ENTITY, XXE and billion laughs before parsing', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE Person [<!ENTITY x SYSTEM "file:///etc/passwd">]><Person><XingMing>&x;</XingMing></Person>';
    expect(parseLrmx(xxe).issues).toEqual([{ field: '(file)', code: 'doctype_refused', severity: 'error', zh: expect.any(String), en: 'DOCTYPE declarations are refused (XXE / entity expansion)' }]);
    const lol = '<?xml version="1.0"?>\n<!ENTITY lol "lol"><Person/>';
    expect(parseLrmx(lol).issues[0].code).toBe('entity_refused');
    expect(parseLrmx('<Person><XingMing>&lol9;</XingMing></Person>').issues.some((i) => i.code === 'unknown_entity')).toBe(true);
  });

  it('reports malformed XML with line and column, and a wrong root', () => {
    const r = parseLrmx('<Person><XingMing>张三</XingMin></Person>');
    expect(r.person).toBeNull();
    expect(r.issues[0]).toMatchObject({ field: '(file)', code: 'xml_malformed' });
    expect(r.issues[0].en).toMatch(/line 1/);
    expect(parseLrmx('<Root/>').issues[0].code).toBe('not_lrmx');
  });

  it('reports unknown elements and keeps them for export', () => {
    const xml = lrmx().replace('</Person>', '<ZiDingYi>abc</ZiDingYi></Person>');
    const r = parseLrmx(xml, { asOf: '2024-06-01' });
    expect(r.issues.find((i) => i.field === 'ZiDingYi')).toMatchObject({ code: 'unknown_element', severity: 'warning' });
    expect(serializeLrmx(r.person!)).toContain('<ZiDingYi>abc</ZiDingYi>');
  });

  it('checks the ID number against the birth month and the sex', () => {
    const r = parseLrmx(lrmx({ ChuShengNianYue: '197602' }), { asOf: '2024-06-01' });
    expect(r.issues.find((i) => i.field === 'ShenFenZheng')?.code).toBe('id_birth_mismatch');
  });
});

describe('photos', () => {
  it('accepts JPEG and strips anything after the end marker and EXIF', () => {
    const junk = Buffer.concat([TINY_JPEG, Buffer.from('<?php evil ?>')]);
    const r = sanitizePhoto(junk);
    expect(r.ok && Buffer.from(r.bytes).equals(TINY_JPEG)).toBe(true);
    expect(r.ok && r.removed).toEqual(['13 bytes after the end marker']);
    const exif = Buffer.concat([TINY_JPEG.subarray(0, 2), Buffer.from([0xff, 0xe1, 0x00, 0x06, 0x45, 0x78, 0x69, 0x66]), TINY_JPEG.subarray(2)]);
    const r2 = sanitizePhoto(exif);
    expect(r2.ok && Buffer.from(r2.bytes).equals(TINY_JPEG)).toBe(true);
  });
  it('refuses GIF, SVG and other bytes', () => {
    expect(sanitizePhoto(Buffer.from('GIF89a....'))).toMatchObject({ ok: false, code: 'photo_format' });
    expect(sanitizePhoto(Buffer.from('<svg onload=alert(1)>'))).toMatchObject({ ok: false, code: 'photo_format' });
    const r = parseLrmx(lrmx({ ZhaoPian: Buffer.from('<svg/>').toString('base64') }), { asOf: '2024-06-01' });
    expect(r.issues.find((i) => i.field === 'ZhaoPian')?.code).toBe('photo_format');
  });
});

const strip = (p: LrmxPerson) => {
  const { source, ...rest } = p;
  void source;
  return JSON.parse(JSON.stringify({ ...rest, career: rest.career.map(({ line, ...e }) => (void line, e)) }));
};

describe('round trip', () => {
  it('an unchanged file keeps every text field byte-equal, through the registry record', () => {
    const variants = [
      lrmx(),
      lrmx({ ChuShengNianYue: '1975.01.24', RuDangShiJian: '1998.06；民盟', JianLi: '1997.07—2003.09  城关镇科员\r\n２００３．０９－－         城关镇副镇长', XingMing: 'A&amp;B' }),
      lrmx({ JiangChengQingKuang: '无', NianDuKaoHeJieGuo: '2020、2021年度考核均为称职，2022年度考核为优秀' }),
    ];
    for (const xml of variants) {
      const p = ok(xml);
      const rec = personToRecord(p);
      const back = recordToPerson(rec, sourceForRecord(p, rec));
      const out = serializeLrmx(back);
      const again = ok(out);
      expect(again.source.raw).toEqual(p.source.raw);
      expect(strip(again)).toEqual(strip(p));
    }
  });

  it('a changed value is written canonically and reads back equal', () => {
    const p = ok(lrmx());
    const rec = personToRecord(p);
    const src = sourceForRecord(p, rec);
    rec.cadre.birthDate = '1975-02-01';
    rec.career.push({ startDate: '2024-01-01', endDate: null, orgName: '临江区', postTitle: '副区长' });
    rec.career[3].endDate = '2024-01-01';
    rec.family[0].workUnitPost = '退休';
    const out = serializeLrmx(recordToPerson(rec, src));
    expect(out).toContain('<ChuShengNianYue>197502</ChuShengNianYue>');
    expect(out).toContain('2024.01--         临江区副区长');
    expect(out).toContain('（其间：2004.09--2007.07在中央党校在职研究生班经济管理专业学习）');
    expect(out).toContain('<GongZuoDanWeiJiZhiWu>退休</GongZuoDanWeiJiZhiWu>');
    // unchanged ones stay verbatim
    expect(out).toContain('<JiangChengQingKuang>2019年5月被评为优秀共产党员；2021年被评为先进工作者</JiangChengQingKuang>');
    const again = ok(out.replace(ID, ''), '2025-06-01');
    const rec2 = personToRecord(again);
    expect(rec2.career).toEqual(rec.career.map((c) => ({ ...c })));
    expect(rec2.family).toEqual(rec.family);
  });

  it('serialises the official element order', () => {
    const out = serializeLrmx(ok(lrmx()));
    const names = [...out.matchAll(/^  <(\w+)>/gm)].map((m) => m[1]);
    expect(names.slice(0, 5)).toEqual(['XingMing', 'XingBie', 'ChuShengNianYue', 'MinZu', 'JiGuan']);
    expect(names.indexOf('JiaTingChengYuan')).toBe(names.indexOf('RenMianLiYou') + 1);
    expect(names.slice(-3)).toEqual(['ShenFenZheng', 'ZhaoPian', 'Version']);
  });
});
