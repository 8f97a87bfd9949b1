import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTICIPANTS } from '../../engine/index.ts';
import { BACKENDS, openTestStorage, type TestStorage } from './openTestStorage.ts';

describe.each(BACKENDS)('participants on %s', (backend) => {
  let opened: TestStorage;
  beforeAll(async () => {
    opened = await openTestStorage(backend);
  });
  afterAll(() => opened.dispose());

  it('When the eleven participants are seeded twice, then each is stored once with its fields', async () => {
    await opened.storage.participants.seed(PARTICIPANTS);
    await opened.storage.participants.seed(PARTICIPANTS);
    const listed = await opened.storage.participants.list();
    expect(listed).toHaveLength(11);
    expect(await opened.storage.participants.get('erkelenz')).toEqual(PARTICIPANTS.find((p) => p.slug === 'erkelenz'));
    expect(await opened.storage.participants.get('nowhere')).toBeUndefined();
  });
});
