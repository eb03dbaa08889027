import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../knowledge/load-knowledge.js';

const knowledgeDir = path.resolve(import.meta.dirname, '../../knowledge');

/** A fresh copy of the shipped knowledge files for each test of the describe it is called in (`copy.dir`), removed after it. */
function knowledgeCopy(): { dir: string } {
  const copy = { dir: '' };
  beforeEach(async () => {
    copy.dir = await mkdtemp(path.join(tmpdir(), 'kb-'));
    await cp(knowledgeDir, copy.dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
  });
  afterEach(async () => {
    await rm(copy.dir, { recursive: true, force: true });
  });
  return copy;
}

describe('loadKnowledge', () => {
  describe('when loading the shipped knowledge base', () => {
    it('validates every entry, its source and the contact data', async () => {
      const knowledge = await loadKnowledge(knowledgeDir);
      expect(knowledge.entries.length).toBeGreaterThanOrEqual(40);
      for (const entry of knowledge.entries) {
        expect(entry.source.document.title.length).toBeGreaterThan(3);
        expect(entry.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      const areas = knowledge.contacts.mottagningssektioner.map((s) => s.area).sort();
      expect(areas).toEqual(['norr', 'sodra']);
    });

    it('covers the topics of the primary routine', async () => {
      const knowledge = await loadKnowledge(knowledgeDir);
      const fromPrimary = knowledge.entries.filter((e) => e.source.document.file.startsWith('001_'));
      expect(fromPrimary.length).toBeGreaterThanOrEqual(20);
    });
  });

  describe('when entries share a gap of gaps.yaml', () => {
    const copy = knowledgeCopy();

    it('gives each entry that names it the same words and sentence, or the entry\'s own words with that sentence', async () => {
      const knowledge = await loadKnowledge(copy.dir);
      const saysOf = (id: string) => knowledge.byId(id)!.gaps.map((g) => g.says);
      const police = saysOf('samverkansplikt');
      expect(police).toHaveLength(2);
      expect(police[0]).toContain('när skolan får lämna uppgifter till polisen säger rutinerna inget om');
      expect(police[1]).toBe(police[0]);
      expect(knowledge.byId('samverkansplikt')!.gaps[1]!.asks).not.toEqual(knowledge.byId('samverkansplikt')!.gaps[0]!.asks);
      expect(saysOf('uppgiftsskyldighet')).toEqual(police);
      expect(knowledge.byId('sekretess-skola-socialtjanst')!.gaps.filter((g) => g.says === police[0])).toHaveLength(2);
    });

    it('fills the telephone hours into a gap sentence from contacts.yaml, so one change there changes both', async () => {
      const hoursGap = (k: Awaited<ReturnType<typeof loadKnowledge>>, id: string) => k.byId(id)!.gaps.find((g) => g.says.includes('ordinarie telefontider'))!.says;
      const before = await loadKnowledge(copy.dir);
      expect(hoursGap(before, 'socialjouren')).toContain('måndag 08.30–18.00, tisdag–torsdag 08.30–16.00, fredag 08.30–14.00, lunchstängt 12.00–13.00');
      await writeFile(path.join(copy.dir, 'contacts.yaml'), (await readFile(path.join(copy.dir, 'contacts.yaml'), 'utf8')).replace('{ weekdays: [1], open: "08:30", close: "18:00" }', '{ weekdays: [1], open: "09:00", close: "17:00" }'));
      const after = await loadKnowledge(copy.dir);
      for (const id of ['socialjouren', 'telefontider-mottagningen']) expect(hoursGap(after, id)).toContain('måndag 09.00–17.00, tisdag–torsdag');
    });
  });

  describe('when a file is broken', () => {
    const copy = knowledgeCopy();

    async function edit(file: string, change: (text: string) => string): Promise<void> {
      const full = path.join(copy.dir, file);
      await writeFile(full, change(await readFile(full, 'utf8')));
    }

    async function loadError(): Promise<KnowledgeError> {
      const error = await loadKnowledge(copy.dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KnowledgeError);
      return error as KnowledgeError;
    }

    it('names the entry and the field for a bad review date', async () => {
      await edit('entries/anmalningsskyldighet.md', (t) => t.replace(/^lastReviewed:.*$/m, 'lastReviewed: snart'));
      const error = await loadError();
      expect(error.file).toBe('entries/anmalningsskyldighet.md');
      expect(error.field).toBe('lastReviewed');
      expect(error.code).toBe('KNOWLEDGE_INVALID');
    });

    it('names the entry for an unknown source document', async () => {
      await edit('entries/anmalningsskyldighet.md', (t) => t.replace(/document: .*/, 'document: finns-inte'));
      const error = await loadError();
      expect(error.field).toBe('source.document');
    });

    it('names the entry for front matter that is not YAML', async () => {
      await edit('entries/anmalningsskyldighet.md', (t) => t.replace(/^title:(.*)$/m, 'title: [oavslutad'));
      expect((await loadError()).file).toBe('entries/anmalningsskyldighet.md');
    });

    it('names the field for a bad phone number in contacts.yaml', async () => {
      await edit('contacts.yaml', (t) => t.replace('08-530 622 55', 'ring oss'));
      const error = await loadError();
      expect(error.file).toBe('contacts.yaml');
      expect(error.field).toMatch(/^mottagningssektioner\.0\.phone$/);
    });

    it('refuses a followUp that names no entry, or one without a point', async () => {
      await edit('entries/orosanmalan.md', (t) => t.replace(/^followUp: .*$/m, 'followUp: finns-inte'));
      expect((await loadError()).field).toBe('followUp');
      await edit('entries/orosanmalan.md', (t) => t.replace(/^followUp: .*$/m, 'followUp: konsultation'));
      const error = await loadError();
      expect(error.field).toBe('followUp');
      expect(error.message).toMatch(/saknar point/);
    });

    it('refuses a gap asked by one word group only, naming the field', async () => {
      await edit('entries/checklista-anmalan.md', (t) => t.replace(/^ {2}- asks: \[\[(.*?)\], \[.*\]\]$/m, '  - asks: [[$1]]'));
      const error = await loadError();
      expect(error.file).toBe('entries/checklista-anmalan.md');
      expect(error.field).toBe('gaps.0.asks');
    });

    it('refuses a gap named by an id gaps.yaml does not have, naming the entry, the field and the id', async () => {
      await edit('entries/socialjouren.md', (t) => t.replace('  - gap: telefontider-lov-och-helger', '  - gap: telefontider-pa-lovet'));
      const error = await loadError();
      expect(error.file).toBe('entries/socialjouren.md');
      expect(error.field).toBe('gaps.0.gap');
      expect(error.message).toContain('okänd lucka "telefontider-pa-lovet"');
    });

    it('refuses a shared gap without words that ask it when the entry gives none either', async () => {
      await edit('gaps.yaml', (t) => t.replace(/^(- id: telefontider-lov-och-helger\n) {2}asks: .*\n/mu, '$1'));
      const error = await loadError();
      expect(error.file).toBe('entries/socialjouren.md');
      expect(error.field).toBe('gaps.0.asks');
    });

    it('refuses an id given twice in gaps.yaml, and a placeholder it does not know', async () => {
      await edit('gaps.yaml', (t) => t.replace('- id: sip-vantetid', '- id: referenssamtal-langd'));
      expect((await loadError()).message).toContain('"referenssamtal-langd" finns redan');
      await edit('gaps.yaml', (t) => t.replace('- id: referenssamtal-langd\n  asks: [[länge', '- id: sip-vantetid\n  asks: [[länge').replace('– {telefontider} –', '– {oppettider} –'));
      const error = await loadError();
      expect(error.file).toBe('gaps.yaml');
      expect(error.message).toContain('okänd platshållare {oppettider}');
    });

    it('refuses a contact the bot cannot give a number for', async () => {
      await edit('entries/orosanmalan.md', (t) => t.replace(/^contact: .*$/m, 'contact: rektor'));
      expect((await loadError()).field).toBe('contact');
    });

    it('refuses a second entry that claims a situation another entry answers, naming both', async () => {
      await edit('entries/anmalningsskyldighet.md', (t) => t.replace(/^status: current$/m, 'situation: unsure-whether-to-report\nstatus: current'));
      const error = await loadError();
      // The entries are read in the order of their files: the later one is refused, the earlier one named.
      expect(error.file).toBe('entries/konsultation.md');
      expect(error.field).toBe('situation');
      expect(error.message).toContain('anger "unsure-whether-to-report", som posten "anmalningsskyldighet" (entries/anmalningsskyldighet.md) redan anger');
    });

    it('refuses a situation the bot does not know', async () => {
      await edit('entries/konsultation.md', (t) => t.replace(/^situation: .*$/m, 'situation: osaker'));
      expect((await loadError()).field).toBe('situation');
    });

    it('refuses a school mapped to an unknown area', async () => {
      await edit('contacts.yaml', (t) => t.replace(/lsg: tumba/, 'lsg: atlantis'));
      expect((await loadError()).field).toMatch(/^schools\.\d+\.lsg$/);
    });
  });
});
