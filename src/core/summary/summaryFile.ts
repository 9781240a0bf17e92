/** Reading and writing summary files. Summaries come from other repositories' CI: validated before use. */
import { promises as fs } from 'fs';
import Ajv, { type ValidateFunction } from 'ajv';
import schema from '../../../schemas/expertise-summary.schema.json';
import { writeFileAtomic } from '../util/atomicWrite';
import { SUMMARY_FORMAT_VERSION, SUMMARY_KIND, type ExpertiseSummary } from './summaryTypes';

/** A summary larger than this is refused rather than parsed (a 100,000-commit monorepo gives a few MB). */
export const MAX_SUMMARY_BYTES = 64 << 20;

let validator: ValidateFunction | undefined;

export class SummaryError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
  }
}

/** Checks a parsed summary; throws a SummaryError naming the file and the first problems. */
export function validateSummary(data: unknown, file: string): ExpertiseSummary {
  const record = data as { kind?: unknown; formatVersion?: unknown } | null;
  if (!record || typeof record !== 'object' || record.kind !== SUMMARY_KIND) throw new SummaryError(file, 'not a Constellation expertise summary');
  if (record.formatVersion !== SUMMARY_FORMAT_VERSION) {
    throw new SummaryError(file, `format version ${String(record.formatVersion)}, this Constellation reads version ${SUMMARY_FORMAT_VERSION}: export it again with the same version`);
  }
  validator ??= new Ajv({ allErrors: false, strict: false }).compile(schema);
  if (!validator(data)) {
    const problems = (validator.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
    throw new SummaryError(file, `not a valid summary: ${problems.join('; ')}`);
  }
  const summary = data as ExpertiseSummary;
  const people = summary.people.length;
  for (const row of summary.paths) {
    if (row[4].some((i) => i >= people) || row[5].some((e) => e[0] >= people)) throw new SummaryError(file, `path "${row[0]}" refers to a person that is not listed`);
  }
  return summary;
}

export async function readSummaryFile(file: string): Promise<ExpertiseSummary> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (err) {
    throw new SummaryError(file, `cannot read: ${(err as Error).message}`);
  }
  if (stat.size > MAX_SUMMARY_BYTES) throw new SummaryError(file, `${stat.size} bytes, more than the ${MAX_SUMMARY_BYTES} a summary may have`);
  let data: unknown;
  try {
    data = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (err) {
    throw new SummaryError(file, `not JSON: ${(err as Error).message}`);
  }
  return validateSummary(data, file);
}

export async function writeSummaryFile(file: string, summary: ExpertiseSummary): Promise<number> {
  const text = JSON.stringify(summary);
  await writeFileAtomic(file, text);
  return Buffer.byteLength(text);
}
