/** Messages of the structure page's drill-down (the people behind a number); added to the analysis bundles. */
import i18n from '../../i18n/index';

const zh = {
  statsPeople: {
    title: '{{label}}：{{n}}人', loading: '正在查询人员名单…', failed: '人员名单查询失败：{{message}}',
    name: '姓名', org: '单位', post: '现任职务', age: '年龄', level: '职务层次', openRoster: '在干部名册中打开',
    hint: '人数较多，在此分页列出（与统计口径完全一致）', male: '男', female: '女',
  },
};
const en: typeof zh = {
  statsPeople: {
    title: '{{label}}: {{n}}', loading: 'Loading the people…', failed: 'Could not load the people: {{message}}',
    name: 'Name', org: 'Unit', post: 'Post', age: 'Age', level: 'Level', openRoster: 'Open in the roster',
    hint: 'Many people: listed here page by page (exactly the people counted)', male: 'male', female: 'female',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
