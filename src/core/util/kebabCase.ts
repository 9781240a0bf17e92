/**
 * Lower-case ASCII words joined by dashes, accents folded ("Café: crème" → `cafe-creme`), at most
 * `maxLength` characters without a trailing dash. Empty when the text has no letters or digits.
 */
export function kebabCase(text: string, maxLength: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}
