// Calibration report for the embedder the environment configures, with suggested thresholds:
//   EMBEDDING_PROVIDER=openai OPENAI_API_KEY=... npx tsx backend/src/ai/prefilter/calibration/cli.ts
// Prints the accuracy per check at the embedder's current thresholds and at the suggested ones,
// and the EMBEDDING_THRESHOLDS line to put in the environment.
import { createEmbedder } from '../..';
import { withEmbeddingCache } from '../../embeddings/cached-embedder';
import { loadEnv } from '../../../config/env';
import { createMessageClassifier } from '../classifier';
import { formatReport, reportAt, scoreCalibrationSet } from './evaluate';
import { suggestThresholds } from './suggest';

const embedder = withEmbeddingCache(createEmbedder(loadEnv()));
const cases = await scoreCalibrationSet(createMessageClassifier(embedder));
console.log(
  formatReport(`${embedder.id}, current thresholds`, reportAt(cases, embedder.thresholds)),
);
const suggested = suggestThresholds(cases, embedder.thresholds);
const rounded = Object.fromEntries(
  Object.entries(suggested)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k, Math.round((v as number) * 1000) / 1000]),
);
console.log(
  `\n${formatReport(`${embedder.id}, suggested thresholds`, reportAt(cases, suggested)).split('\n').slice(0, 6).join('\n')}`,
);
console.log(`\nEMBEDDING_THRESHOLDS='${JSON.stringify(rounded)}'`);
