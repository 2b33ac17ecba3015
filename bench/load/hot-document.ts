import autocannon from 'autocannon';

export interface HotDocumentResult {
  /** Answers with a 2xx status per second: a failed update is not throughput. */
  okPerSecond: number;
  /** Answers that were not 2xx, and connection errors: 0 when no concurrent update fails. */
  failed: number;
}

/**
 * The hot document (issue 10): `connections` connections updating the same Kuzzle user with one token (PUT /_me,
 * default retryOnConflict) for `seconds`. Only 2xx answers count, so a mock that turns contention into
 * too_many_changes errors scores what it really served. Bounded by autocannon's duration.
 */
export async function hotDocument(base: string, token: string, connections: number, seconds: number): Promise<HotDocumentResult> {
  const result = await autocannon({
    url: `${base}/_me`,
    method: 'PUT',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ fullname: 'Walter Smith', hot: true }),
  });
  const elapsedSeconds = (result.finish.getTime() - result.start.getTime()) / 1000 || seconds;
  return { okPerSecond: result['2xx'] / elapsedSeconds, failed: result.non2xx + result.errors };
}
