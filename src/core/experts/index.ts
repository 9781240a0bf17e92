/** The expertise model: who knows this code, and why. */
export { isBot } from './bots';
export { rankExperts, defaultExpertModelOptions, normalizeTargetPath, DEFAULT_LIMIT, type Classifier, type RankingInput } from './ranking';
export { sortForDisplay, groupByRelationship, CROSS_TEAM_ORDER, type RelationshipGroup } from './display';
export { logicalBlockAround, type LogicalBlockOptions } from './logicalBlock';
export { humaniseAge } from './relativeTime';
export { degreeOfAuthorship, DEFAULT_WEIGHTS, type ScoreWeights } from './scoring';
export type { ExpertEvidence, ExpertModelOptions, ExpertRanking, RankedExpert } from './types';
