"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { RoleSync, RoleSyncSummary } from "@/lib/settings/roles";
import type { TActionState } from "@/lib/actions/state";
import type { TSaveState } from "@/lib/validations/settings";
import { describeRoleSync, nextPollDelayMs } from "./role-sync";

export type RoleSyncActions = {
  /** getRoleSyncStatesAction. */
  loadStates: (ids: string[]) => Promise<TActionState<{ states: RoleSyncSummary[] }>>;
  /** retryRoleSyncAction. */
  retry: (id: string) => Promise<TSaveState>;
};

export type RoleSyncsController = {
  syncs: Record<string, RoleSync>;
  retrying: ReadonlySet<string>;
  /** A failed Retry's message, per role. */
  retryErrors: Record<string, string>;
  retry: (id: string) => void;
};

const PENDING_SYNC: RoleSync = { status: "PENDING", configurationId: null, lastSyncedAt: null, error: null, attempts: 0, nextAttemptAt: null };

/**
 * The roles' sync states, polled (one request for all of them) while any is pending, so a badge
 * turns from "Pending" to "Synced" or "Failed" without a reload. A new server render (after a
 * save or publish) replaces what polling learnt.
 */
export function useRoleSyncs(initial: Record<string, RoleSync>, actions: RoleSyncActions): RoleSyncsController {
  const [source, setSource] = useState(initial);
  const [syncs, setSyncs] = useState(initial);
  const [retrying, setRetrying] = useState<ReadonlySet<string>>(new Set());
  const [retryErrors, setRetryErrors] = useState<Record<string, string>>({});
  if (source !== initial) {
    // The page re-rendered on the server (revalidatePath): its states are the newest.
    setSource(initial);
    setSyncs(initial);
  }

  const pendingIds = Object.entries(syncs)
    .filter(([, sync]) => describeRoleSync(sync).isPending)
    .map(([id]) => id)
    .sort();
  const pendingKey = pendingIds.join(",");
  const pendingSince = useRef<number | null>(null);
  const { loadStates, retry: retryAction } = actions;

  useEffect(() => {
    if (!pendingKey) {
      pendingSince.current = null;
      return;
    }
    pendingSince.current ??= Date.now();
    let isCancelled = false;
    const timer = setTimeout(
      () =>
        void (async () => {
          try {
            const result = await loadStates(pendingKey.split(","));
            if (isCancelled) return;
            const states = result.status === "success" ? result.states : [];
            setSyncs((current) => {
              const next = { ...current };
              for (const { roleId, sync } of states) next[roleId] = sync;
              return next;
            });
          } catch {
            // Offline for a moment: the next tick tries again.
            if (!isCancelled) setSyncs((current) => ({ ...current }));
          }
        })(),
      nextPollDelayMs(Date.now() - pendingSince.current),
    );
    return () => {
      isCancelled = true;
      clearTimeout(timer);
    };
  }, [pendingKey, syncs, loadStates]);

  const retry = useCallback(
    (id: string) => {
      setRetrying((current) => new Set(current).add(id));
      setRetryErrors(({ [id]: _dropped, ...rest }) => rest);
      void (async () => {
        let result: TSaveState;
        try {
          result = await retryAction(id);
        } catch {
          result = { status: "error", message: "Could not reach the server. Try again.", fieldErrors: {} };
        }
        setRetrying((current) => {
          const next = new Set(current);
          next.delete(id);
          return next;
        });
        if (result.status === "error") setRetryErrors((current) => ({ ...current, [id]: result.message }));
        else setSyncs((current) => ({ ...current, [id]: { ...(current[id] ?? PENDING_SYNC), status: "PENDING", nextAttemptAt: null } }));
      })();
    },
    [retryAction],
  );

  return { syncs, retrying, retryErrors, retry };
}
