import type { ClassModuleOut, ModulePolicy } from '@tutor/shared/courses';
import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { FieldError } from '../components/form-field';
import { errorMessage } from './errors';
import { HINT_LEVELS, hintLevelLabel } from './hint-levels';
import { fromLocalInput, toLocalInput } from './local-date-time';
import { useUpdateModulePolicy } from './use-class-settings';

/** The three ways the tutor can be set: on, off, or off inside a window (an exam). */
type TutorMode = 'on' | 'off' | 'window';

function modeOf(module: ClassModuleOut): TutorMode {
  if (module.tutor_off_from !== null && module.tutor_off_until !== null) return 'window';
  return module.tutor_enabled ? 'on' : 'off';
}

interface Draft {
  maxHintLevel: number;
  mode: TutorMode;
  from: string;
  until: string;
}

/** The request for a draft, or the message that says what is wrong with its window. */
function policyOf(draft: Draft): { policy: ModulePolicy } | { error: string } {
  const base = { max_hint_level: draft.maxHintLevel };
  if (draft.mode !== 'window') {
    return {
      policy: {
        ...base,
        tutor_enabled: draft.mode === 'on',
        tutor_off_from: null,
        tutor_off_until: null,
      },
    };
  }
  const from = fromLocalInput(draft.from);
  const until = fromLocalInput(draft.until);
  if (from === null || until === null) return { error: 'Give the window a start and an end' };
  if (Date.parse(from) >= Date.parse(until)) return { error: 'The end must be after the start' };
  return { policy: { ...base, tutor_enabled: true, tutor_off_from: from, tutor_off_until: until } };
}

const modeLabels: Record<TutorMode, string> = {
  on: 'On',
  off: 'Off',
  window: 'Off during a time window (an exam)',
};

interface WindowFieldsProps {
  draft: Draft;
  error: string | null;
  onChange: (change: Partial<Draft>) => void;
}

function WindowFields({ draft, error, onChange }: WindowFieldsProps) {
  const id = useId();
  return (
    <div className="ml-6 space-y-2">
      <div className="flex flex-wrap gap-3">
        <label className="text-sm text-slate-800">
          From
          <input
            type="datetime-local"
            value={draft.from}
            onChange={(event) => onChange({ from: event.target.value })}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="mt-1 block rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
        <label className="text-sm text-slate-800">
          Until
          <input
            type="datetime-local"
            value={draft.until}
            onChange={(event) => onChange({ until: event.target.value })}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="mt-1 block rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
      </div>
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </div>
  );
}

function HintLevelSelect({
  value,
  onChange,
}: {
  value: number;
  onChange: (level: number) => void;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Highest hint level
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
        className="block w-full max-w-md rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
      >
        {HINT_LEVELS.map((level) => (
          <option key={level} value={level}>
            {hintLevelLabel(level)}
          </option>
        ))}
      </select>
    </div>
  );
}

function TutorModeFieldset({ draft, error, onChange }: WindowFieldsProps) {
  const name = useId();
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">Tutor</legend>
      {(Object.keys(modeLabels) as TutorMode[]).map((mode) => (
        <label key={mode} className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="radio"
            name={name}
            value={mode}
            checked={draft.mode === mode}
            onChange={() => onChange({ mode })}
            className="size-4 accent-brand-700"
          />
          {modeLabels[mode]}
        </label>
      ))}
      {draft.mode === 'window' && <WindowFields draft={draft} error={error} onChange={onChange} />}
    </fieldset>
  );
}

/** One module's help policy in the class: the highest hint level and when the tutor answers. */
export function ModulePolicyForm({ classId, module }: { classId: string; module: ClassModuleOut }) {
  const [draft, setDraft] = useState<Draft>(() => ({
    maxHintLevel: module.max_hint_level,
    mode: modeOf(module),
    from: toLocalInput(module.tutor_off_from),
    until: toLocalInput(module.tutor_off_until),
  }));
  const [windowError, setWindowError] = useState<string | null>(null);
  const save = useUpdateModulePolicy(classId, module.module_id);
  const id = useId();

  function change(next: Partial<Draft>) {
    setDraft((current) => ({ ...current, ...next }));
    setWindowError(null);
    save.reset();
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const result = policyOf(draft);
    if ('error' in result) return setWindowError(result.error);
    save.mutate(result.policy);
  }

  return (
    <form
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby={`${id}-title`}
      className="space-y-4 rounded-lg border border-slate-200 p-4"
    >
      <h3 id={`${id}-title`} className="font-semibold text-slate-900">
        {module.title}
      </h3>
      <HintLevelSelect
        value={draft.maxHintLevel}
        onChange={(maxHintLevel) => change({ maxHintLevel })}
      />
      <TutorModeFieldset draft={draft} error={windowError} onChange={change} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" pending={save.isPending}>
          Save policy
        </Button>
        <p aria-live="polite" className="text-sm text-emerald-800">
          {save.isSuccess ? 'Policy saved.' : ''}
        </p>
      </div>
      {save.isError && <Alert tone="error">{errorMessage(save.error)}</Alert>}
    </form>
  );
}
