import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The jupyterlite/ project folder. */
export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The repository root. */
export const REPO_DIR = path.resolve(PROJECT_DIR, '..');
export const NOTEBOOKS_DIR = path.join(REPO_DIR, 'notebooks');
export const DEFAULT_OUT_DIR = path.join(REPO_DIR, 'frontend/public/jupyterlite');
export const NODE_MODULES = path.join(PROJECT_DIR, 'node_modules');
/** Modules the build generates before bundling (scripts/lib/settings-validators.ts). */
export const SETTINGS_VALIDATORS_DIR = path.join(NODE_MODULES, '.cache/tutor-settings-validators');
