import { CLASS_NAME_MAX_CHARS } from '@tutor/shared/courses';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { FieldError, FormField } from '../components/form-field';
import { Spinner } from '../components/spinner';
import { useModuleList } from '../modules/use-module-list';
import { CHAT_EXPLANATION, CONVERSATIONS_EXPLANATION } from './class-texts';
import { CheckboxField } from './checkbox-field';
import { errorMessage } from './errors';
import { useCreateClass } from './use-classes';

interface Errors {
  name?: string;
  modules?: string;
}

function validate(name: string, moduleIds: string[]): Errors {
  const errors: Errors = {};
  if (name.trim() === '') errors.name = 'Give the class a name';
  else if (name.trim().length > CLASS_NAME_MAX_CHARS)
    errors.name = `The name must be at most ${CLASS_NAME_MAX_CHARS} characters`;
  if (moduleIds.length === 0) errors.modules = 'Choose at least one module';
  return errors;
}

/** The module checkboxes, from the module list. */
function ModuleChoice({
  selected,
  error,
  onToggle,
}: {
  selected: string[];
  error?: string;
  onToggle: (moduleId: string, on: boolean) => void;
}) {
  const { state } = useModuleList();
  const errorId = useId();
  return (
    <fieldset aria-describedby={error ? errorId : undefined} className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">Modules the class uses</legend>
      {state.status === 'loading' && <Spinner label="Loading the modules" className="size-5" />}
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
      {state.status === 'loaded' &&
        state.modules.map((module) => (
          <label key={module.id} className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              name="modules"
              value={module.id}
              checked={selected.includes(module.id)}
              onChange={(event) => onToggle(module.id, event.target.checked)}
              className="size-4 accent-brand-700"
            />
            {module.title}
          </label>
        ))}
      {error && <FieldError id={errorId}>{error}</FieldError>}
    </fieldset>
  );
}

/** The create form's state; a created class opens at once. */
function useCreateClassForm() {
  const [name, setName] = useState('');
  const [moduleIds, setModuleIds] = useState<string[]>([]);
  const [conversationsVisible, setConversationsVisible] = useState(false);
  const [chatEnabled, setChatEnabled] = useState(true);
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateClass();
  const navigate = useNavigate();

  function handleName(value: string) {
    setName(value);
    setErrors((current) => ({ ...current, name: undefined }));
  }

  function handleToggle(moduleId: string, on: boolean) {
    setModuleIds((current) =>
      on ? [...current, moduleId] : current.filter((id) => id !== moduleId),
    );
    setErrors((current) => ({ ...current, modules: undefined }));
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const found = validate(name, moduleIds);
    setErrors(found);
    if (found.name || found.modules) {
      const first = found.name ? '#class-name' : 'input[name="modules"]';
      formRef.current?.querySelector<HTMLElement>(first)?.focus();
      return;
    }
    const body = {
      name: name.trim(),
      module_ids: moduleIds,
      conversations_visible: conversationsVisible,
      chat_enabled: chatEnabled,
    };
    create.mutate(body, { onSuccess: (created) => void navigate(`/classes/${created.id}`) });
  }

  const values = { name, moduleIds, conversationsVisible, chatEnabled };
  const setters = { handleName, handleToggle, setConversationsVisible, setChatEnabled };
  return { values, setters, errors, formRef, create, handleSubmit };
}

/** "New class": a name, its modules, conversation visibility and the general chat; opens it. */
export function CreateClassForm() {
  const { values, setters, errors, formRef, create, handleSubmit } = useCreateClassForm();
  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="space-y-5">
      {create.isError && <Alert tone="error">{errorMessage(create.error)}</Alert>}
      <FormField
        id="class-name"
        label="Class name"
        value={values.name}
        onChange={(event) => setters.handleName(event.target.value)}
        error={errors.name}
        placeholder="e.g. Numerical Methods, spring term"
      />
      <ModuleChoice
        selected={values.moduleIds}
        error={errors.modules}
        onToggle={setters.handleToggle}
      />
      <CheckboxField
        label="I can read my students’ tutor conversations"
        description={CONVERSATIONS_EXPLANATION}
        checked={values.conversationsVisible}
        onChange={setters.setConversationsVisible}
      />
      <CheckboxField
        label="General chat on"
        description={CHAT_EXPLANATION}
        checked={values.chatEnabled}
        onChange={setters.setChatEnabled}
      />
      <Button type="submit" pending={create.isPending}>
        Create class
      </Button>
    </form>
  );
}
