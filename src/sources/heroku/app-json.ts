import { HEROKU_DYNO_SIZES } from '../../catalog/heroku.ts';
import type { Diagnostic } from '../../model/location.ts';
import type { EnvBinding, Located } from '../../model/project-model.ts';
import { Secret } from '../../model/secret.ts';
import { parseLocatedYaml } from '../located-yaml.ts';
import type { SourceFile } from '../source.ts';

export interface Formation {
  quantity?: Located<number>;
  /** Dyno size in lower case (`standard-1x`), as the catalog names it. */
  size?: Located<string>;
  memoryMb?: number;
}

export interface AppJson {
  formation: Map<string, Formation>;
  env: EnvBinding[];
  /** Add-on names (`heroku-postgresql`), plan suffixes dropped, where the file lists them. */
  addons: Located<string>[];
  /** It says it is Heroku's (add-ons, formation, buildpacks, stack): Expo writes an app.json too. */
  heroku: boolean;
}

/** The parts of a Heroku `app.json` that shape capacity and declare variables: `formation`, `env`, `addons`. */
export function readAppJson(file: SourceFile, diagnostics: Diagnostic[]): AppJson | undefined {
  const { root, diagnostics: found } = parseLocatedYaml(file.path, file.text, 'heroku');
  diagnostics.push(...found);
  if (!root?.isMap) return undefined;
  const formation = new Map<string, Formation>();
  for (const [type, node] of root.get('formation')?.entries() ?? []) {
    const entry: Formation = {};
    const quantity = node.get('quantity');
    const count = quantity?.number();
    if (quantity && count !== undefined && Number.isInteger(count) && count >= 0)
      entry.quantity = { value: count, location: quantity.location };
    else if (quantity)
      diagnostics.push({
        severity: 'warning',
        origin: 'heroku',
        message: `formation.${type}.quantity should be a whole number of dynos; Headroom counted 1.`,
        location: quantity.location,
      });
    const size = node.get('size');
    const name = size?.string()?.toLowerCase();
    if (size && name) {
      entry.size = { value: name, location: size.location };
      const known = HEROKU_DYNO_SIZES[name];
      if (known) entry.memoryMb = known.value.memoryMb;
    }
    formation.set(type, entry);
  }
  const env: EnvBinding[] = (root.get('env')?.entries() ?? []).map(([key, node]) => {
    const value = node.isMap ? node.get('value')?.string() : node.string();
    const generated = node.get('generator')?.string() === 'secret';
    return {
      key,
      source:
        value !== undefined
          ? { kind: 'value', value: new Secret(value) }
          : generated
            ? { kind: 'generated' }
            : { kind: 'unset' },
      location: node.location,
    };
  });
  const addons = (root.get('addons')?.items() ?? []).flatMap((item) => {
    const name = (item.isMap ? item.get('plan')?.string() : item.string())?.split(':')[0];
    return name ? [{ value: name, location: item.location }] : [];
  });
  const heroku = addons.length > 0 || ['formation', 'buildpacks', 'stack'].some((key) => root.get(key));
  return { formation, env, addons, heroku };
}
