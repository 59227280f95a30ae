"use client";

import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/form-controls";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { RowHeader } from "@/components/ui/row-button";
import { fieldDomId } from "@/components/ui/field-errors";
import { useRowList } from "@/components/ui/use-row-list";
import { COMPETENCIES_MAX, COMPETENCY_GOOD_MAX, CUES_MAX } from "@/lib/scorecards/scorecard";
import { cueLines, newCompetency, type CompetencyDraft } from "./role-draft";

export type ScorecardEditorProps = {
  formId: string;
  competencies: CompetencyDraft[];
  /** Errors as the form shows them (roleFieldErrors), keyed by path. */
  fieldErrors: Record<string, string>;
  /** `isReordered`: rows moved or were removed, so errors keyed by row index are stale. */
  onChange: (competencies: CompetencyDraft[], change: { isReordered: boolean; editedPaths?: string[] }) => void;
  makeKey: () => string;
};

/**
 * The role's competencies, in the order interviewers see them: add, remove, move up or down
 * (buttons that keep focus as the row moves, with the new position announced), and for each its
 * name, what good looks like, and the cues to listen for, one per line.
 */
export function ScorecardEditor({ formId, competencies, fieldErrors, onChange, makeKey }: ScorecardEditorProps) {
  const isFull = competencies.length >= COMPETENCIES_MAX;
  const rowId = (key: string, part: string) => `${formId}-competency-${key}-${part}`;
  const addId = `${formId}-competency-add`;
  const nameOf = (c: CompetencyDraft, index: number) => c.name.trim() || `Competency ${index + 1}`;
  const path = (index: number, field: "name" | "good" | "cues") => `scorecard.competencies.${index}.${field}`;
  const { move, remove, announcement, announce, requestFocus } = useRowList({
    items: competencies,
    keyOf: (c) => c.rowKey,
    nameOf,
    buttonId: rowId,
    emptyFocusId: addId,
    listName: "scorecard",
    onReorder: (next) => onChange(next, { isReordered: true }),
  });

  const update = (index: number, patch: Partial<CompetencyDraft>, field: "name" | "good" | "cues") =>
    onChange(
      competencies.map((c, i) => (i === index ? { ...c, ...patch } : c)),
      { isReordered: false, editedPaths: [path(index, field), ...(field === "name" ? [`scorecard.competencies.${index}.key`] : [])] },
    );

  const add = () => {
    if (isFull) return;
    onChange([...competencies, newCompetency(makeKey())], { isReordered: false, editedPaths: ["scorecard.competencies"] });
    announce(`Competency ${competencies.length + 1} added.`);
    requestFocus(fieldDomId(formId, path(competencies.length, "name")));
  };

  return (
    <div className="space-y-5">
      {competencies.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-muted">
          No competencies: this role has no scorecard, and its debriefs show none. Add the skills interviewers should assess.
        </p>
      ) : (
        <ol aria-label="Competencies, in order" className="divide-y divide-slate-200 rounded-lg border border-slate-200">
          {competencies.map((competency, index) => {
            const name = nameOf(competency, index);
            const suffix = <span className="sr-only">, competency {index + 1}</span>;
            const cueCount = cueLines(competency.cues).length;
            return (
              <li key={competency.rowKey} aria-label={`${index + 1}. ${name}`} className="p-4">
                <RowHeader
                  index={index}
                  count={competencies.length}
                  name={name}
                  tag={competency.key ? null : "New"}
                  buttonId={(part) => rowId(competency.rowKey, part)}
                  onMove={(to, button) => move(index, to, button)}
                  onRemove={() => remove(index)}
                />
                <div className="mt-3 space-y-4">
                  <Field formId={formId} path={path(index, "name")} label={<>Competency name{suffix}</>} error={fieldErrors[path(index, "name")]} className="max-w-md">
                    {(control) => <Input {...control} value={competency.name} autoComplete="off" onChange={(e) => update(index, { name: e.target.value }, "name")} />}
                  </Field>
                  <div className="grid gap-4 md:grid-cols-2">
                    <Field
                      formId={formId}
                      path={path(index, "good")}
                      label={<>What good looks like{suffix}</>}
                      hint={`Optional, up to ${COMPETENCY_GOOD_MAX} characters: what a strong answer shows.`}
                      error={fieldErrors[path(index, "good")]}
                    >
                      {(control) => <Textarea {...control} rows={4} value={competency.good} onChange={(e) => update(index, { good: e.target.value }, "good")} />}
                    </Field>
                    <Field
                      formId={formId}
                      path={path(index, "cues")}
                      label={<>Listen for{suffix}</>}
                      hint={`One cue per line (${cueCount} of at most ${CUES_MAX}): words or short phrases a candidate says when they show it, such as “exponential backoff”.`}
                      error={fieldErrors[path(index, "cues")]}
                    >
                      {(control) => <Textarea {...control} rows={4} spellCheck={false} value={competency.cues} onChange={(e) => update(index, { cues: e.target.value }, "cues")} />}
                    </Field>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Button id={addId} variant="secondary" onClick={add} disabled={isFull}>
          Add a competency
        </Button>
        {isFull ? <p className="text-sm text-muted">A scorecard has at most {COMPETENCIES_MAX} competencies.</p> : null}
      </div>
    </div>
  );
}
