import { parseArgs } from 'node:util';
import { compare, valid } from 'semver';
import { lockKey } from '../../engine/index.ts';
import { loadCatalogue } from '../../server/catalogue/loadCatalogue.ts';

export const summary = 'list [--dir DIR] [--json]: services and their versions, published or draft';

interface ListedService {
  id: string;
  title: string;
  versions: { version: string; published: boolean; path: string; title: string }[];
}

/** Lists each service with its versions (sorted by semver) and whether each is published (in the lock). */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: 'string', default: 'forms' }, json: { type: 'boolean', default: false } } });
  const catalogue = await loadCatalogue(values.dir);
  const services = new Map<string, ListedService>();
  for (const file of catalogue.files) {
    const definition = file.definition as { id?: unknown; version?: unknown; title?: unknown };
    if (typeof definition.id !== 'string' || typeof definition.version !== 'string') continue;
    const service = services.get(definition.id) ?? { id: definition.id, title: '', versions: [] };
    service.versions.push({
      version: definition.version,
      published: catalogue.lock[lockKey(definition.id, definition.version)] !== undefined,
      path: file.path,
      title: typeof definition.title === 'string' ? definition.title : '',
    });
    services.set(definition.id, service);
  }
  const list = [...services.values()].sort((a, b) => a.id.localeCompare(b.id));
  for (const service of list) {
    service.versions.sort((a, b) => (valid(a.version) && valid(b.version) ? compare(a.version, b.version) : a.version.localeCompare(b.version)));
    // The service is listed under the title of its highest version.
    service.title = service.versions[service.versions.length - 1]?.title ?? '';
  }
  if (values.json) {
    console.log(JSON.stringify(list, null, 2));
    return 0;
  }
  for (const service of list) {
    console.log(`${service.id}  ${service.title}`);
    for (const v of service.versions) console.log(`  ${v.version.padEnd(10)} ${v.published ? 'published' : 'draft'}`);
  }
  if (list.length === 0) console.log(`no services in ${values.dir}`);
  return 0;
}
