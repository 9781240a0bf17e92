/** VS Code language ids of common file extensions, for files searched without opening them (pure). */
const BY_EXTENSION: Record<string, string> = {
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescriptreact',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascriptreact',
  py: 'python', go: 'go', java: 'java', kt: 'kotlin', kts: 'kotlin', scala: 'scala', rs: 'rust', rb: 'ruby', php: 'php',
  cs: 'csharp', fs: 'fsharp', c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp', cxx: 'cpp', hpp: 'cpp', swift: 'swift', dart: 'dart',
  sql: 'sql', sh: 'shellscript', bash: 'shellscript', yaml: 'yaml', yml: 'yaml', json: 'json', jsonc: 'jsonc', toml: 'toml',
  md: 'markdown', html: 'html', css: 'css', scss: 'scss', less: 'less', vue: 'vue', svelte: 'svelte', lua: 'lua', ex: 'elixir', exs: 'elixir',
  tf: 'terraform', proto: 'proto', gradle: 'groovy', groovy: 'groovy', r: 'r', pl: 'perl', ps1: 'powershell', xml: 'xml',
};

export function languageOfPath(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === 'Dockerfile') return 'dockerfile';
  if (name === 'Makefile') return 'makefile';
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? undefined : BY_EXTENSION[name.slice(dot + 1).toLowerCase()];
}

/** A glob for every file whose language is known (Markdown left out: that is where patterns live). */
export function searchableFilesGlob(): string {
  const extensions = Object.keys(BY_EXTENSION).filter((e) => e !== 'md');
  return `**/*.{${extensions.join(',')}}`;
}
