/** Community charts: pure functions from report data to themeable SVG with a text alternative. */
export { CHART_CSS, escapeXml, type Chart, type ChartOptions } from './svgKit';
export { renderRings } from './rings';
export { renderParticipation } from './participationChart';
export { renderTeamMatrix } from './teamMatrix';
export { renderKnowledge } from './knowledgeChart';
export { renderConstellation } from './constellationMap';
