-- CreateTable
CREATE TABLE "SiteSetting" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "readerSignUp" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiteSetting_pkey" PRIMARY KEY ("id")
);

-- One row only, present from the start: readers of the settings never have to create it.
ALTER TABLE "SiteSetting" ADD CONSTRAINT "SiteSetting_single_row" CHECK ("id" = 1);
INSERT INTO "SiteSetting" ("id") VALUES (1);
