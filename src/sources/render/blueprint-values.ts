import type { Diagnostic, Location } from '../../model/location.ts';
import type { Located, Service } from '../../model/project-model.ts';
import type { LocatedNode } from '../located-yaml.ts';

export type Settings = Record<string, Located<string | number | boolean>>;

/** The plan as written, or the platform default (`explicit: false`) located at the resource. */
export function planOf(node: LocatedNode, fallback: string): NonNullable<Service['plan']> {
  const plan = node.get('plan');
  const name = plan?.string();
  return name
    ? { name: name.toLowerCase(), explicit: true, location: plan?.location ?? node.location }
    : { name: fallback, explicit: false, location: node.location };
}

/** Scalar fields copied as written, for rules that need a platform fact the model has no field for. */
export function settingsOf(node: LocatedNode, keys: readonly string[]): Settings {
  const settings: Settings = {};
  for (const key of keys) {
    const child = node.get(key);
    const value = child?.number() ?? child?.boolean() ?? child?.string();
    if (child && value !== undefined) settings[key] = { value, location: child.location };
  }
  return settings;
}

export function located<T>(
  node: LocatedNode | undefined,
  read: (node: LocatedNode) => T | undefined,
): Located<T> | undefined {
  if (!node) return undefined;
  const value = read(node);
  return value === undefined ? undefined : { value, location: node.location };
}

export function text(node: LocatedNode | undefined): Located<string> | undefined {
  return located(node, (n) => n.string());
}

/**
 * Render's `ipAllowList`: `[]` keeps the resource internal; a `0.0.0.0/0` (or `::/0`) source opens
 * it to the internet; other sources restrict it. Omitted on a database, it is open
 * (platform-facts §1.9).
 */
export function ipAllowListOf(node: LocatedNode, omitted: 'open' | undefined): Located<string> | undefined {
  const list = node.get('ipAllowList');
  if (!list) return omitted ? { value: omitted, location: node.location } : undefined;
  const sources = list.items().map((entry) => entry.get('source')?.string());
  const value =
    sources.length === 0
      ? 'internal'
      : sources.some((source) => source === '0.0.0.0/0' || source === '::/0')
        ? 'open'
        : 'restricted';
  return { value, location: list.location };
}

export function problem(location: Location, message: string): Diagnostic {
  return { severity: 'warning', origin: 'render', message, location };
}
