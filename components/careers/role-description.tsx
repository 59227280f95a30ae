import { formatDescription } from "@/lib/roles/format-description";

export type RoleDescriptionProps = { text: string };

/** Renders a role's plain-text description as paragraphs and bullet lists (text only, never HTML). */
export function RoleDescription({ text }: RoleDescriptionProps) {
  const blocks = formatDescription(text);
  return (
    <div className="space-y-5 text-base leading-7 text-slate-700">
      {blocks.map((block, index) =>
        block.type === "paragraph" ? (
          <p key={index}>{block.text}</p>
        ) : (
          <ul key={index} className="space-y-2 pl-1">
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex} className="flex gap-3">
                <span aria-hidden="true" className="mt-[0.7rem] size-1.5 shrink-0 rounded-full bg-brand-500" />
                <span>{item}</span>
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
