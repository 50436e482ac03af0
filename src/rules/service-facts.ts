import { startInvocations } from '../capacity/command.ts';
import { dependenciesOf } from '../capacity/processes.ts';
import type { ProjectModel, Service } from '../model/project-model.ts';

/**
 * The packages a service runs with: the manifests in its root directory, or every manifest when
 * the repository has a single deployed service (a monorepo's packages then belong to it).
 */
export function packagesOf(model: ProjectModel, service: Service): Set<string> {
  const own = dependenciesOf(model, service);
  const deployed = model.services.filter((s) => s.kind !== 'static');
  const all = own.length === 0 && deployed.length === 1 ? model.dependencies.filter((d) => !d.dev) : own;
  return new Set(all.map((d) => d.name));
}

export function firstOf(packages: Set<string>, candidates: Set<string>): string | undefined {
  return [...packages].find((name) => candidates.has(name));
}

/** Every dependency of the project, dev ones aside. */
export function projectPackages(model: ProjectModel): Set<string> {
  return new Set(model.dependencies.filter((d) => !d.dev).map((d) => d.name));
}

/** Dashboards a team opens now and then: nobody's traffic waits on them. */
const INTERNAL_DASHBOARDS = new Set(['flower', 'grafana-server', 'grafana', 'rq-dashboard', 'bull-board']);

/** `celery -A app flower`, `flower`, `grafana-server`: an internal dashboard, not the product. */
export function isInternalDashboard(model: ProjectModel, service: Service): boolean {
  return startInvocations(model, service).some(
    ({ program, args }) =>
      INTERNAL_DASHBOARDS.has(program) || (program === 'celery' && args.includes('flower')),
  );
}
