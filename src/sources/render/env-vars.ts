import type { Diagnostic } from '../../model/location.ts';
import type { EnvBinding } from '../../model/project-model.ts';
import { Secret } from '../../model/secret.ts';
import type { LocatedNode } from '../located-yaml.ts';
import { problem } from './blueprint-values.ts';

/** Environment groups of one blueprint, by name, already read. */
export type EnvGroups = Map<string, EnvBinding[]>;

/** Group contents may only be literal or generated values (platform-facts §1.2). */
const NOT_IN_GROUPS = ['fromDatabase', 'fromService', 'fromGroup'];

export function readEnvGroup(group: LocatedNode, diagnostics: Diagnostic[]): EnvBinding[] {
  return (group.get('envVars')?.items() ?? []).flatMap((item) => {
    const misplaced = NOT_IN_GROUPS.find((key) => item.get(key)) ?? (item.get('sync') ? 'sync' : undefined);
    if (misplaced)
      diagnostics.push(
        problem(
          item.location,
          `Environment group ${group.get('name')?.string() ?? ''} uses \`${misplaced}\`, which Render accepts only on services; Render will reject the blueprint.`,
        ),
      );
    return binding(item, diagnostics);
  });
}

/** A service's `envVars`, with `fromGroup` entries replaced by the group's variables. */
export function readServiceEnv(
  service: LocatedNode,
  groups: EnvGroups,
  diagnostics: Diagnostic[],
): EnvBinding[] {
  return (service.get('envVars')?.items() ?? []).flatMap((item) => {
    const groupName = item.get('fromGroup')?.string();
    if (groupName === undefined) return binding(item, diagnostics);
    const group = groups.get(groupName);
    if (!group)
      diagnostics.push(
        problem(item.location, `\`fromGroup: ${groupName}\` names no environment group of this blueprint.`),
      );
    return group ?? [];
  });
}

function binding(item: LocatedNode, diagnostics: Diagnostic[]): EnvBinding[] {
  const key = item.get('key')?.string();
  if (!key) {
    diagnostics.push(problem(item.location, 'An `envVars` entry has no `key`; it was not read.'));
    return [];
  }
  const source = bindingSource(item);
  if (!source) {
    diagnostics.push(
      problem(
        item.location,
        `${key} has no \`value\`, \`generateValue\`, \`sync: false\`, \`fromDatabase\` or \`fromService\`; it was read as unset.`,
      ),
    );
  }
  return [{ key, location: item.location, source: source ?? { kind: 'unset' } }];
}

function bindingSource(item: LocatedNode): EnvBinding['source'] | undefined {
  const fromDatabase = item.get('fromDatabase');
  if (fromDatabase?.isMap) {
    return {
      kind: 'fromDatabase',
      name: fromDatabase.get('name')?.string() ?? '',
      property: fromDatabase.get('property')?.string() ?? '',
    };
  }
  const fromService = item.get('fromService');
  if (fromService?.isMap) {
    const type = fromService.get('type')?.string();
    const property = fromService.get('property')?.string();
    const envVarKey = fromService.get('envVarKey')?.string();
    return {
      kind: 'fromService',
      name: fromService.get('name')?.string() ?? '',
      ...(type ? { type } : {}),
      ...(property ? { property } : {}),
      ...(envVarKey ? { envVarKey } : {}),
    };
  }
  if (item.get('generateValue')?.boolean()) return { kind: 'generated' };
  if (item.get('sync')?.boolean() === false) return { kind: 'unset' };
  const value = item.get('value')?.string();
  return value === undefined ? undefined : { kind: 'value', value: new Secret(value) };
}
