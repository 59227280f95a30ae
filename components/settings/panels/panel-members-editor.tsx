"use client";

import { useId, useState } from "react";
import { Select } from "@/components/ui/form-controls";
import { Field } from "@/components/ui/field";
import { useFocusRequest } from "@/components/ui/use-focus-request";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { InterviewerOption } from "@/lib/settings/panels";
import { PANEL_MEMBERS_MAX } from "@/lib/validations/settings";
import { cn } from "@/lib/utils";
import { moveItem, type PanelMemberDraft } from "./panel-draft";

export type PanelMembersEditorProps = {
  formId: string;
  members: PanelMemberDraft[];
  interviewers: InterviewerOption[];
  timeZones: string[];
  /** A new interviewer's time zone to start from. */
  defaultTimeZone: string;
  fieldErrors: Record<string, string>;
  /** `isReordered`: rows moved or were removed, so errors keyed by row index are stale. */
  onChange: (members: PanelMemberDraft[], change: { isReordered: boolean; editedPath?: string }) => void;
  makeKey: () => string;
};

/**
 * The panel's interviewers, in round-robin order: move each up or down (buttons that keep focus
 * as the row moves, with the new position announced), remove, add an existing interviewer, or add
 * a new one (name, email, time zone). An existing interviewer's email is fixed: their calendar is
 * matched by it.
 */
export function PanelMembersEditor({ formId, members, interviewers, timeZones, defaultTimeZone, fieldErrors, onChange, makeKey }: PanelMembersEditorProps) {
  const requestFocus = useFocusRequest();
  const [announcement, setAnnouncement] = useState("");
  const [picked, setPicked] = useState("");
  const addId = useId();
  const onPanel = new Set(members.flatMap((m) => [m.interviewerId ?? "", m.email.trim().toLowerCase()]));
  const available = interviewers.filter((i) => !onPanel.has(i.id) && !onPanel.has(i.email));
  const isFull = members.length >= PANEL_MEMBERS_MAX;
  const rowId = (key: string, part: string) => `${formId}-member-${key}-${part}`;
  const nameOf = (m: PanelMemberDraft, index: number) => m.name.trim() || `Interviewer ${index + 1}`;

  const move = (index: number, to: number, button: "up" | "down") => {
    const member = members[index];
    if (!member || to < 0 || to >= members.length) return;
    onChange(moveItem(members, index, to), { isReordered: true });
    setAnnouncement(`${nameOf(member, index)} moved to position ${to + 1} of ${members.length}.`);
    // Keep focus on the pressed button; at the top or bottom, on the one that can still move it.
    const edge = (button === "up" && to === 0) || (button === "down" && to === members.length - 1);
    requestFocus(rowId(member.key, edge ? (button === "up" ? "down" : "up") : button));
  };

  const remove = (index: number) => {
    const member = members[index];
    if (!member) return;
    const next = members.filter((_, i) => i !== index);
    onChange(next, { isReordered: true });
    setAnnouncement(`${nameOf(member, index)} removed from the panel.`);
    const neighbour = next[index] ?? next[index - 1];
    requestFocus(neighbour ? rowId(neighbour.key, "remove") : `${addId}-existing`);
  };

  const update = (index: number, patch: Partial<PanelMemberDraft>, field: "name" | "email" | "timezone") =>
    onChange(
      members.map((m, i) => (i === index ? { ...m, ...patch } : m)),
      { isReordered: false, editedPath: `members.${index}.${field}` },
    );

  const addExisting = () => {
    const interviewer = interviewers.find((i) => i.id === picked);
    if (!interviewer || isFull) return;
    const key = makeKey();
    onChange([...members, { key, interviewerId: interviewer.id, name: interviewer.name, email: interviewer.email, timezone: interviewer.timezone }], { isReordered: false, editedPath: "members" });
    setPicked("");
    setAnnouncement(`${interviewer.name} added at position ${members.length + 1}.`);
    requestFocus(rowId(key, "remove"));
  };

  const addNew = () => {
    if (isFull) return;
    const key = makeKey();
    onChange([...members, { key, interviewerId: null, name: "", email: "", timezone: defaultTimeZone }], { isReordered: false, editedPath: "members" });
    requestFocus(`${formId}-members-${members.length}-name`);
  };

  return (
    <div className="space-y-5">
      {members.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-muted">
          No interviewers yet. Add at least one: bookings rotate through them in the order listed.
        </p>
      ) : (
        <ol aria-label="Interviewers, in round-robin order" className="divide-y divide-slate-200 rounded-lg border border-slate-200">
          {members.map((member, index) => {
            const name = nameOf(member, index);
            const suffix = <span className="sr-only">, interviewer {index + 1}</span>;
            const isExisting = member.interviewerId !== null;
            return (
              <li key={member.key} aria-label={`${index + 1}. ${name}`} className="p-4">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
                  <span aria-hidden="true" className="flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold tabular-nums text-brand-700">
                    {index + 1}
                  </span>
                  <p aria-hidden="true" className="min-w-0 truncate text-sm font-semibold text-ink">
                    {name}
                    {isExisting ? null : <span className="ml-2 font-normal text-muted">New interviewer</span>}
                  </p>
                  <div className="ml-auto flex shrink-0 gap-1.5">
                    <RowButton id={rowId(member.key, "up")} label={`Move up: ${name}`} isDisabled={index === 0} onClick={() => move(index, index - 1, "up")}>
                      Move up
                    </RowButton>
                    <RowButton id={rowId(member.key, "down")} label={`Move down: ${name}`} isDisabled={index === members.length - 1} onClick={() => move(index, index + 1, "down")}>
                      Move down
                    </RowButton>
                    <RowButton id={rowId(member.key, "remove")} label={`Remove: ${name}`} onClick={() => remove(index)} className="text-red-700 hover:bg-red-50">
                      Remove
                    </RowButton>
                  </div>
                </div>
                <div className="mt-3 grid gap-3 sm:grid-cols-3">
                  <Field formId={formId} path={`members.${index}.name`} label={<>Name{suffix}</>} error={fieldErrors[`members.${index}.name`]}>
                    {(control) => <Input {...control} value={member.name} autoComplete="off" onChange={(e) => update(index, { name: e.target.value }, "name")} />}
                  </Field>
                  <Field formId={formId} path={`members.${index}.email`} label={<>Email{suffix}</>} error={fieldErrors[`members.${index}.email`]}>
                    {(control) => (
                      <Input
                        {...control}
                        type="email"
                        value={member.email}
                        readOnly={isExisting}
                        title={isExisting ? "An existing interviewer's email is fixed: their calendar is matched by it." : undefined}
                        autoComplete="off"
                        className={isExisting ? "bg-slate-50 text-muted" : undefined}
                        onChange={(e) => update(index, { email: e.target.value }, "email")}
                      />
                    )}
                  </Field>
                  <Field formId={formId} path={`members.${index}.timezone`} label={<>Time zone{suffix}</>} error={fieldErrors[`members.${index}.timezone`]}>
                    {(control) => (
                      <Select {...control} value={member.timezone} onChange={(e) => update(index, { timezone: e.target.value }, "timezone")}>
                        {(timeZones.includes(member.timezone) ? timeZones : [member.timezone, ...timeZones]).map((tz) => (
                          <option key={tz} value={tz}>
                            {tz || "Choose a time zone…"}
                          </option>
                        ))}
                      </Select>
                    )}
                  </Field>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>

      <div className="flex flex-col gap-4 rounded-lg bg-slate-50 p-4 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1">
          <Label htmlFor={`${addId}-existing`}>Add an existing interviewer</Label>
          <div className="mt-1.5 flex gap-2">
            <Select
              id={`${addId}-existing`}
              value={picked}
              disabled={isFull}
              onChange={(e) => setPicked(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  // Enter adds the chosen interviewer instead of submitting the whole form.
                  e.preventDefault();
                  addExisting();
                }
              }}
            >
              <option value="">{available.length ? "Choose an interviewer…" : "Everyone is on this panel already"}</option>
              {available.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name} ({i.email})
                </option>
              ))}
            </Select>
            <Button variant="secondary" onClick={addExisting} disabled={!picked || isFull}>
              Add to panel
            </Button>
          </div>
        </div>
        <div className="flex items-end gap-3 sm:border-l sm:border-slate-200 sm:pl-4">
          <Button variant="secondary" onClick={addNew} disabled={isFull}>
            Add a new interviewer
          </Button>
        </div>
      </div>
      {isFull ? <p className="text-sm text-muted">A panel has at most {PANEL_MEMBERS_MAX} interviewers.</p> : null}
    </div>
  );
}

type RowButtonProps = {
  id: string;
  /** The accessible name: the visible words plus whose row it is ("Move up: Lena Fischer"). */
  label: string;
  isDisabled?: boolean;
  onClick: () => void;
  className?: string;
  children: React.ReactNode;
};

/**
 * A row action. Unavailable moves are aria-disabled rather than disabled, so a button that just
 * moved its row to the top keeps focus instead of dropping it to the page.
 */
function RowButton({ id, label, isDisabled = false, onClick, className, children }: RowButtonProps) {
  return (
    <Button
      id={id}
      aria-label={label}
      size="sm"
      variant="ghost"
      aria-disabled={isDisabled || undefined}
      onClick={() => {
        if (!isDisabled) onClick();
      }}
      className={cn("border border-slate-200 bg-white", isDisabled && "cursor-not-allowed opacity-50", className)}
    >
      {children}
    </Button>
  );
}
