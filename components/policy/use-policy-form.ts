"use client";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { PolicyActionState } from "./action-state";

type Action = (prev: PolicyActionState, form: FormData) => Promise<PolicyActionState>;

/**
 * Like `<form action={…}>`, minus React's automatic reset after every submission: a
 * rejected policy must stay in the editor so its author can fix what the server listed.
 * The form is reset (to the new active values) only after a successful save.
 */
export function usePolicyForm(action: Action) {
  const [state, dispatch, pending] = useActionState(action, null);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { state, pending, ref, onSubmit };
}
