-- Data-protection keys (sign-in cookies, antiforgery tokens) shared by every node of a PostgreSQL cluster; unused on SQLite, where they stay in the data directory.

CREATE TABLE "data_protection_keys" (
    "name" TEXT NOT NULL CONSTRAINT "pk_data_protection_keys" PRIMARY KEY,
    "xml" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);
