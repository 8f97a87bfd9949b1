import semver from 'semver';
import type { MatrixService } from '../../engine/agreement/index.ts';
import type { Storage } from '../storage/Storage.ts';

/**
 * Every published service with the title and lead of its newest published version (the lead decides whether
 * the Kreis provides it, § 1 (3)), ordered by service id.
 */
export async function listServiceLeads(storage: Storage): Promise<MatrixService[]> {
  const ids = [...(await storage.formVersions.listServiceIds())].sort();
  const services: MatrixService[] = [];
  for (const id of ids) {
    const newest = semver.rsort([...(await storage.formVersions.listVersions(id))])[0];
    const published = newest === undefined ? undefined : await storage.formVersions.get(id, newest);
    if (published) services.push({ service: id, title: published.definition.title, lead: published.definition.lead });
  }
  return services;
}
