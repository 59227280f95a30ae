"use client";

import { useId, useState } from "react";
import { Select } from "@/components/ui/form-controls";
import { Field } from "@/components/ui/field";
import { useRowList } from "@/components/ui/use-row-list";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RowHeader } from "@/components/ui/row-button";
import type { InterviewerOption } from "@/lib/settings/panels";
import { PANEL_MEMBERS_MAX } from "@/lib/validations/settings";
import type { PanelMemberDraft } from "./panel-draft";

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
  const [picked, setPicked] = useState("");
  const addId = useId();
  const onPanel = new Set(members.flatMap((m) => [m.interviewerId ?? "", m.email.trim().toLowerCase()]));
  const available = interviewers.filter((i) => !onPanel.has(i.id) && !onPanel.has(i.email));
  const isFull = members.length >= PANEL_MEMBERS_MAX;
  const rowId = (key: string, part: string) => `${formId}-member-${key}-${part}`;
  const nameOf = (m: PanelMemberDraft, index: number) => m.name.trim() || `Interviewer ${index + 1}`;

  const {
    move,
    remove,
    announcement,
    announce: setAnnouncement,
    requestFocus,
  } = useRowList({
    items: members,
    keyOf: (m) => m.key,
    nameOf,
    buttonId: rowId,
    emptyFocusId: `${addId}-existing`,
    listName: "panel",
    onReorder: (next) => onChange(next, { isReordered: true }),
  });

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
                <RowHeader
                  index={index}
                  count={members.length}
                  name={name}
                  tag={isExisting ? null : "New interviewer"}
                  buttonId={(part) => rowId(member.key, part)}
                  onMove={(to, button) => move(index, to, button)}
                  onRemove={() => remove(index)}
                />
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
