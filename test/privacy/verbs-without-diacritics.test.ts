import { describe, expect, it } from 'vitest';
import { PrivacyGuard } from '../../privacy/index.js';

// Written for this file (session 12); no case is taken from an evaluation set.
const guard = new PrivacyGuard();

describe('a name that is also a word, before a verb typed without å/ä/ö', () => {
  it.each(['stig slar sin lillebror nar de leker', 'bjorn grater varje morgon vid lamningen', 'sten vagrar ga in efter rasten'])('refuses "%s"', (text) => {
    expect(guard.inspectText(text).categories).toContain('name');
  });

  it.each(['vad gor vi om en elev slar andra elever', 'hur mar barnet efter placeringen', 'eleven vagrar ga till skolan, ska vi anmala'])('leaves "%s" alone', (text) => {
    expect(guard.inspectText(text).identifying).toBe(false);
  });
});
