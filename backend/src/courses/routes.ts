// Every route of classes and instructors, registered by app.ts in one line.
import type { FastifyInstance } from 'fastify';
import { adminRoutes } from './admin-routes';
import { classRoutes } from './class-routes';
import { dashboardRoutes } from './dashboard-routes';
import { joinRoutes } from './join-routes';
import { policyRoutes } from './policy-routes';

export async function courseRoutes(app: FastifyInstance): Promise<void> {
  await app.register(adminRoutes);
  await app.register(classRoutes);
  await app.register(dashboardRoutes);
  await app.register(joinRoutes);
  await app.register(policyRoutes);
}
