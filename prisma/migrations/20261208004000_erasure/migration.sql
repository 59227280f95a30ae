-- CreateTable
CREATE TABLE "erased_nylas_objects" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "erased_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "erased_nylas_objects_pkey" PRIMARY KEY ("id")
);
