/**
 * Which hosts a pattern page may load images from (`constellation.patterns.allowImagesFrom`).
 * Default none: a tracking pixel in a shared library must not contact its host when someone opens
 * the page. Entries are host names (`images.example.com`, `cdn.example.com:8443`) or a wildcard
 * for subdomains (`*.example.com`); images always load over https only.
 */

const HOST_ENTRY = /^(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)(:\d{1,5})?$/i;

export interface ImageHosts {
  /** Lower-cased valid entries. */
  hosts: string[];
  /** Entries that are not a host name, as written (reported, never used). */
  invalid: string[];
}

export function parseImageHosts(entries: readonly unknown[]): ImageHosts {
  const hosts: string[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    const text = typeof entry === 'string' ? entry.trim().toLowerCase() : '';
    if (HOST_ENTRY.test(text)) {
      if (!hosts.includes(text)) hosts.push(text);
    } else {
      invalid.push(String(entry));
    }
  }
  return { hosts, invalid };
}

/** Whether an image URL is https and on an allowed host. */
export function imageAllowed(src: string, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return hosts.some((entry) => {
    const m = HOST_ENTRY.exec(entry);
    if (!m) return false;
    const [, wildcard, name, port] = m;
    // Like CSP: an entry without a port means the default https port.
    if (`:${url.port || '443'}` !== (port ?? ':443')) return false;
    return wildcard ? host.endsWith(`.${name}`) : host === name;
  });
}

/** The CSP `img-src` sources for the hosts, matching imageAllowed. */
export function imageCspSources(hosts: readonly string[]): string[] {
  return hosts.filter((h) => HOST_ENTRY.test(h)).map((h) => `https://${h}`);
}
