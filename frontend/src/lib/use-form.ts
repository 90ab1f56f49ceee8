import { useRef, useState, type FormEvent } from 'react';
import { errorsFromApi, type FieldErrors, type ValidationResult } from './forms';
import { useFocusFirstInvalid } from './use-focus-first-invalid';

interface UseFormOptions<Values, Request, Field extends string> {
  initialValues: Values;
  /** The fields the form shows, in order; server errors on other fields go to the form alert. */
  fields: readonly Field[];
  validate(values: Values): ValidationResult<Request, Field>;
  /**
   * Sends the validated request; a thrown ApiError is shown next to fields or as an alert.
   * Returned values replace the form's values (e.g. to clear it or show what the server saved).
   */
  submit(request: Request): Promise<Values | void>;
}

/**
 * The state every form here shares: values, per-field errors, one form-level error, a pending
 * flag that blocks double submits, and focus on the first invalid field after a failed submit.
 */
export function useForm<Values extends object, Request, Field extends string>({
  initialValues,
  fields,
  validate,
  submit,
}: UseFormOptions<Values, Request, Field>) {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);

  function setValue<Key extends keyof Values & string>(key: Key, value: Values[Key]): void {
    setValues((current) => ({ ...current, [key]: value }));
    // The message was about the old value.
    setErrors((current) => {
      if (!(key in current)) return current;
      const next = { ...current };
      delete next[key as unknown as Field];
      return next;
    });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    const result = validate(values);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstInvalid();
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const next = await submit(result.data);
      if (next) setValues(next);
    } catch (error) {
      const mapped = errorsFromApi(error, fields);
      setErrors(mapped.fieldErrors);
      setFormError(mapped.formError);
      focusFirstInvalid();
    } finally {
      setPending(false);
    }
  }

  return { values, setValue, errors, formError, pending, formRef, handleSubmit };
}
