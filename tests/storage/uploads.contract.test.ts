import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadBindError } from '../../server/storage/UploadRepository.ts';
import { BACKENDS, type TestStorage } from './openTestStorage.ts';
import { A, B, OTHER_SERVICE, SERVICE, createSubmission, newSubmission, newUpload, nextTime, openSecondProcess, openSubmissionStorage, sequenceOf } from './submissionFixtures.ts';

describe.each(BACKENDS)('uploads on %s', (backend) => {
  let opened: TestStorage;
  beforeAll(async () => {
    opened = await openSubmissionStorage(backend);
  });
  afterAll(() => opened.dispose());
  const uploads = () => opened.storage.uploads;

  it('When an upload is stored, then it is found unbound only by its token, participant and service before it expires', async () => {
    const upload = newUpload(A, { expiresAt: '2026-06-01T00:00:00.000Z' });
    await uploads().create(upload);
    const { tokenHash: _token, ...expected } = upload;
    expect(await uploads().findUnbound(A.slug, SERVICE, upload.tokenHash, '2026-05-01T00:00:00.000Z')).toEqual({ ...expected, submissionId: null });
    expect(await uploads().findUnbound(B.slug, SERVICE, upload.tokenHash, '2026-05-01T00:00:00.000Z')).toBeUndefined();
    expect(await uploads().findUnbound(A.slug, OTHER_SERVICE, upload.tokenHash, '2026-05-01T00:00:00.000Z')).toBeUndefined();
    expect(await uploads().findUnbound(A.slug, SERVICE, upload.tokenHash, '2026-06-01T00:00:00.000Z')).toBeUndefined();
    await expect(uploads().create({ ...newUpload(A), tokenHash: upload.tokenHash })).rejects.toThrow();
  });

  it('When a submission binds uploads, then they belong to it once; a second binding fails and stores nothing', async () => {
    const first = newUpload(A, { field: '/b' });
    const second = newUpload(A, { field: '/a' });
    await uploads().create(first);
    await uploads().create(second);
    const submission = await createSubmission(opened.storage, newSubmission(A, { uploadIds: [first.id, second.id], referenceYear: 2040 }));
    const bound = await uploads().listBySubmission(A.slug, submission.id);
    expect(bound.map((u) => u.id)).toEqual([second.id, first.id]);
    expect(bound.every((u) => u.submissionId === submission.id)).toBe(true);
    expect(await uploads().get(A.slug, submission.id, first.id)).toMatchObject({ id: first.id, blobKey: first.blobKey });
    expect(await uploads().get(B.slug, submission.id, first.id)).toBeUndefined();
    expect(await uploads().listBySubmission(B.slug, submission.id)).toEqual([]);
    expect(await uploads().findUnbound(A.slug, SERVICE, first.tokenHash, nextTime())).toBeUndefined();

    const again = newSubmission(A, { uploadIds: [first.id], referenceYear: 2040 });
    await expect(opened.storage.submissions.create(again)).rejects.toBeInstanceOf(UploadBindError);
    expect(await opened.storage.submissions.get(A.slug, again.id)).toBeUndefined();
    // Another participant's upload cannot be bound either.
    const foreign = newUpload(B);
    await uploads().create(foreign);
    await expect(opened.storage.submissions.create(newSubmission(A, { uploadIds: [foreign.id], referenceYear: 2040 }))).rejects.toBeInstanceOf(UploadBindError);
    // The failed creates used no reference number.
    expect(sequenceOf((await createSubmission(opened.storage, newSubmission(A, { referenceYear: 2040 }))).reference)).toBe(2);
  });

  it('When two processes bind the same upload at once, then one submission gets it and the other is refused', async () => {
    const second = await openSecondProcess(opened, backend);
    try {
      const upload = newUpload(A);
      await uploads().create(upload);
      const results = await Promise.allSettled([
        opened.storage.submissions.create(newSubmission(A, { uploadIds: [upload.id] }), { key: 'bind-1', requestHash: 'x' }),
        second.storage.submissions.create(newSubmission(A, { uploadIds: [upload.id] }), { key: 'bind-2', requestHash: 'y' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(UploadBindError);
    } finally {
      await second.dispose();
    }
  });

  it('When unbound uploads expire or their submission is erased, then the rows go and their bytes are queued for deletion', async () => {
    const stale = newUpload(B, { expiresAt: '2026-01-02T00:00:00.000Z' });
    const fresh = newUpload(B);
    const kept = newUpload(B);
    for (const u of [stale, fresh, kept]) await uploads().create(u);
    const submission = await createSubmission(opened.storage, newSubmission(B, { uploadIds: [kept.id] }));
    expect(await uploads().purgeUnbound('2026-01-03T00:00:00.000Z')).toBe(1);
    expect(await uploads().listBlobDeletions(100)).toEqual([stale.blobKey]);
    expect(await opened.storage.submissions.erase(B.slug, submission.id, nextTime(), (s) => ({ tenant: B.slug, actor: 'u', action: 'submission.erased', subject: s.id }))).toBeDefined();
    expect(await uploads().listBySubmission(B.slug, submission.id)).toEqual([]);
    expect(await uploads().listBlobDeletions(100)).toEqual([stale.blobKey, kept.blobKey]);
    await uploads().forgetBlobDeletions([stale.blobKey]);
    expect(await uploads().listBlobDeletions(100)).toEqual([kept.blobKey]);
    expect(await uploads().findUnbound(B.slug, SERVICE, fresh.tokenHash, nextTime())).toBeDefined();
  });
});
