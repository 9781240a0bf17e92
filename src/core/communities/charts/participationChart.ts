/** Participation over time: commits and thread posts per month as stacked bars, people as a line. */
import type { CommunityFigures } from '../reportTypes';
import { escapeXml, fixed, svgDocument, text, type Chart, type ChartOptions } from './svgKit';

export function renderParticipation(community: CommunityFigures, options: ChartOptions = {}): Chart {
  const months = community.participationOverTime;
  const width = 640;
  const height = 220;
  const left = 36;
  const right = 72;
  const top = 16;
  const bottom = 34;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const maxEvents = Math.max(1, ...months.map((m) => m.commits + m.threadPosts));
  const maxPeople = Math.max(1, ...months.map((m) => m.people));
  const step = plotWidth / Math.max(1, months.length);
  const barWidth = Math.max(2, step * 0.7);
  const parts: string[] = [
    `<line class="cst-line" x1="${left}" y1="${top + plotHeight}" x2="${left + plotWidth}" y2="${top + plotHeight}"/>`,
    text(left - 4, top + 8, String(maxEvents), 'class="cst-muted" text-anchor="end"'),
    text(left + plotWidth + 4, top + 8, `${maxPeople} people`, 'class="cst-muted"'),
  ];
  const labelEvery = Math.max(1, Math.ceil(months.length / 8));
  const trend: string[] = [];
  months.forEach((m, i) => {
    const x = left + i * step + (step - barWidth) / 2;
    const commitHeight = (m.commits / maxEvents) * plotHeight;
    const postHeight = (m.threadPosts / maxEvents) * plotHeight;
    const base = top + plotHeight;
    const tip = `${m.month}: ${m.commits} commits, ${m.threadPosts} thread posts, ${m.people} people`;
    parts.push(`<g><title>${escapeXml(tip)}</title>`);
    if (m.commits > 0) parts.push(`<rect class="cst-bar" x="${fixed(x)}" y="${fixed(base - commitHeight)}" width="${fixed(barWidth)}" height="${fixed(commitHeight)}"/>`);
    if (m.threadPosts > 0) parts.push(`<rect class="cst-bar2" x="${fixed(x)}" y="${fixed(base - commitHeight - postHeight)}" width="${fixed(barWidth)}" height="${fixed(postHeight)}"/>`);
    parts.push('</g>');
    trend.push(`${fixed(left + i * step + step / 2)},${fixed(base - (m.people / maxPeople) * plotHeight)}`);
    if (i % labelEvery === 0) parts.push(text(left + i * step + step / 2, height - bottom + 14, m.month, 'class="cst-muted" text-anchor="middle"'));
  });
  if (trend.length > 1) parts.push(`<polyline class="cst-trend" points="${trend.join(' ')}"/>`);
  parts.push(`<rect class="cst-bar" x="${left}" y="${height - 12}" width="10" height="8"/>`, text(left + 14, height - 4, 'commits'));
  parts.push(`<rect class="cst-bar2" x="${left + 80}" y="${height - 12}" width="10" height="8"/>`, text(left + 94, height - 4, 'thread posts'));
  parts.push(`<line class="cst-trend" x1="${left + 180}" y1="${height - 8}" x2="${left + 196}" y2="${height - 8}"/>`, text(left + 200, height - 4, 'people taking part'));
  const total = months.reduce((sum, m) => sum + m.commits + m.threadPosts, 0);
  const summary = `${community.name}: ${total} commits and thread posts over ${months.length} months; stage looks ${community.stage.inferred.replace('-', ' ')}${community.stage.declared ? ` (declared ${community.stage.declared})` : ''}`;
  const textAlternative = [summary, ...months.map((m) => `${m.month}: ${m.commits} commits, ${m.threadPosts} thread posts, ${m.people} people`)].join('\n');
  const svg = svgDocument({ id: `${options.idPrefix ?? 'cst'}-participation-${community.id}`, width, height, title: `${community.name}: participation over time`, description: summary, body: parts.join('') });
  return { svg, text: textAlternative };
}
