import { useCallback, useEffect, useState, type RefObject } from 'react';

/**
 * Returns a function that, after the next render, moves focus to the first field of the form
 * marked aria-invalid, so keyboard and screen-reader users land on the problem with its message.
 */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>): () => void {
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [requests, formRef]);
  return useCallback(() => setRequests((count) => count + 1), []);
}
