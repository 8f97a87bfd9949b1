import type { DraftValidator, FormValidator } from '../engine/index.ts';
import type { BlobStore } from './files/BlobStore.ts';
import type { VirusScanner } from './files/VirusScanner.ts';
import type { Logger } from './Logger.ts';
import type { ServerConfig } from './ServerConfig.ts';
import type { Storage } from './storage/Storage.ts';

/** Everything createApp needs; built by server/main.ts (and tests/helpers/startServer.ts). */
export interface AppDeps {
  config: ServerConfig;
  storage: Storage;
  logger: Logger;
  /** The engine's submission validator (one Ajv instance, compiled schemas cached). */
  validator: FormValidator;
  /** Checks citizens' drafts against their form's shape (known properties, types, sizes). */
  draftValidator: DraftValidator;
  /** The clock; tests may pass a fixed one. */
  now: () => Date;
  /** Bytes of uploaded files (default: files under DATA_DIR/blobs). */
  blobs: BlobStore;
  /** Virus scanner (clamd at CLAMD_SOCKET); undefined: uploads are stored marked "nicht geprüft". */
  scanner: VirusScanner | undefined;
  /** Key of the citizens' status codes (DATA_DIR/status-code.key, created on first start). */
  statusCodeKey: Buffer;
}
