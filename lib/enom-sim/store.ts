import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { isIsoDate } from "./dates";
import { MAX_DOMAIN_COUNT, SEED_GENERATOR, seedWorld } from "./seed";
import { domainSchema, type SeedFacts, type World } from "./world";

/**
 * The state file: the seed's facts plus everything that differs from the seed (counters,
 * balances, every domain touched since). Regenerating the seed and replaying the differences is
 * what keeps start-up fast at 10,000 domains and each save small.
 *
 * Saving is atomic: write a temporary file, fsync it, rename it over the old one. A kill -9 at
 * any moment leaves either the old file or the new one, never half of one.
 */
const STATE_FORMAT = "mailpak-enom-simulator-state";
const STATE_VERSION = 2;

const stateFileSchema = z.object({
  format: z.literal(STATE_FORMAT),
  version: z.literal(STATE_VERSION),
  generator: z.number().int(),
  seed: z.object({
    domainCount: z.number().int().min(0).max(MAX_DOMAIN_COUNT),
    anchor: z.string().refine(isIsoDate, "must be a YYYY-MM-DD date"),
  }),
  counters: z.object({ nextBundleId: z.number().int().positive(), nextOrderId: z.number().int().positive() }),
  balances: z.record(z.string(), z.number().int()),
  domains: z.record(z.string(), domainSchema),
});
type SavedState = z.infer<typeof stateFileSchema>;

export class StateFileError extends Error {
  constructor(path: string, reason: string) {
    super(
      `The simulator's state file ${path} cannot be used: ${reason}. ` +
        `Start with --reset to begin again from the seeded world (this replaces the file).`,
    );
    this.name = "StateFileError";
  }
}

export class StateFile {
  readonly path: string;
  /** Each changed domain's JSON, kept between saves so a save only re-serialises what changed. */
  private serialized = new Map<string, string>();
  private serializedFor: World | null = null;

  constructor(path: string) {
    this.path = path;
  }

  /** The saved world, or null when there is no file yet. Throws StateFileError when it cannot be used. */
  load(): World | null {
    let text: string;
    try {
      text = readFileSync(this.path, "utf8");
    } catch (error) {
      if (isNodeError(error) && error.code === "ENOENT") return null;
      throw new StateFileError(this.path, `it cannot be read (${describe(error)})`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new StateFileError(this.path, `it is not valid JSON (${describe(error)})`);
    }
    const parsed = stateFileSchema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first ? first.path.join(".") || "top level" : "top level";
      throw new StateFileError(
        this.path,
        `it is not a simulator state file (${where}: ${first?.message ?? "invalid"})`,
      );
    }
    if (parsed.data.generator !== SEED_GENERATOR)
      throw new StateFileError(
        this.path,
        `it was written by another version of the seed generator (${parsed.data.generator}, now ${SEED_GENERATOR})`,
      );
    try {
      return replay(parsed.data);
    } catch (error) {
      throw new StateFileError(this.path, describe(error));
    }
  }

  save(world: World): void {
    if (this.serializedFor !== world) {
      this.serialized = new Map();
      this.serializedFor = world;
    }
    for (const name of world.changedDomains) {
      const domain = world.domains.get(name);
      if (domain && (world.unsavedDomains.has(name) || !this.serialized.has(name)))
        this.serialized.set(name, JSON.stringify(domain));
    }
    world.unsavedDomains.clear();
    const balances: Record<string, number> = {};
    for (const account of world.accounts.values()) balances[account.uid] = account.balanceCents;
    const head = {
      format: STATE_FORMAT,
      version: STATE_VERSION,
      generator: SEED_GENERATOR,
      savedAt: new Date().toISOString(),
      seed: world.seed,
      counters: world.counters,
      balances,
    };
    const domains = [...this.serialized].map(([name, json]) => `${JSON.stringify(name)}:${json}`);
    const text = `${JSON.stringify(head).slice(0, -1)},"domains":{\n${domains.join(",\n")}\n}}\n`;
    writeAtomically(this.path, text);
  }
}

function replay(saved: SavedState): World {
  const facts: SeedFacts = { domainCount: saved.seed.domainCount, anchor: saved.seed.anchor };
  const world = seedWorld(facts);
  world.counters = { ...saved.counters };
  for (const [uid, balanceCents] of Object.entries(saved.balances)) {
    const account = world.accounts.get(uid.toLowerCase());
    if (account) account.balanceCents = balanceCents;
  }
  for (const [name, domain] of Object.entries(saved.domains)) {
    if (`${domain.sld}.${domain.tld}` !== name)
      throw new Error(`the saved domain ${name} names itself ${domain.sld}.${domain.tld}`);
    world.restoreDomain(domain);
  }
  return world;
}

export function writeAtomically(path: string, text: string): void {
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `${basename(path)}.tmp-${process.pid}`);
  const file = openSync(temporary, "w");
  try {
    writeSync(file, text);
    fsyncSync(file);
  } finally {
    closeSync(file);
  }
  // The folder is not fsynced after the rename: a kill -9 cannot undo a rename, and a power cut
  // can at worst lose the newest save, never leave half a file. Saving twice as fast is worth it.
  renameSync(temporary, path);
}

/** Temporary files a kill -9 left behind mid-save: never read, safe to remove. */
export function removeLeftoverTemporaries(path: string): void {
  const folder = dirname(path);
  const prefix = `${basename(path)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(prefix)) rmSync(join(folder, name), { force: true });
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && "code" in error;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
