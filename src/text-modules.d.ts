/** Markdown files bundled as text (wrangler `[[rules]] type = "Text"`), e.g. the answer prompt for the worker. */
declare module '*.md' {
  const text: string;
  export default text;
}
