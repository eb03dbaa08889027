/** A small client for the tab's JSON API, as the page calls it. */
export interface TabClient {
  week(from?: string): Promise<TabResponse>;
  postSlots(body: unknown): Promise<TabResponse>;
  cancelSlot(id: string): Promise<TabResponse>;
  book(body: unknown): Promise<TabResponse>;
  cancelBooking(reference: string): Promise<TabResponse>;
  chooseSchool(school: string): Promise<TabResponse>;
}

/** Status and parsed JSON body of one call. */
export interface TabResponse {
  readonly status: number;
  /** Whatever the API answered, for the test to read. */
  readonly body: any;
  readonly headers: Headers;
}

/** Calls the API at `baseUrl` with the given headers (`x-dev-user` or `authorization`). */
export function tabClient(baseUrl: string, headers: Record<string, string>): TabClient {
  const call = async (method: string, path: string, body?: unknown): Promise<TabResponse> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: response.headers };
  };
  return {
    week: (from) => call('GET', `/api/tab/week${from ? `?from=${from}` : ''}`),
    postSlots: (body) => call('POST', '/api/tab/slots', body),
    cancelSlot: (id) => call('DELETE', `/api/tab/slots/${encodeURIComponent(id)}`),
    book: (body) => call('POST', '/api/tab/bookings', body),
    cancelBooking: (reference) => call('DELETE', `/api/tab/bookings/${encodeURIComponent(reference)}`),
    chooseSchool: (school) => call('PUT', '/api/tab/school', { school }),
  };
}

/** Every entry of a week view, flattened, with its day. */
export function entriesOf(week: any): { day: string; id: string; time: string; state: string; kind: string; title: string; lines: string[]; reference?: string; actions: any[] }[] {
  return week.days.flatMap((day: any) => day.entries.map((entry: any) => ({ day: day.date, ...entry })));
}
