/**
 * A candidate for the erasure specs, written with Prisma as booking processing would store it: an
 * application to the backend role, an upcoming interview (its booking id unknown to the sandbox,
 * so its cancellation job finds nothing to cancel) whose transcript (lines and search document) says `word`.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function createErasableCandidate(prisma: PrismaClient, name: string, word: string) {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@example.org`;
  const role = await prisma.role.findUniqueOrThrow({ where: { slug: "backend-engineer" }, select: { id: true } });
  const candidate = await prisma.candidate.create({ data: { name, email, emailRaw: email, timezone: "Europe/Paris" }, select: { id: true } });
  const application = await prisma.application.create({ data: { candidateId: candidate.id, roleId: role.id }, select: { id: true } });
  const startsAt = new Date(Date.now() + 3 * 86_400_000);
  const interview = await prisma.interview.create({
    data: {
      bookingId: randomUUID(),
      candidateId: candidate.id,
      applicationId: application.id,
      guestName: name,
      guestEmail: email,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      status: "SCHEDULED",
    },
    select: { id: true },
  });
  const asset = await prisma.mediaAsset.create({ data: { interviewId: interview.id, kind: "TRANSCRIPT", source: "UPLOAD", status: "PENDING" }, select: { id: true } });
  const line = { speaker: name, text: `I am ${name} and I like ${word}.` };
  await prisma.transcriptSegment.create({ data: { interviewId: interview.id, assetId: asset.id, position: 0, ...line } });
  // Its search document, as lib/interviews/search-document.ts writes it with the lines ("Speaker: text").
  await prisma.interviewSearchDocument.create({ data: { interviewId: interview.id, assetId: asset.id, content: `${line.speaker}: ${line.text}`, lineCount: 1 } });
  return { candidateId: candidate.id, interviewId: interview.id, email };
}
