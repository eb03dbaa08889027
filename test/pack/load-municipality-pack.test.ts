import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BOOKING_RULES } from '../../booking/availability-rules.js';
import { ConfigError } from '../../config/config.js';
import { PackFileError } from '../../municipality/pack-files.js';
import { RolesError } from '../../municipality/roles.js';
import { checkEscalationAreas, loadMunicipalityPack } from '../../pack/load-municipality-pack.js';

const botkyrka = path.resolve(import.meta.dirname, '../../knowledge');

describe('loadMunicipalityPack', () => {
  describe('when loading the Botkyrka pack', () => {
    it('validates the knowledge, routines, booking rules and roles together', async () => {
      const pack = await loadMunicipalityPack(botkyrka, { rolesFile: path.join(botkyrka, 'roles.yaml') });

      expect(pack.knowledge.contacts.mottagningssektioner.map((section) => section.area)).toEqual(['norr', 'sodra']);
      expect(pack.routines.konsultation.guidance.parts.length).toBeGreaterThan(3);
      expect(pack.bookingRules).toEqual(DEFAULT_BOOKING_RULES);
      expect(pack.roles.roleOf({ aadObjectId: '5d7a1c0e-3b1f-4c52-9d6e-0a1b2c3d4e02' })).toEqual({ role: 'socialsekreterare', area: 'sodra' });
    });
  });

  describe('when a file of the pack is broken', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'pack-'));
      await cp(botkyrka, dir, { recursive: true, filter: (source) => !source.endsWith('.ts') });
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    async function edit(file: string, change: (text: string) => string): Promise<void> {
      const full = path.join(dir, file);
      await writeFile(full, change(await readFile(full, 'utf8')));
    }

    async function loadError(): Promise<Error & { file?: string; field?: string }> {
      const error = await loadMunicipalityPack(dir, { rolesFile: path.join(dir, 'roles.yaml') }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Error);
      return error as Error & { file?: string; field?: string };
    }

    it('names routines.yaml and the field when a step cites an entry that does not exist', async () => {
      await edit('routines.yaml', (text) => text.replace('sources: [ansvaret-for-anmalan]', 'sources: [ansvaret-for-anmalningen]'));
      const error = await loadError();
      expect(error).toBeInstanceOf(PackFileError);
      expect(error.message).toContain('routines.yaml');
      expect(error.field).toBe('konsultation.guidance.parts.4.sources.0');
    });

    it('names the field of a placeholder the bot cannot fill there', async () => {
      await edit('routines.yaml', (text) => text.replace('Telefontider: {telefontider}.', 'Telefontider: {oppettider}.'));
      const error = await loadError();
      expect(error.field).toBe('konsultation.guidance.parts.3.text');
      expect(error.message).toContain('{oppettider}');
    });

    it('names a missing label of a consultation option', async () => {
      await edit('routines.yaml', (text) => text.replace('        langre: Mer än ett halvår\n', ''));
      expect((await loadError()).field).toBe('konsultation.questions.duration.options.langre');
    });

    it('refuses an option label too long for a button at phone width, naming the field', async () => {
      await edit('routines.yaml', (text) => text.replace('        behov: Behoven tillgodoses inte\n', '        behov: Behoven tillgodoses inte hemma (t.ex. mat, sömn, hygien)\n'));
      const error = await loadError();
      expect(error.field).toBe('konsultation.questions.concern.options.behov');
      expect(error.message).toContain('högst 30 tecken');
    });

    it('names booking-rules.yaml and the field when a rule is impossible', async () => {
      await edit('booking-rules.yaml', (text) => text.replace('dayEnd: "19:00"', 'dayEnd: "06:00"'));
      const error = await loadError();
      expect(error).toBeInstanceOf(PackFileError);
      expect(error.message).toContain('booking-rules.yaml');
      expect(error.field).toBe('dayEnd');
    });

    it('refuses a socialsekreterare in an area contacts.yaml does not have', async () => {
      await edit('roles.yaml', (text) => text.replace('{ role: socialsekreterare, area: sodra,', '{ role: socialsekreterare, area: vast,'));
      const error = await loadError();
      expect(error).toBeInstanceOf(RolesError);
      expect(error.field).toBe('people.2.area');
    });

    it('refuses a school that is mapped to an area without a mottagningssektion', async () => {
      await edit('contacts.yaml', (text) => text.replace('{ key: tumba, name: "Tumba", area: sodra }', '{ key: tumba, name: "Tumba", area: syd }'));
      const error = await loadError();
      expect(error.message).toContain('contacts.yaml');
      expect(error.field).toBe('lsgAreas.3.area');
    });
  });

  describe('when ESCALATION_CHANNELS names an area', () => {
    it('accepts the pack’s areas and refuses others, naming the setting', async () => {
      const pack = await loadMunicipalityPack(botkyrka, { rolesFile: path.join(botkyrka, 'roles.yaml') });

      expect(() => checkEscalationAreas({ norr: '19:a@thread.tacv2', sodra: '19:b@thread.tacv2' }, pack)).not.toThrow();
      expect(() => checkEscalationAreas({ vast: '19:a@thread.tacv2' }, pack)).toThrow(ConfigError);
      expect(() => checkEscalationAreas({ vast: '19:a@thread.tacv2' }, pack)).toThrow(/ESCALATION_CHANNELS: "vast" is not an area in contacts.yaml \(areas: norr, sodra\)/);
    });
  });
});
