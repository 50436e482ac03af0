import type { Rule } from '../src/rules/rule.ts';
import inProcessCacheAcrossInstances from './cache/in-process-cache-across-instances.ts';
import noSharedCache from './cache/no-shared-cache.ts';
import queueOnEvictingRedis from './cache/queue-on-evicting-redis.ts';
import unusedKeyvalue from './cache/unused-keyvalue.ts';
import committedSecret from './env/committed-secret.ts';
import undeclaredVariable from './env/undeclared-variable.ts';
import duplicateIndex from './index/duplicate-index.ts';
import foreignKeyWithoutNotValid from './index/foreign-key-without-not-valid.ts';
import missingPrimaryKey from './index/missing-primary-key.ts';
import nonConcurrentIndex from './index/non-concurrent-index.ts';
import unindexedForeignKey from './index/unindexed-foreign-key.ts';
import noErrorTracking from './ops/no-error-tracking.ts';
import noRateLimiting from './ops/no-rate-limiting.ts';
import databasePlanVsTier from './plan/database-plan-vs-tier.ts';
import devServerInProduction from './plan/dev-server-in-production.ts';
import freeDatabaseExpires from './plan/free-database-expires.ts';
import freeWebSleeps from './plan/free-web-sleeps.ts';
import noHealthCheck from './plan/no-health-check.ts';
import notAvailableOnPlan from './plan/not-available-on-plan.ts';
import singleProcessWeb from './plan/single-process-web.ts';
import workersExceedCpu from './plan/workers-exceed-cpu.ts';
import workersExceedMemory from './plan/workers-exceed-memory.ts';
import connectionBudget from './pooling/connection-budget.ts';
import directConnectionAtScale from './pooling/direct-connection-at-scale.ts';
import serverlessWithoutPooler from './pooling/serverless-without-pooler.ts';
import transactionPoolerPrismaParams from './pooling/transaction-pooler-prisma-params.ts';

/**
 * Every rule, imported explicitly so bundlers (the Action's dist/) see them all.
 * test/rules/registry.test.ts fails when a rule file under rules/ is missing here.
 */
export const allRules: Rule[] = [
  unindexedForeignKey,
  missingPrimaryKey,
  duplicateIndex,
  nonConcurrentIndex,
  foreignKeyWithoutNotValid,
  connectionBudget,
  transactionPoolerPrismaParams,
  directConnectionAtScale,
  serverlessWithoutPooler,
  freeWebSleeps,
  freeDatabaseExpires,
  notAvailableOnPlan,
  workersExceedMemory,
  workersExceedCpu,
  devServerInProduction,
  singleProcessWeb,
  noHealthCheck,
  databasePlanVsTier,
  inProcessCacheAcrossInstances,
  noSharedCache,
  queueOnEvictingRedis,
  unusedKeyvalue,
  noErrorTracking,
  noRateLimiting,
  committedSecret,
  undeclaredVariable,
];
