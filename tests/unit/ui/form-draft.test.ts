import { describe, expect, it } from "vitest";
import { adoptSavedRecord, type FormDraftOptions } from "@/components/ui/use-form-draft";

type Saved = { title: string; slug: string };
const OPTIONS: FormDraftOptions<Saved, Saved> = { toDraft: (saved) => saved, fingerprint: JSON.stringify };

describe("adoptSavedRecord", () => {
  const sent = { title: " Backend ", slug: "Backend" };
  const normalised = { title: "Backend", slug: "backend" };

  it("takes the server's copy when nothing was edited since the save was sent", () => {
    expect(adoptSavedRecord(sent, normalised, JSON.stringify(sent), OPTIONS)).toEqual({ draft: normalised, baseline: JSON.stringify(normalised) });
  });

  it("keeps edits made while the save was in flight (they stay unsaved)", () => {
    const edited = { ...sent, title: "Backend Engineer" };
    const next = adoptSavedRecord(edited, normalised, JSON.stringify(sent), OPTIONS);
    expect(next.draft).toBe(edited);
    expect(next.baseline).not.toBe(JSON.stringify(next.draft));
  });

  it("keeps the draft when the record changed without a save from this form", () => {
    expect(adoptSavedRecord(sent, normalised, null, OPTIONS).draft).toBe(sent);
  });

  it("lets the form merge the saved record itself", () => {
    const calls: boolean[] = [];
    const adopt = (draft: Saved, saved: Saved, isUntouched: boolean) => {
      calls.push(isUntouched);
      return { ...draft, slug: saved.slug };
    };
    expect(adoptSavedRecord(sent, normalised, JSON.stringify(sent), { ...OPTIONS, adopt }).draft).toEqual({ title: " Backend ", slug: "backend" });
    expect(calls).toEqual([true]);
  });
});
