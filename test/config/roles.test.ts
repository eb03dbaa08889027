import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRoles, parseRoles, RolesError } from '../../config/roles.js';
import { loadKnowledge } from '../../knowledge/load-knowledge.js';

const shippedRoles = path.resolve(import.meta.dirname, '../../config/roles.yaml');

function problemOf(raw: unknown, knownSchools?: string[]): RolesError {
  try {
    parseRoles('roles.yaml', raw, { knownSchools });
  } catch (error) {
    if (error instanceof RolesError) return error;
    throw error;
  }
  throw new Error('expected a RolesError');
}

describe('roles', () => {
  describe('when loading the shipped example', () => {
    it('validates against the schools in contacts.yaml and recognises people by object id or UPN, in any case', async () => {
      const knowledge = await loadKnowledge(path.resolve(import.meta.dirname, '../../knowledge'));
      const roles = await loadRoles(shippedRoles, { knownSchools: knowledge.contacts.schools.map((school) => school.name) });
      expect(roles.roleOf({ aadObjectId: '5D7A1C0E-3B1F-4C52-9D6E-0A1B2C3D4E01' })).toEqual({ role: 'socialsekreterare', area: 'norr' });
      expect(roles.roleOf({ upn: 'Rektor.Broangsskolan@botkyrka.se' })).toEqual({ role: 'rektor', school: 'Broängsskolan' });
      expect(roles.needsUpn).toBe(true);
    });
  });

  describe('when someone is not listed', () => {
    it('treats them as elevhälsa: they ask questions and book konsultationer', () => {
      const roles = parseRoles('roles.yaml', { people: [{ role: 'rektor', upn: 'a@b.se' }] });
      expect(roles.roleOf({ aadObjectId: '00000000-0000-0000-0000-000000000001', upn: 'x@b.se' })).toEqual({ role: 'elevhalsa' });
      expect(roles.roleOf({})).toEqual({ role: 'elevhalsa' });
      expect(roles.roleOf({ upn: 'a@b.se' })).toEqual({ role: 'rektor' });
    });
  });

  describe('when a user id is not a GUID (the Agents Playground\'s users)', () => {
    it('recognises them by that id, so a local test can make a Playground user socialsekreterare', () => {
      const roles = parseRoles('roles.yaml', { people: [{ role: 'socialsekreterare', area: 'norr', aadObjectId: '00000000-0000-0000-0000-0000000000020' }, { role: 'rektor', aadObjectId: 'user-id-1' }] });
      expect(roles.roleOf({ aadObjectId: '00000000-0000-0000-0000-0000000000020' })).toEqual({ role: 'socialsekreterare', area: 'norr' });
      expect(roles.roleOf({ aadObjectId: 'user-id-1' })).toEqual({ role: 'rektor' });
      expect(roles.needsUpn).toBe(false);
    });

    it('still refuses an id with a space or a sign-in address in the object id field', () => {
      expect(problemOf({ people: [{ role: 'elevhalsa', aadObjectId: 'user id 0' }] }).field).toBe('people.0.aadObjectId');
      expect(problemOf({ people: [{ role: 'elevhalsa', aadObjectId: 'kim@botkyrka.se' }] }).field).toBe('people.0.aadObjectId');
    });
  });

  describe('when the file is wrong', () => {
    it('names the field of an entry without an identity', () => {
      const error = problemOf({ people: [{ role: 'elevhalsa' }] });
      expect(error.code).toBe('ROLES_INVALID');
      expect(error.field).toBe('people.0.aadObjectId');
      expect(error.message).toContain('roles.yaml');
    });

    it('names an unknown area, role or extra field', () => {
      expect(problemOf({ people: [{ role: 'socialsekreterare', area: 'vast', upn: 'a@b.se' }] }).field).toBe('people.0.area');
      expect(problemOf({ people: [{ role: 'chef', upn: 'a@b.se' }] }).field).toBe('people.0.role');
      expect(problemOf({ people: [{ role: 'elevhalsa', upn: 'a@b.se', name: 'Kim' }] }).field).toBe('people.0');
    });

    it('refuses a person listed twice and a school that is not in contacts.yaml', () => {
      expect(problemOf({ people: [{ role: 'elevhalsa', upn: 'a@b.se' }, { role: 'rektor', upn: 'A@b.se' }] }).field).toBe('people.1.upn');
      expect(problemOf({ people: [{ role: 'rektor', school: 'Okända skolan', upn: 'a@b.se' }] }, ['Broängsskolan']).field).toBe('people.0.school');
    });

    describe('on disk', () => {
      let dir: string;
      beforeAll(async () => {
        dir = await mkdtemp(path.join(tmpdir(), 'roles-'));
      });
      afterAll(async () => {
        await rm(dir, { recursive: true, force: true });
      });

      it('says when the file is missing or not YAML', async () => {
        await expect(loadRoles(path.join(dir, 'missing.yaml'))).rejects.toMatchObject({ code: 'ROLES_INVALID', field: '(fil)' });
        await writeFile(path.join(dir, 'broken.yaml'), 'people: [ {role: rektor');
        await expect(loadRoles(path.join(dir, 'broken.yaml'))).rejects.toThrow(/inte giltig YAML/);
      });
    });
  });
});
