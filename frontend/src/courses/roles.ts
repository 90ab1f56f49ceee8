import type { Role } from '@tutor/shared/courses';

/** Instructors and admins have classes (admins may see every class). */
export function canTeach(role: Role | undefined): boolean {
  return role === 'instructor' || role === 'admin';
}

export function isAdmin(role: Role | undefined): boolean {
  return role === 'admin';
}
