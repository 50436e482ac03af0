import type { Diagnostic } from '../../model/location.ts';
import type { ModelFragment } from '../../model/project-model.ts';
import { type LocatedNode, parseLocatedYaml } from '../located-yaml.ts';
import { literalConnections } from '../service-shape.ts';
import type { Source } from '../source.ts';
import { problem, type Settings } from './blueprint-values.ts';
import { readDatabase, readKeyValue } from './datastores.ts';
import { type EnvGroups, readEnvGroup } from './env-vars.ts';
import { readService } from './services.ts';

const BLUEPRINT = /(^|\/)render\.ya?ml$/;
const KEY_VALUE_TYPES = new Set(['keyvalue', 'redis']);
/** Real Render types the model has no place for yet: noted, not mistaken for typos. */
const UNMODELLED_TYPES = new Set(['workflow']);

type Fragment = Required<Pick<ModelFragment, 'services' | 'datastores' | 'connections' | 'diagnostics'>>;

/** A place resources are listed: the root, a project's environment, or `ungrouped`. */
interface Scope {
  node: LocatedNode;
  /** `project` and `environment` names, kept as settings of the resources listed there. */
  settings: Settings;
}

/** Render Blueprints: services, Postgres databases and Key Value stores, with every value located. */
export const renderSource: Source = {
  id: 'render',
  matches: (path) => BLUEPRINT.test(path),
  read(files) {
    const fragment: Fragment = { services: [], datastores: [], connections: [], diagnostics: [] };
    for (const file of files) {
      const { root, diagnostics } = parseLocatedYaml(file.path, file.text, 'render');
      fragment.diagnostics.push(...diagnostics);
      if (!root || root.node === null || root.node === undefined) continue;
      if (!root.isMap) {
        fragment.diagnostics.push(
          problem(
            root.location,
            `${file.path} must be a mapping with \`services\`, \`databases\` or \`projects\`; it was not read.`,
          ),
        );
        continue;
      }
      readBlueprint(root, fragment);
    }
    return fragment;
  },
};

function readBlueprint(root: LocatedNode, fragment: Fragment): void {
  const scopes = scopesOf(root);
  const groups: EnvGroups = new Map();
  for (const scope of scopes) {
    for (const group of scope.node.get('envVarGroups')?.items() ?? []) {
      const name = group.get('name')?.string();
      if (name) groups.set(name, readEnvGroup(group, fragment.diagnostics));
      else
        fragment.diagnostics.push(
          problem(group.location, 'An environment group has no `name`; it was not read.'),
        );
    }
  }
  for (const scope of scopes) {
    for (const node of scope.node.get('services')?.items() ?? [])
      readServiceEntry(node, scope, groups, fragment);
    for (const node of scope.node.get('databases')?.items() ?? []) {
      const name = nameOf(node, 'database', fragment.diagnostics);
      if (name) fragment.datastores.push(readDatabase(node, name, scope.settings));
    }
  }
}

function scopesOf(root: LocatedNode): Scope[] {
  const scopes: Scope[] = [{ node: root, settings: {} }];
  for (const project of root.get('projects')?.items() ?? []) {
    const projectName = project.get('name');
    for (const environment of project.get('environments')?.items() ?? []) {
      const environmentName = environment.get('name');
      const settings: Settings = {};
      const projectValue = projectName?.string();
      if (projectName && projectValue)
        settings.project = { value: projectValue, location: projectName.location };
      const environmentValue = environmentName?.string();
      if (environmentName && environmentValue)
        settings.environment = { value: environmentValue, location: environmentName.location };
      scopes.push({ node: environment, settings });
    }
  }
  const ungrouped = root.get('ungrouped');
  if (ungrouped) scopes.push({ node: ungrouped, settings: {} });
  return scopes;
}

function readServiceEntry(node: LocatedNode, scope: Scope, groups: EnvGroups, fragment: Fragment): void {
  const name = nameOf(node, 'service', fragment.diagnostics);
  if (!name) return;
  const type = node.get('type')?.string();
  if (type && KEY_VALUE_TYPES.has(type)) {
    fragment.datastores.push(readKeyValue(node, name, scope.settings));
    return;
  }
  if (type && UNMODELLED_TYPES.has(type)) {
    fragment.diagnostics.push({
      ...problem(node.location, `Service ${name} is a Render ${type}, which Headroom does not review yet.`),
      severity: 'info',
    });
    return;
  }
  const service = readService(node, name, type, scope.settings, groups, fragment.diagnostics);
  if (!service) return;
  fragment.services.push(service);
  fragment.connections.push(...literalConnections(service));
}

function nameOf(node: LocatedNode, what: string, diagnostics: Diagnostic[]): string | undefined {
  const name = node.get('name')?.string();
  if (!name) diagnostics.push(problem(node.location, `A Render ${what} has no \`name\`; it was not read.`));
  return name;
}
