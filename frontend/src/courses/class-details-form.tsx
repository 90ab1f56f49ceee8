import { CLASS_NAME_MAX_CHARS, type ClassOut, type ClassUpdate } from '@tutor/shared/courses';
import { useState, type FormEvent } from 'react';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { FormField } from '../components/form-field';
import { CHAT_EXPLANATION, CONVERSATIONS_EXPLANATION } from './class-texts';
import { CheckboxField } from './checkbox-field';
import { errorMessage } from './errors';
import { useUpdateClass } from './use-class-settings';

type UpdateClass = ReturnType<typeof useUpdateClass>;

/** What the last change did, for the status line. */
function savedText(change: ClassUpdate): string {
  if (change.name !== undefined) return 'Name saved.';
  if (change.joining_open !== undefined)
    return change.joining_open ? 'Joining is open.' : 'Joining is closed.';
  if (change.conversations_visible !== undefined)
    return change.conversations_visible
      ? 'You can read your students’ tutor conversations.'
      : 'Tutor conversations are private to the students.';
  if (change.chat_enabled !== undefined)
    return change.chat_enabled ? 'General chat is on.' : 'General chat is off.';
  return 'Saved.';
}

function RenameForm({ item, update }: { item: ClassOut; update: UpdateClass }) {
  const [name, setName] = useState(item.name);
  const [nameError, setNameError] = useState<string | undefined>();
  const trimmed = name.trim();

  function handleRename(event: FormEvent) {
    event.preventDefault();
    if (trimmed === '') return setNameError('Give the class a name');
    if (trimmed.length > CLASS_NAME_MAX_CHARS)
      return setNameError(`The name must be at most ${CLASS_NAME_MAX_CHARS} characters`);
    update.mutate({ name: trimmed });
  }

  return (
    <form onSubmit={handleRename} noValidate className="flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1 basis-60">
        <FormField
          id="class-rename"
          label="Class name"
          value={name}
          error={nameError}
          onChange={(event) => {
            setName(event.target.value);
            setNameError(undefined);
          }}
        />
      </div>
      <Button
        type="submit"
        variant="secondary"
        disabled={trimmed === item.name || update.isPending}
        className={nameError ? 'mb-7' : ''}
      >
        Rename
      </Button>
    </form>
  );
}

/** The class's name and its switches; each switch saves at once. */
export function ClassDetailsForm({ item }: { item: ClassOut }) {
  const update = useUpdateClass(item.id);
  return (
    <div className="space-y-5">
      <RenameForm item={item} update={update} />
      <CheckboxField
        label="Joining open"
        description="When closed, the join link stops admitting new students; those in the class stay."
        checked={item.joining_open}
        disabled={update.isPending}
        onChange={(joining_open) => update.mutate({ joining_open })}
      />
      <CheckboxField
        label="I can read my students’ tutor conversations"
        description={CONVERSATIONS_EXPLANATION}
        checked={item.conversations_visible}
        disabled={update.isPending}
        onChange={(conversations_visible) => update.mutate({ conversations_visible })}
      />
      <CheckboxField
        label="General chat on"
        description={CHAT_EXPLANATION}
        checked={item.chat_enabled}
        disabled={update.isPending}
        onChange={(chat_enabled) => update.mutate({ chat_enabled })}
      />
      <div aria-live="polite" className="min-h-5 text-sm">
        {update.isSuccess && <p className="text-emerald-800">{savedText(update.variables)}</p>}
      </div>
      {update.isError && <Alert tone="error">{errorMessage(update.error)}</Alert>}
    </div>
  );
}
