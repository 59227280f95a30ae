"use client";

import { startTransition, useActionState, useCallback, type FormEvent } from "react";

/**
 * useActionState for a form whose inputs are controlled: submits the form's FormData to `action`
 * from onSubmit instead of <form action>, because React resets a form after its action, and that
 * reset leaves a controlled checkbox or radio unticked in the DOM although its state still says
 * ticked.
 *
 *   const { state, isPending, onSubmit } = useActionForm(saveAction, { status: "idle" });
 *   <form noValidate onSubmit={onSubmit}>…</form>
 */
export function useActionForm<S extends object>(
  action: (previous: S, formData: FormData) => Promise<S>,
  initialState: S,
): { state: S; isPending: boolean; onSubmit: (event: FormEvent<HTMLFormElement>) => void } {
  // A form state is never a promise, so Awaited<S> is S (TypeScript cannot see that for a type parameter).
  const [state, dispatch, isPending] = useActionState<S, FormData>(action, initialState as Awaited<S>);
  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const data = new FormData(event.currentTarget);
      startTransition(() => dispatch(data));
    },
    [dispatch],
  );
  return { state: state as S, isPending, onSubmit };
}
