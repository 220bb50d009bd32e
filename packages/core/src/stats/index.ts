/** 干部队伍结构分析 and 班子运行全息图: pure statistics over rows the caller loads. */
export * from './structure';
export * from './columns';
export * from './team';
export * from './overview';
export * from './phrases';
export { packDate, unpackDate, fullYearsPacked, fracYearsPacked, addMonthsPacked, makeRetirementFn } from './fast';
