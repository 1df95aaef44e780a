// The environment contract, filled for tests (an unreachable eNom unless a test starts the simulator).
process.env.ENOM_BASE_URL ??= "http://127.0.0.1:9/interface.asp";
process.env.ENOM_UID ??= "resellid";
process.env.ENOM_PW ??= "resellpw";
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.LOG_LEVEL ??= "silent";
process.env.MAILPAK_DEMO ??= "1";
// Tests write the mirror's tables directly: read them on every call (version.db.test.ts turns it on).
process.env.MIRROR_KEEP_READS ??= "0";
