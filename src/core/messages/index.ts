// Every user-facing text lives in this folder, one module per area, so wording
// is consistent, reviewable in one place, and never built from markup. Each
// area keeps its errors (code → message, joined in errors.ts) beside its other
// texts; add to your own area. Data text inside a sentence is wrapped with
// isolate() (src/core/format/bidi.ts).
export * from './analyst';
export * from './charts';
export * from './cli';
export * from './counts';
export * from './csv';
export * from './definition';
export * from './errors';
export * from './export';
export * from './importPanel';
export * from './link';
export * from './parquet';
export * from './published';
export * from './questionPage';
export * from './respondent';
export * from './sav';
export * from './schema';
export * from './sql';
export * from './storage';
export * from './tabs';
export * from './tabBook';
export * from './ui';
export * from './xlsx';
