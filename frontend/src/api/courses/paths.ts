/** The URL of a class's REST resource, `/api/classes/{id}`. */
export const classPath = (classId: string) => `/api/classes/${encodeURIComponent(classId)}`;
