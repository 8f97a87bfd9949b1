/** True in the test run on PostgreSQL (KREISFORM_TEST_BACKEND=postgres): servers started by tests use a new database. */
export function isPostgresRun(): boolean {
  return process.env.KREISFORM_TEST_BACKEND === 'postgres';
}
