/** The one Markdown escaper and command-link builder for everything the extension renders as Markdown. */

/**
 * Backslash-escapes every character Markdown could read as syntax (names and paths come from
 * repositories), `@` included so a name cannot mention anyone on GitHub.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~@]/g, (c) => `\\${c}`);
}

/**
 * `command:<id>?<JSON args>` whose arguments cannot break out of a Markdown link: encodeURIComponent
 * leaves parentheses alone, and a `)` from an email or name would end the link early.
 */
export function commandUri(command: string, args: unknown[]): string {
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `command:${command}?${encoded}`;
}
