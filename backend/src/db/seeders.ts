import { seedLearningModules } from '../learning-modules/seed';
import type { DatabaseSeeder } from './migrate';

/** Reference data inserted at start-up, after migrations, under the migration lock. */
export const seeders: DatabaseSeeder[] = [seedLearningModules];
