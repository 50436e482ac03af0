import type { Datastore } from '../../model/project-model.ts';
import type { LocatedNode } from '../located-yaml.ts';
import { ipAllowListOf, planOf, type Settings, settingsOf, text } from './blueprint-values.ts';

/** Render's defaults when `plan` is omitted: platform-facts §1.9 (Postgres) and §1.10 (Key Value). */
const DEFAULT_DATABASE_PLAN = 'basic-256mb';
const DEFAULT_KEYVALUE_PLAN = 'starter';

/** A `type: keyvalue` (or deprecated `redis`) service: Render Key Value. */
export function readKeyValue(node: LocatedNode, name: string, scope: Settings): Datastore {
  const store: Datastore = {
    id: `keyvalue:${name}`,
    name,
    kind: 'redis',
    platform: 'render',
    plan: planOf(node, DEFAULT_KEYVALUE_PLAN),
    settings: { ...scope, ...settingsOf(node, ['region', 'type']) },
    location: node.location,
  };
  const policy = text(node.get('maxmemoryPolicy'));
  if (policy) store.maxmemoryPolicy = policy;
  const allowList = ipAllowListOf(node, undefined);
  if (allowList) store.settings.ipAllowList = allowList;
  return store;
}

/** An entry of `databases`: Render Postgres. */
export function readDatabase(node: LocatedNode, name: string, scope: Settings): Datastore {
  const database: Datastore = {
    id: `database:${name}`,
    name,
    kind: 'postgres',
    platform: 'render',
    plan: planOf(node, DEFAULT_DATABASE_PLAN),
    settings: {
      ...scope,
      ...settingsOf(node, ['region', 'postgresMajorVersion', 'diskSizeGB', 'databaseName', 'user']),
    },
    location: node.location,
  };
  const pool = text(node.get('connectionPool'));
  if (pool && pool.value !== 'none') database.managedPooler = pool;
  const allowList = ipAllowListOf(node, 'open');
  if (allowList) database.settings.ipAllowList = allowList;
  const replicas = node.get('readReplicas');
  if (replicas)
    database.settings.readReplicas = { value: replicas.items().length, location: replicas.location };
  const highAvailability = node.get('highAvailability')?.get('enabled');
  const enabled = highAvailability?.boolean();
  if (highAvailability && enabled !== undefined)
    database.settings.highAvailability = { value: enabled, location: highAvailability.location };
  return database;
}
