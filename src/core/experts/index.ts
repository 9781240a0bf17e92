/**
 * The expertise model: who knows this code, and why.
 *
 * - `rankExperts(query)` ranks the people of a line range, a file or a folder from a history
 *   index: one list, best first (the order `npm run eval` scores), each expert tagged with the
 *   evidence it rests on (`lines`, `file` or `area`) and explained in one sentence. It is pure
 *   and cheap: folder figures are computed once per index object, so ranking every file and
 *   folder of a repository in a loop (an export) costs one pass plus map lookups per query.
 * - `sectionExperts(ranking, …)` is what a person sees: the people who know the code first
 *   (cross-team first among comparable ones), then at most two who only know the area.
 * - `defaultExpertModelOptions(now)` are the tuned defaults; the editor maps its settings onto them.
 */
export { isBot } from './bots';
export { rankExperts, defaultExpertModelOptions, normalizeTargetPath, DEFAULT_LIMIT, FORMER_LEADERS, type Classifier, type RankingInput } from './ranking';
export {
  sortForDisplay,
  sectionExperts,
  comparable,
  knowsTheCode,
  formerLeaders,
  groupByRelationship,
  CROSS_TEAM_ORDER,
  COMPARABLE_SCORE_RATIO,
  AREA_EXPERTS_SHOWN,
  type ExpertSections,
  type RelationshipGroup,
} from './display';
export { logicalBlockAround, type LogicalBlockOptions } from './logicalBlock';
export { humaniseAge } from './relativeTime';
export { degreeOfAuthorship, DEFAULT_WEIGHTS, type ScoreWeights } from './scoring';
export type { AreaEvidence, EvidenceKind, ExpertEvidence, ExpertModelOptions, ExpertRanking, RankedExpert } from './types';
