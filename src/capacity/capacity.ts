/**
 * The capacity a configuration implies, in numbers. Every figure says where it came from,
 * so reports can mark assumptions.
 */
export interface CapacitySummary {
  services: ServiceCapacity[];
  databases: DatabaseCapacity[];
}

export interface Figure {
  value: number;
  /** `read`: written in a file; `default`: the platform or library default; `assumed`: our estimate; `config`: stated in headroom.yml. */
  source: 'read' | 'default' | 'assumed' | 'config';
  /** Where or why: `gunicorn -w 4`, `Prisma ≤6 default 2 × CPUs + 1`. */
  note?: string;
}

export interface ServiceCapacity {
  service: string;
  platform: string;
  plan?: string;
  instances: { min: number; max: number };
  /** Worker processes per instance. */
  processes: Figure;
  /** Request threads per process, where the server's config sets them (Puma's `threads`). */
  threadsPerProcess?: Figure;
  /** Job processes forked beside the server in each instance (Solid Queue run by Puma's plugin). */
  jobProcesses?: Figure;
  memoryMb?: Figure;
  cpus?: Figure;
  /** Expected resident memory of one process. */
  memoryPerProcessMb?: Figure;
  /** What could not be known, and why a figure is absent (a plan the catalog lacks). */
  notes?: string[];
}

export interface DatabaseCapacity {
  datastore: string;
  plan?: string;
  /** The connection limit of the plan, less reserved connections. */
  limit?: Figure;
  /** Σ instances(max) × processes × pool size. */
  demand: number;
  /** demand / limit × 100, when the limit is known. */
  percent?: number;
  contributors: Array<{
    service: string;
    instances: number;
    processes: Figure;
    poolSize: Figure;
  }>;
  /** What could not be known, and who reaches the database without counting (through a pooler). */
  notes?: string[];
}

/** What `.github/headroom.yml` `capacity:` states, overriding what Headroom reads or assumes. */
export interface CapacityConfig {
  memoryPerProcessMb?: number;
  services?: Record<string, ServiceCapacityConfig>;
}

export interface ServiceCapacityConfig {
  processes?: number;
  poolSize?: number;
  memoryPerProcessMb?: number;
}

export const EMPTY_CAPACITY: CapacitySummary = { services: [], databases: [] };
