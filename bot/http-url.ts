/** The URL `raw` names when it is an http(s) URL; undefined for anything else. */
export function httpUrlOf(raw: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
}
