import { useState } from 'react';
import {
  AllPassedCallout,
  allExercisesPass,
  type CompletionControlProps,
} from './completion-control';
import type { ModuleExercisesOut } from './exercise-states';
import type { WorkspaceData } from './use-workspace-data';

/**
 * "Mark as completed" and "Reopen" in the header, and the callout that offers to mark the module
 * once every exercise passes (until the student says "Not now").
 */
export function useCompletion(data: WorkspaceData, exercises: ModuleExercisesOut | null) {
  const [calloutDismissed, setCalloutDismissed] = useState(false);
  const counts = exercises ? { passed: exercises.passed, total: exercises.total } : null;
  const showCallout = allExercisesPass(counts) && data.status !== 'completed' && !calloutDismissed;
  const control: CompletionControlProps = {
    status: data.status,
    canChange: data.progress !== null,
    changing: data.changingStatus,
    exercises: counts,
    completeElsewhere: showCallout,
    onComplete: data.complete,
    onReopen: () => {
      // Reopened on purpose: no offer to mark it again at once.
      setCalloutDismissed(true);
      data.reopen();
    },
  };
  const callout = showCallout ? (
    <AllPassedCallout
      total={counts?.total ?? 0}
      changing={data.changingStatus || data.progress === null}
      onComplete={data.complete}
      onDismiss={() => setCalloutDismissed(true)}
    />
  ) : null;
  return { control, callout };
}
