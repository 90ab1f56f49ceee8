// `npm run eval -- prefilter [--suggest]` (or `npx tsx backend/src/ai/prefilter/calibration/cli.ts`):
// the pre-filter on the labelled calibration set with the embedder the environment configures
// (the built-in local-v1 by default; e.g. EMBEDDING_PROVIDER=openai OPENAI_API_KEY=... for another).
// Prints recall and false positives per verdict, each category's results and the goals, and exits
// with 1 when a goal is not met. --suggest also prints thresholds fitted to the set and the
// EMBEDDING_THRESHOLDS line to put in the environment.
import { createEmbedder } from '../..';
import { withEmbeddingCache } from '../../embeddings/cached-embedder';
import { loadEnv } from '../../../config/env';
import { createMessageClassifier } from '../classifier';
import { checkGoals, reportAt, scoreCalibrationSet } from './evaluate';
import { formatReport } from './format';
import { suggestThresholds } from './suggest';

const embedder = withEmbeddingCache(createEmbedder(loadEnv()));
const cases = await scoreCalibrationSet(createMessageClassifier(embedder));
const report = reportAt(cases, embedder.thresholds);
console.log(formatReport(`${embedder.id}, current thresholds`, report));

if (process.argv.includes('--suggest')) {
  const suggested = suggestThresholds(cases, embedder.thresholds);
  const rounded = Object.fromEntries(
    Object.entries(suggested)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, Math.round((v as number) * 1000) / 1000]),
  );
  const atSuggested = formatReport(
    `${embedder.id}, suggested thresholds`,
    reportAt(cases, suggested),
  );
  console.log(`\n${atSuggested.split('\n\n').slice(0, 2).join('\n\n')}`);
  console.log(`\nEMBEDDING_THRESHOLDS='${JSON.stringify(rounded)}'`);
}

process.exitCode = checkGoals(report).every((result) => result.met) ? 0 : 1;
