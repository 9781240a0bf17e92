/** The community model: the report, its inputs, the config and the charts. */
export { computeCommunityReport } from './communityReport';
export type { CommunityInputs, CommunityReportOptions, CommunityThreads, RepositoryHistory } from './reportInputs';
export * from './reportTypes';
export { parseCommunities, COMMUNITY_FIELDS, type CommunitiesConfig } from './parseCommunities';
export { loadCommunities, COMMUNITIES_FILE } from './loadCommunities';
export { CommunityIndex, type CommunityMatch } from './communityIndex';
export * from './communityTypes';
export * from './charts';
