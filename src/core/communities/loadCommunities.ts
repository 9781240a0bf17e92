import * as path from 'path';
import { MAX_COMMUNITIES_BYTES, readConfigFile } from '../config/configFile';
import { parseConfigOnce } from '../config/configParse';
import type { Logger } from '../logger';
import type { CommunitiesConfig } from './parseCommunities';

export const COMMUNITIES_FILE = path.join('.constellation', 'communities.yml');
/** What to do with a communities.yml over its cap. */
export const COMMUNITIES_SIZE_ADVICE = 'keep one entry per community of practice; long lists of code areas belong in fewer, broader globs';

/**
 * Reads `<repoRoot>/.constellation/communities.yml`. A missing file is no communities; `files`
 * venue paths are made absolute against the repository root.
 */
export async function loadCommunities(repoRoot: string, logger: Logger): Promise<CommunitiesConfig> {
  const file = path.join(repoRoot, COMMUNITIES_FILE);
  const read = await readConfigFile(file, MAX_COMMUNITIES_BYTES, 'the communities file', COMMUNITIES_SIZE_ADVICE);
  if (read.kind === 'missing') return { communities: [], diagnostics: [] };
  if (read.kind === 'problem') {
    logger.warn(`${file}: ${read.diagnostic.message}`);
    return { communities: [], diagnostics: [read.diagnostic] };
  }
  const config = await parseConfigOnce('communities', read.text, file);
  for (const d of config.diagnostics) {
    logger.warn(`${d.file}:${d.line}:${d.column}: ${d.message}`);
  }
  return {
    communities: config.communities.map((c) =>
      c.venue?.backend === 'files' ? { ...c, venue: { backend: 'files', path: path.resolve(repoRoot, c.venue.path) } } : c,
    ),
    diagnostics: config.diagnostics,
  };
}
