import { DEFINITION_DATA_BLOCK_ID, takeJsonDataBlock } from '../../contract/definitionDataBlock.ts';
import { portalApi, type ServedDefinition } from './portalApi.ts';

const cache = new Map<string, Promise<ServedDefinition>>();
let dataBlockRead = false;
let pageDefinition: ServedDefinition | undefined;

/** The definition the page arrived with (service and form pages carry it as a JSON data block), once. */
function seedFromPage(): void {
  if (dataBlockRead) return;
  dataBlockRead = true;
  const served = takeJsonDataBlock(DEFINITION_DATA_BLOCK_ID) as ServedDefinition | undefined;
  if (served && typeof served.id === 'string' && typeof served.tenant?.slug === 'string') {
    pageDefinition = served;
    cache.set(`${served.tenant.slug}/${served.id}`, Promise.resolve(served));
  }
}

/** The definition the page arrived with (read once from its data block), if it came with one. */
export function getPageDefinition(): ServedDefinition | undefined {
  seedFromPage();
  return pageDefinition;
}

/** The served definition of a service: from the page itself when it came with it, else fetched once per page load. */
export function loadService(tenant: string, service: string): Promise<ServedDefinition> {
  seedFromPage();
  const key = `${tenant}/${service}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = portalApi.getService(tenant, service);
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}
