// Every table, for Drizzle's typed queries and for drizzle-kit's migration generator.
export * from '../auth/schema';
export * from '../conversation/schema';
export * from '../learning-modules/schema';
export * from '../progress/schema';
export * from '../progress/exercises/schema';
export * from '../courses/schema';
