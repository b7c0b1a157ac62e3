// The URL of the bundled surveys' JSON (scripts/bundledSurveys.ts writes it and resolves this id).
declare module 'virtual:bundled-surveys' {
  const url: string;
  export default url;
}
