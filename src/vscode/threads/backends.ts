import type { Logger } from '../../core/logger';
import { ThreadBackendError } from '../../core/threads/backendError';
import { FileThreadStore } from '../../core/threads/fileStore';
import { GitHubThreadBackend } from '../../core/threads/githubBackend';
import type { ThreadBackend, Venue } from '../../core/threads/threadTypes';
import type { GitHubClient } from '../../core/github/client';
import { GitHubError } from '../../core/github/errors';
import type { GitHubSession } from '../platform/githubSession';

/** Gives the backend for a venue: the file store, or GitHub through the extension's one session. */
export class BackendProvider {
  private readonly files: FileThreadStore;
  private github?: { client: GitHubClient; backend: GitHubThreadBackend };

  constructor(private readonly session: GitHubSession, private readonly logger: Logger) {
    this.files = new FileThreadStore({ logger });
  }

  /** The GitHub login of the signed-in account, once known. */
  get githubAccount(): string | undefined {
    return this.session.accountLabel;
  }

  /**
   * `interactive` (posting) may ask the person to sign in; listing never does and gets
   * `unauthorized` when nobody is signed in.
   */
  async forVenue(venue: Venue, interactive: boolean): Promise<ThreadBackend> {
    if (venue.backend === 'files') return this.files;
    let client: GitHubClient;
    try {
      ({ client } = await this.session.client(interactive));
    } catch (err) {
      throw err instanceof GitHubError && !(err instanceof ThreadBackendError) ? ThreadBackendError.fromGitHub(err) : err;
    }
    if (this.github?.client !== client) this.github = { client, backend: new GitHubThreadBackend({ client, logger: this.logger }) };
    return this.github.backend;
  }
}
