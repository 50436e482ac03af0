import type { Diagnostic, Location } from './location.ts';
import type { Secret } from './secret.ts';

/**
 * The one normalized picture of a project that every rule reads.
 * Sources contribute fragments (see `ModelFragment`); `buildModel` merges them.
 */
export interface ProjectModel {
  services: Service[];
  datastores: Datastore[];
  /** Connection URLs found in env files and hosting configs, one per (file, key). */
  connections: Connection[];
  envFiles: EnvFile[];
  /** One schema per origin: the Prisma schema and/or the replay of a migrations folder. */
  schemas: DbSchema[];
  /** Every migration file replayed, in replay order, with the operations rules care about. */
  migrations: MigrationFile[];
  dependencies: Dependency[];
  packageManifests: PackageManifest[];
  /** Environment variables the application code reads. */
  envReads: EnvRead[];
  /** Caches held in a process's memory, found in application code. */
  inProcessCaches: InProcessCache[];
  /** Cache backends shared by every process, configured in application code (Django's `CACHES`). */
  sharedCacheBackends: SharedCacheBackend[];
  /** Application files that serve HTTP requests, found in application code. */
  requestHandlers: RequestHandler[];
  /**
   * Env keys a file declares without being a deployed service's env: a local compose file's
   * `environment`, a Heroku app.json's `env` and the config vars its add-ons set.
   */
  envDeclarations: Array<{ key: string; location: Location }>;
  /** Routes the application serves that a health check can call (`/up`, `/healthz`). */
  healthEndpoints: HealthEndpoint[];
  /** Web server config files (`config/puma.rb`, `gunicorn.conf.py`) and what they set. */
  serverConfigs: ServerConfig[];
  /** Dockerfiles and the command their image starts. */
  dockerfiles: Dockerfile[];
  /** Shell scripts a start command may run (`./start.sh`), as text. */
  shellScripts: Array<{ path: string; text: string }>;
  diagnostics: Diagnostic[];
}

/** What one source contributes; every list is optional so a source only names what it knows. */
export type ModelFragment = Partial<ProjectModel>;

// ───────────────────────────── services ─────────────────────────────

export type Platform = 'render' | 'fly' | 'railway' | 'vercel' | 'netlify' | 'heroku' | 'docker-compose';

/** `serverless`: many short-lived instances (Vercel/Netlify functions). */
export type ServiceKind = 'web' | 'worker' | 'private' | 'cron' | 'static' | 'serverless';

/** A value read from a file, with where it was read. */
export interface Located<T> {
  value: T;
  location: Location;
}

export interface Service {
  /** Entity id used in fingerprints: `service:<name>`. */
  id: string;
  name: string;
  platform: Platform;
  kind: ServiceKind;
  /** Platform runtime as written (`python`, `node`, `docker`…). */
  runtime?: Located<string>;
  /**
   * The plan name in the platform's own spelling (`free`, `starter`, `pro plus`).
   * `explicit: false` when the config omits it and the platform default applies.
   */
  plan?: { name: string; explicit: boolean; location: Location };
  instances: {
    min: number;
    max: number;
    autoscaling: boolean;
    location: Location;
  };
  startCommand?: Located<string>;
  buildCommand?: Located<string>;
  healthCheckPath?: Located<string>;
  disk?: { sizeGB?: number; mountPath?: string; location: Location };
  /** Environment variables set on the service by the hosting config. */
  env: EnvBinding[];
  /** Directory the service runs from, relative to the repository root ('' = root). */
  rootDir: string;
  /** The Dockerfile the platform builds the service from, and its build context folder. */
  image?: { dockerfile: string; context: string; target?: string };
  /** Extra platform facts a rule may need (e.g. Fly `auto_stop_machines`). */
  settings: Record<string, Located<string | number | boolean>>;
  /**
   * Taken for a deployment without the file saying so: a compose file named for no environment,
   * in a repository with no other hosting config.
   */
  assumedDeployment?: boolean;
  location: Location;
}

/** How a hosting config gives a service an env var. */
export type EnvBindingSource =
  | { kind: 'value'; value: Secret }
  | { kind: 'generated' }
  | { kind: 'unset' }
  | { kind: 'fromDatabase'; name: string; property: string }
  | { kind: 'fromService'; name: string; type?: string; property?: string; envVarKey?: string }
  | { kind: 'fromGroup'; name: string };

export interface EnvBinding {
  key: string;
  source: EnvBindingSource;
  location: Location;
}

// ───────────────────────────── datastores ─────────────────────────────

export type DatastoreKind = 'postgres' | 'mysql' | 'redis';

export interface Datastore {
  /** Entity id: `database:<name>` or `keyvalue:<name>`. */
  id: string;
  name: string;
  kind: DatastoreKind;
  platform: Platform;
  plan?: { name: string; explicit: boolean; location: Location };
  /** Redis/Key Value eviction policy as written (`allkeys-lru`, `noeviction`…). */
  maxmemoryPolicy?: Located<string>;
  /** A managed pooler in front of the database (Render `connectionPool: pgbouncer`). */
  managedPooler?: Located<string>;
  settings: Record<string, Located<string | number | boolean>>;
  /** As on `Service`: from a compose file taken for the deployment by default. */
  assumedDeployment?: boolean;
  location: Location;
}

// ───────────────────────────── connections ─────────────────────────────

export type PoolerKind =
  | 'supabase-transaction'
  | 'supabase-session'
  | 'neon'
  | 'pgbouncer'
  | 'prisma-accelerate';

/** A connection URL with everything but the password readable. */
export interface ConnectionUrl {
  scheme: string;
  /** `postgres`, `mysql`, `redis`, `unknown`. */
  dialect: 'postgres' | 'mysql' | 'redis' | 'sqlite' | 'mongodb' | 'unknown';
  user?: string;
  password?: Secret;
  host?: string;
  port?: number;
  database?: string;
  params: Record<string, string>;
  /** The URL as it may be printed: password replaced by `****`. */
  masked: string;
  pooler?: PoolerKind;
}

export interface Connection {
  /** Entity id: `env:<KEY>`. */
  id: string;
  key: string;
  url: ConnectionUrl;
  /** Where the URL was written (env file, hosting config). */
  location: Location;
  /** The service that receives it, when a hosting config says so. */
  service?: string;
}

// ───────────────────────────── env files ─────────────────────────────

export interface EnvEntry {
  key: string;
  /** Never printable; `masked` is what outputs show. */
  value: Secret;
  masked: string;
  location: Location;
  url?: ConnectionUrl;
}

export interface EnvFile {
  path: string;
  /** `template` for .env.example/.env.sample/.env.template; `real` otherwise. */
  kind: 'real' | 'template';
  entries: EnvEntry[];
  /** Keys a template lists commented out (`# SENTRY_DSN=`): optional, but declared. */
  commentedKeys?: string[];
}

// ───────────────────────────── database schema ─────────────────────────────

export type DbProvider =
  | 'postgresql'
  | 'mysql'
  | 'sqlite'
  | 'sqlserver'
  | 'cockroachdb'
  | 'mongodb'
  | 'unknown';

export interface DbSchema {
  /** `prisma` for a Prisma schema, `sql` for a replayed migrations folder. */
  origin: 'prisma' | 'sql';
  /** The schema file or migrations directory it came from. */
  path: string;
  provider: DbProvider;
  /** Prisma `relationMode`; SQL schemas are always `foreignKeys`. */
  relationMode: 'foreignKeys' | 'prisma';
  /**
   * `state`: describes the tables rules should judge. `history`: a migrations replay that
   * a Prisma schema in the same project already describes, kept for migration rules only.
   */
  role: 'state' | 'history';
  /**
   * For a Prisma schema: the migrations directories whose replay (`history`) describes the same
   * database, with the indexes teams add by hand in SQL that the schema does not model.
   */
  replayedBy?: string[];
  tables: Table[];
  /**
   * Prisma's datasource: the env vars holding the URLs (`url`, and `directUrl` for migrations),
   * or, when the schema writes a URL literally, that URL with its password masked.
   */
  datasource?: {
    urlEnv?: string;
    directUrlEnv?: string;
    url?: Located<string>;
    directUrl?: Located<string>;
    location: Location;
  };
}

export interface Table {
  /** Database name (after `@@map`, or as created in SQL, without schema). */
  name: string;
  /** SQL schema (`public`) when written. */
  schema?: string;
  /** Prisma model name when it differs or exists. Entities use it when present. */
  modelName?: string;
  columns: Column[];
  primaryKey?: KeyConstraint;
  uniques: KeyConstraint[];
  indexes: Index[];
  foreignKeys: ForeignKey[];
  location: Location;
}

export interface Column {
  /** Database name (after `@map`). */
  name: string;
  /** Prisma field name, when it comes from Prisma. */
  fieldName?: string;
  type: string;
  nullable: boolean;
  location: Location;
}

/** A primary key or unique constraint; both are backed by a unique B-tree index. */
export interface KeyConstraint {
  name?: string;
  /** Database column names, in order. */
  columns: string[];
  location: Location;
}

export interface IndexElement {
  /** Set for a plain column; absent for an expression element. */
  column?: string;
  /** Deparsed or written expression, for expression elements. */
  expression?: string;
  descending?: boolean;
}

export interface Index {
  name?: string;
  elements: IndexElement[];
  unique: boolean;
  /** Access method when written (`btree`, `gin`, `hash`…); absent means btree. */
  method?: string;
  /**
   * Partial index predicate. `notNullColumns` lists the columns of a predicate made only
   * of `col IS NOT NULL` conjuncts; it is absent when the predicate is anything else.
   */
  predicate?: { text: string; notNullColumns?: string[] };
  location: Location;
}

export interface ForeignKey {
  name?: string;
  /** Referencing database column names, in order. */
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  /** Prisma relation field name (`author`) when it comes from Prisma. */
  relationField?: string;
  location: Location;
}

// ───────────────────────────── migrations ─────────────────────────────

export type MigrationTool =
  | 'prisma'
  | 'supabase'
  | 'drizzle'
  | 'golang-migrate'
  | 'flyway'
  | 'node-pg-migrate'
  | 'plain';

export interface MigrationFile {
  path: string;
  tool: MigrationTool;
  /** The migrations directory this file belongs to (the replay group). */
  directory: string;
  /** True when the tool runs the whole file in one transaction (Prisma does). */
  transactional: boolean;
  operations: MigrationOperation[];
}

export type MigrationOperation =
  | {
      kind: 'create-index';
      table: string;
      index: Index;
      concurrently: boolean;
      /** The table existed before this migration file started. */
      tableExistedBefore: boolean;
      location: Location;
    }
  | {
      kind: 'drop-index';
      name: string;
      table?: string;
      concurrently: boolean;
      tableExistedBefore: boolean;
      location: Location;
    }
  | {
      kind: 'add-foreign-key';
      table: string;
      foreignKey: ForeignKey;
      notValid: boolean;
      tableExistedBefore: boolean;
      location: Location;
    }
  | { kind: 'validate-constraint'; table: string; name: string; location: Location };

// ───────────────────────────── dependencies ─────────────────────────────

export interface Dependency {
  ecosystem: 'npm' | 'pypi' | 'rubygems';
  name: string;
  /** Version range as written. */
  version?: string;
  dev: boolean;
  /** The manifest file that declares it. */
  manifest: string;
  location: Location;
}

export interface PackageManifest {
  path: string;
  /** Directory of the manifest, relative to the repo root ('' = root). */
  directory: string;
  name?: string;
  scripts: Record<string, Located<string>>;
}

// ───────────────────────────── application code ─────────────────────────────

export interface EnvRead {
  key: string;
  location: Location;
  /** True when the read supplies its own fallback (`?? 'info'`, `os.getenv("X", "d")`), so the app runs without it. */
  optional?: boolean;
  /**
   * A key of a typed env schema (t3-env `createEnv`, a zod object in `env.ts`, envalid, a pydantic
   * settings class): the app checks it once at start, and the schema declares it.
   */
  schema?: boolean;
}

export interface InProcessCache {
  /** What holds it: `lru-cache`, `node-cache`, `Map`, `functools.lru_cache`, `cachetools.TTLCache`… */
  kind: string;
  /** The variable or function it caches in. */
  name: string;
  /**
   * The module also talks to Redis: the in-memory cache is a short-lived L1 in front of the shared
   * one, a deliberate pattern, not the only copy of the data.
   */
  frontsSharedCache?: boolean;
  location: Location;
}

/** `"BACKEND": "django.core.cache.backends.db.DatabaseCache"`: a cache every process reads and writes. */
export interface SharedCacheBackend {
  backend: string;
  location: Location;
}

/** A route whose path says it answers health checks: `get "up" => "rails/health#show"`, `app.get('/healthz')`. */
export interface HealthEndpoint {
  /** The path as a request reaches it, with a leading slash. */
  path: string;
  location: Location;
}

/** A file that serves HTTP: it imports a server framework, or is a Next.js route handler or server action file. */
export interface RequestHandler {
  /** The framework module (`express`, `fastapi`) or Next.js convention (`next-route`, `next-server-action`). */
  framework: string;
  location: Location;
}

// ───────────────────────────── server configs ─────────────────────────────

/**
 * A count a config file sets: a number, an env var read with what applies when it is unset
 * (`ENV.fetch("WEB_CONCURRENCY") { 2 }`), or so many per CPU (`workers :auto`, `cpu_count() * 2 + 1`).
 */
export type ConfigCount =
  | { value: number }
  | { env: string; otherwise?: ConfigCount }
  | { perCpu: number; plus: number };

export interface ServerConfig {
  path: string;
  server: 'puma' | 'gunicorn' | 'sidekiq' | 'uwsgi' | 'solid_queue';
  /** Worker processes per instance, where the file sets them. */
  workers?: { count: ConfigCount; location: Location };
  /** Threads per worker (the maximum, for puma's `threads min, max`). */
  threads?: { count: ConfigCount; location: Location };
  /** Puma plugins: `plugin :solid_queue` runs the job supervisor inside the web server. */
  plugins: PumaPlugin[];
  /** The processes Solid Queue's supervisor forks, as `config/queue.yml` lists them. */
  processGroups?: ProcessGroup[];
}

export interface PumaPlugin {
  name: string;
  /** The env test the plugin is loaded under: `plugin :solid_queue if ENV["SOLID_QUEUE_IN_PUMA"]`. */
  when?: EnvTest;
  location: Location;
}

/**
 * A Ruby test on one variable: `ENV["X"]` holds when X is set at all (`"false"` is a string, and
 * true), `ENV["X"] == "v"` when it is v; `negated` for `unless`.
 */
export interface EnvTest {
  env: string;
  equals?: string;
  negated?: boolean;
}

export interface ProcessGroup {
  role: 'workers' | 'dispatchers';
  processes: ConfigCount;
  /** Job threads per worker process. */
  threads?: ConfigCount;
  location: Location;
}

export interface Dockerfile {
  path: string;
  /** Build stages in order; the last is the image a build without `target` produces. */
  stages: DockerStage[];
}

export interface DockerStage {
  /** `FROM … AS name`. */
  name?: string;
  /** ENTRYPOINT then CMD as one shell command, inherited from the stage it is built `FROM`. */
  command?: Located<string>;
  /** WORKDIR at the end of the stage, where relative paths in the command resolve. */
  workdir: string;
  /** Files the stage (or the stage it builds on) copied from the build context, newest last. */
  copies: DockerCopy[];
}

/** `COPY ./compose/start /start`: a context path and where it lands in the image. */
export interface DockerCopy {
  source: string;
  destination: string;
}
