// dangerous-trigger and secrets-in-untrusted-trigger: privileged workflows that fetch and
// run the attacker's code ("pwn requests").

export const SPLIT_FIX =
  "Build untrusted code only in an unprivileged `on: pull_request` workflow; if results must be published, upload them as an artifact and consume them as data in a separate `workflow_run` workflow. Otherwise drop the `ref:` so the base branch is checked out.";
