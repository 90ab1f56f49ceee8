// The data cache is emptied when the signed-in user changes (ForgetPreviousUserData), so the keys
// need not name the user.

/** Everything about classes: invalidated together after any change to a class or a membership. */
export const classesKey = ['classes'] as const;
export const classListKey = ['classes', 'list'] as const;
export const classKey = (classId: string) => ['classes', 'one', classId] as const;
export const studentsKey = (classId: string) => ['classes', 'one', classId, 'students'] as const;
export const dashboardKey = (classId: string) => ['classes', 'one', classId, 'dashboard'] as const;
export const studentHistoryKey = (classId: string, userId: string) =>
  ['classes', 'one', classId, 'student', userId] as const;
export const joinPreviewKey = (code: string) => ['classes', 'join', code] as const;
/** The help policies a student's classes set: read again after joining or leaving a class. */
export const policyKey = ['policy'] as const;
export const modulePolicyKey = (moduleId: string) => ['policy', 'module', moduleId] as const;
export const chatPolicyKey = ['policy', 'chat'] as const;
