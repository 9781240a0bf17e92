/** How each VS Code language writes comments, for finding and inserting pattern markers. */

export interface CommentSyntax {
  /** Line comment openers, preferred first. */
  line: string[];
  /** Block comment delimiters, preferred first. */
  block: Array<[open: string, close: string]>;
  /** Characters that open string literals (a comment opener inside a string is not a comment). */
  quotes: string[];
}

const C_LIKE: CommentSyntax = { line: ['//'], block: [['/*', '*/']], quotes: ['"', "'", '`'] };
const HASH: CommentSyntax = { line: ['#'], block: [], quotes: ['"', "'"] };
const DASHES: CommentSyntax = { line: ['--'], block: [], quotes: ['"', "'"] };
const MARKUP: CommentSyntax = { line: [], block: [['<!--', '-->']], quotes: [] };
const SEMICOLON: CommentSyntax = { line: [';'], block: [], quotes: ['"'] };
const PERCENT: CommentSyntax = { line: ['%'], block: [], quotes: [] };

const BY_LANGUAGE: Record<string, CommentSyntax> = {};
const assign = (syntax: CommentSyntax, ids: string[]) => ids.forEach((id) => (BY_LANGUAGE[id] = syntax));

assign(C_LIKE, [
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'java', 'c', 'cpp', 'csharp', 'go', 'rust',
  'swift', 'kotlin', 'scala', 'dart', 'groovy', 'objective-c', 'objective-cpp', 'jsonc', 'json5', 'scss', 'less',
  'proto', 'zig', 'cuda-cpp', 'hlsl', 'glsl', 'solidity',
]);
assign({ line: ['//'], block: [['/*', '*/'], ['<!--', '-->']], quotes: ['"', "'", '`'] }, ['vue', 'svelte', 'astro']);
assign({ line: ['//', '#'], block: [['/*', '*/']], quotes: ['"', "'"] }, ['php', 'terraform', 'hcl']);
assign({ line: ['//'], block: [['(*', '*)']], quotes: ['"'] }, ['fsharp']);
assign({ line: [], block: [['/*', '*/']], quotes: ['"', "'"] }, ['css']);
assign(HASH, [
  'python', 'shellscript', 'ruby', 'perl', 'r', 'yaml', 'dockerfile', 'makefile', 'powershell', 'toml', 'coffeescript',
  'elixir', 'julia', 'nim', 'graphql', 'properties', 'cmake', 'gitignore', 'ignore', 'crystal', 'raku', 'tcl', 'nix',
  'starlark', 'git-commit', 'dotenv',
]);
assign({ line: ['--'], block: [['{-', '-}']], quotes: ['"'] }, ['haskell', 'elm', 'purescript']);
assign({ line: ['--'], block: [['--[[', ']]'], ['/*', '*/']], quotes: ['"', "'"] }, ['lua', 'sql', 'plsql', 'pgsql', 'mysql']);
assign(DASHES, ['ada', 'vhdl']);
assign(MARKUP, ['html', 'xml', 'xsl', 'markdown', 'svg', 'razor', 'handlebars', 'django-html']);
assign(SEMICOLON, ['clojure', 'lisp', 'scheme', 'racket', 'asm', 'nasm', 'ini', 'autohotkey']);
assign(PERCENT, ['latex', 'tex', 'bibtex', 'matlab', 'erlang', 'prolog', 'octave']);
assign({ line: ["'"], block: [], quotes: ['"'] }, ['vb', 'vbscript']);
assign({ line: ['REM', '::'], block: [], quotes: ['"'] }, ['bat']);
assign({ line: [], block: [['(*', '*)']], quotes: ['"'] }, ['ocaml', 'pascal']);

/** When the language is unknown, look for the common openers. */
const FALLBACK: CommentSyntax = {
  line: ['//', '#', '--', ';'],
  block: [['/*', '*/'], ['<!--', '-->']],
  quotes: ['"', "'", '`'],
};

export function commentSyntax(languageId: string): CommentSyntax {
  return BY_LANGUAGE[languageId] ?? FALLBACK;
}

export function isKnownCommentLanguage(languageId: string): boolean {
  return languageId in BY_LANGUAGE;
}
