import { FLY_VM_SIZES } from '../../catalog/fly.ts';
import type { Diagnostic } from '../../model/location.ts';
import type { Service } from '../../model/project-model.ts';
import { asRecord, type LocatedToml } from '../located-toml.ts';

/**
 * Machine size of one process group: the `[[vm]]` entry naming the group, else the one naming
 * none. `memory` (`"1gb"`, `"512mb"`, `1024`) or `memory_mb` wins over a `size` preset.
 */
export function readVm(
  toml: LocatedToml,
  path: string,
  group: string,
  diagnostics: Diagnostic[],
): Service['settings'] {
  const entries = Array.isArray(toml.data.vm) ? toml.data.vm.map(asRecord) : [asRecord(toml.data.vm)];
  const prefix = Array.isArray(toml.data.vm) ? 'vm.' : 'vm';
  const index = [
    entries.findIndex((vm) => Array.isArray(vm.processes) && vm.processes.includes(group)),
    entries.findIndex((vm) => !Array.isArray(vm.processes)),
  ].find((i) => i >= 0);
  if (index === undefined) return {};
  const vm = entries[index] as Record<string, unknown>;
  const key = (name: string) => (prefix === 'vm' ? `vm.${name}` : `vm.${index}.${name}`);
  const at = (name: string) => ({ path, line: toml.lineOf(key(name)) });
  const settings: Service['settings'] = {};
  const preset = typeof vm.size === 'string' ? FLY_VM_SIZES.value[vm.size] : undefined;
  if (typeof vm.size === 'string') settings.size = { value: vm.size, location: at('size') };
  const memoryKey = vm.memory !== undefined ? 'memory' : vm.memory_mb !== undefined ? 'memory_mb' : undefined;
  const memory = memoryKey ? megabytes(vm[memoryKey]) : undefined;
  if (memoryKey && memory === undefined)
    diagnostics.push({
      severity: 'warning',
      origin: 'fly',
      message: `${memoryKey} = ${JSON.stringify(vm[memoryKey])} is not a size Fly reads ("512mb", "1gb" or a number of MB); the machine's memory is unknown.`,
      location: at(memoryKey),
    });
  if (memory !== undefined && memoryKey) settings.memoryMb = { value: memory, location: at(memoryKey) };
  else if (preset) settings.memoryMb = { value: preset.memoryMb, location: at('size') };
  if (typeof vm.cpus === 'number') settings.cpus = { value: vm.cpus, location: at('cpus') };
  else if (preset) settings.cpus = { value: preset.cpus, location: at('size') };
  if (typeof vm.cpu_kind === 'string') settings.cpu_kind = { value: vm.cpu_kind, location: at('cpu_kind') };
  return settings;
}

/** `"1gb"`, `"512mb"`, `"2GB"`, `1024` → MB. */
export function megabytes(value: unknown): number | undefined {
  if (typeof value === 'number') return value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(gb|g|mb|m)?$/i.exec(value.trim());
  if (!match) return undefined;
  const unit = (match[2] ?? 'mb').toLowerCase();
  return Number(match[1]) * (unit.startsWith('g') ? 1024 : 1);
}
