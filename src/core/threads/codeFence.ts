const LANGUAGE_BY_EXTENSION: Record<string, string> = {
  ts: 'typescript', tsx: 'tsx', mts: 'typescript', cts: 'typescript', js: 'javascript', jsx: 'jsx', mjs: 'javascript',
  cjs: 'javascript', py: 'python', rb: 'ruby', go: 'go', rs: 'rust', java: 'java', kt: 'kotlin', kts: 'kotlin',
  scala: 'scala', cs: 'csharp', fs: 'fsharp', c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp', cxx: 'cpp', hpp: 'cpp',
  swift: 'swift', m: 'objectivec', php: 'php', sh: 'bash', bash: 'bash', zsh: 'bash', ps1: 'powershell',
  sql: 'sql', json: 'json', yml: 'yaml', yaml: 'yaml', toml: 'toml', xml: 'xml', html: 'html', css: 'css',
  scss: 'scss', md: 'markdown', proto: 'protobuf', graphql: 'graphql', gql: 'graphql', tf: 'hcl', lua: 'lua',
  dart: 'dart', ex: 'elixir', exs: 'elixir', erl: 'erlang', hs: 'haskell', clj: 'clojure', r: 'r', vue: 'vue',
};

const LANGUAGE_BY_NAME: Record<string, string> = { dockerfile: 'dockerfile', makefile: 'makefile', jenkinsfile: 'groovy' };

/** The Markdown info string for a file, or '' when unknown. */
export function languageForPath(filePath: string): string {
  const base = filePath.replace(/\\/g, '/').split('/').pop()?.toLowerCase() ?? '';
  if (LANGUAGE_BY_NAME[base]) {
    return LANGUAGE_BY_NAME[base];
  }
  const dot = base.lastIndexOf('.');
  return dot > 0 ? (LANGUAGE_BY_EXTENSION[base.slice(dot + 1)] ?? '') : '';
}

/** A backtick fence longer than any backtick run in `text` (at least three), so the snippet cannot close it. */
export function chooseFence(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) {
    longest = Math.max(longest, run.length);
  }
  return '`'.repeat(Math.max(3, longest + 1));
}

/** A fenced code block; the language is dropped if it could break the info string. */
export function fencedCode(text: string, language: string): string {
  const fence = chooseFence(text);
  const info = /^[\w+#.-]*$/.test(language) ? language : '';
  const content = text.endsWith('\n') ? text : `${text}\n`;
  return `${fence}${info}\n${content}${fence}`;
}
