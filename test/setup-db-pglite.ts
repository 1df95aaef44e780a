// Each test file gets its own empty, migrated PGlite in memory.
process.env.DATABASE_URL = "";
process.env.PGLITE_DIR = "memory://";
