/** What students are told about conversation visibility (the create form and the join page). */
export function conversationsText(visible: boolean): string {
  return visible
    ? 'The instructor can read the conversations students have with the tutor in this class’s modules.'
    : 'The instructor cannot read the conversations students have with the tutor; only their progress on the exercises.';
}

/** Shown under the create form's and settings' checkbox. */
export const CONVERSATIONS_EXPLANATION =
  'Students are told before they join whether you can read their tutor conversations. Off by default.';

export const CHAT_EXPLANATION =
  'When off, the general chat (outside the modules) does not answer your students.';
