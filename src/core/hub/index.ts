/**
 * The organisation-wide index, for the editor and the CLI.
 *
 *   const source = new GitHubHubSource({ octokit, repository: setting, apiBase, cacheDir, logger });
 *   const hub = await HubIndex.open(source);                 // manifest + small inverted indexes
 *   const ref = importAt(text, importLanguageOf(languageId)!, line, column);
 *   const answer = await whoKnows(hub, { kind: 'import', language: ref.language, specifier: ref.specifier }, { directory, you });
 *   // answer.experts: name, placement (team, business unit, company), relationship, explanation
 *
 * Communities whose code areas span repositories: `hubAreaActivity(hub, [{ repo: 'acme/http', glob: 'src/retry/**' }], { directory, you })`
 * gives per-person changes, last change, files and repositories from the shards.
 *
 * `source.refresh()` re-checks the hub (one conditional request) on a timer; everything already
 * read answers offline from the disk cache.
 */
export { HubIndex, HubIndexError, type LoadedShard } from './hubIndex';
export { FolderHubSource, type HubSource } from './hubSource';
export { GitHubHubSource, HubSourceError, type GitHubHubSourceOptions, type HubRefreshStatus } from './githubHubSource';
export { whoKnows, type OrgExpert, type OrgExpertRepository, type WhoKnowsAnswer, type WhoKnowsContext, type WhoKnowsQuery, type CodeAreaSpec } from './whoKnows';
export { hubAreaActivity, type HubAreaActivity, type HubAreaContext, type HubAreaPerson, type HubAreaRepository } from './areaActivity';
export type { HubPerson } from './hubPeople';
export { findImports, importAt, importLanguageOf, type ImportLanguage, type ImportReference } from '../imports/importSpecifiers';
export { npmPackageName, goModuleCandidates, packageKeysForImport } from '../imports/packageResolution';
