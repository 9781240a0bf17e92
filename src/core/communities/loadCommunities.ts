import { promises as fs } from 'fs';
import * as path from 'path';
import type { Logger } from '../logger';
import { parseCommunities, type CommunitiesConfig } from './parseCommunities';

export const COMMUNITIES_FILE = path.join('.constellation', 'communities.yml');

/**
 * Reads `<repoRoot>/.constellation/communities.yml`. A missing file is no communities; `files`
 * venue paths are made absolute against the repository root.
 */
export async function loadCommunities(repoRoot: string, logger: Logger): Promise<CommunitiesConfig> {
  const file = path.join(repoRoot, COMMUNITIES_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      logger.warn(`cannot read ${file}: ${(err as Error).message}`);
      return { communities: [], diagnostics: [{ file, line: 1, column: 1, message: `cannot read: ${(err as Error).message}`, severity: 'error' }] };
    }
    return { communities: [], diagnostics: [] };
  }
  const config = parseCommunities(text, file);
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
