import type { ExpertEvidence } from './types';
import { humaniseAge } from './relativeTime';

export type TargetKind = 'lines' | 'file' | 'folder';

function count(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

function percent(share: number): string {
  const p = Math.round(share * 100);
  return p === 0 && share > 0 ? 'under 1%' : `${p}%`;
}

function folderLabel(folder: string): string {
  return folder === '' ? 'the repository' : `${folder}/`;
}

/**
 * One short sentence built only from the evidence, e.g.
 * "wrote 62% of these lines · 14 changes to this file, last 3 weeks ago · created it", or for
 * someone who only knows the area "12 changes under src/pricing/, last 2 weeks ago".
 * `folder` is the queried folder for folder targets.
 */
export function explain(evidence: ExpertEvidence, kind: TargetKind, now: number, former: boolean, folder = ''): string {
  const parts: string[] = [];
  if (evidence.blameShare !== undefined && (evidence.blameLines ?? 0) > 0) {
    parts.push(`wrote ${percent(evidence.blameShare)} of ${kind === 'lines' ? 'these lines' : 'this file'}`);
  }
  if (evidence.changes > 0) {
    const where = kind === 'folder' ? `under ${folderLabel(folder)}` : 'to this file';
    const last = evidence.lastChange !== undefined ? `, last ${humaniseAge(evidence.lastChange, now)}` : '';
    parts.push(`${count(evidence.changes, 'change')} ${where}${last}`);
  }
  if (kind === 'folder') {
    if ((evidence.filesCreated ?? 0) > 0) parts.push(`created ${count(evidence.filesCreated ?? 0, 'file')} there`);
  } else if (evidence.created) {
    parts.push('created it');
  }
  // Area work is said only for people without evidence on the code itself (and folders say it above).
  const area = evidence.area;
  if (kind !== 'folder' && parts.length === 0 && area && area.changes > 0) {
    const last = area.lastChange !== undefined ? `, last ${humaniseAge(area.lastChange, now)}` : '';
    parts.push(`${count(area.changes, 'change')} under ${folderLabel(area.folder)}${last}`);
  }
  const co = evidence.coChanged;
  if (kind !== 'folder' && parts.length === 0 && co && co.changes > 0) {
    parts.push(`${count(co.changes, 'change')} to ${count(co.files, 'file')} changed together with this one`);
  }
  if (former && evidence.lastActive !== undefined) {
    parts.push(`last commit in this repository ${humaniseAge(evidence.lastActive, now)}`);
  }
  return parts.join(' · ');
}
