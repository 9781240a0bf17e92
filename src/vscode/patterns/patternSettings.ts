import { parseImageHosts } from '../../core/patterns/imageHosts';
import { DEFAULT_MARKER_KEYWORD } from '../../core/patterns/markers';
import { githubWebBase } from '../../core/github/endpoint';
import { setting } from '../platform/configuration';

export interface PatternSettings {
  libraries: string[];
  markerKeyword: string;
  codeLens: boolean;
  /** Hosts pattern pages may load images from (see core/patterns/imageHosts). */
  allowImagesFrom: string[];
  /** Web address of the configured GitHub (github.com or the Enterprise host), for links to sources. */
  githubWeb: string;
}

/** Reads `constellation.patterns.*` fresh each time. */
export function readPatternSettings(): PatternSettings {
  const keyword = setting('patterns.markerKeyword').trim();
  const imageHosts: unknown = setting('patterns.allowImagesFrom');
  return {
    libraries: setting('patterns.libraries').filter((l) => typeof l === 'string'),
    markerKeyword: /^[\w-]+$/.test(keyword) ? keyword : DEFAULT_MARKER_KEYWORD,
    codeLens: setting('patterns.codeLens'),
    allowImagesFrom: parseImageHosts(Array.isArray(imageHosts) ? imageHosts : []).hosts,
    githubWeb: githubWebBase({ enterpriseUri: setting('github.enterpriseUri') }),
  };
}
