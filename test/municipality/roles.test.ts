import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRoles, parseRoles, RolesError, type RoleLookup } from '../../municipality/roles.js';
import { loadKnowledge } from '../../knowledge/load-knowledge.js';

const shippedRoles = path.resolve(import.meta.dirname, '../../knowledge/roles.yaml');
const TENANT = '9c2e4f1a-0b7d-4e3a-8f61-2d5c7b9a1e40';
const OTHER_TENANT = '0f0e0d0c-0b0a-4909-8807-060504030201';
const OID = 'a0000000-0000-4000-8000-000000000001';

function problemOf(raw: unknown, knownSchools?: string[]): RolesError {
  return parseRolesError(raw, { knownSchools });
}

function parseRolesError(raw: unknown, options: { knownSchools?: string[]; knownAreas?: string[] }): RolesError {
  try {
    parseRoles('roles.yaml', raw, options);
  } catch (error) {
    if (error instanceof RolesError) return error;
    throw error;
  }
  throw new Error('expected a RolesError');
}

describe('roles', () => {
  describe('when loading the shipped example', () => {
    it('validates against the schools in contacts.yaml and recognises people by object id, in any case', async () => {
      const knowledge = await loadKnowledge(path.resolve(import.meta.dirname, '../../knowledge'));
      const roles = await loadRoles(shippedRoles, { knownSchools: knowledge.contacts.schools.map((school) => school.name) });
      expect(roles.roleOf({ aadObjectId: '5D7A1C0E-3B1F-4C52-9D6E-0A1B2C3D4E01' })).toEqual({ role: 'socialsekreterare', area: 'norr' });
      expect(roles.roleOf({ aadObjectId: '5d7a1c0e-3b1f-4c52-9d6e-0a1b2c3d4e11' })).toEqual({ role: 'rektor', school: 'Broängsskolan' });
      expect(roles.people.every((person) => person.aadObjectId)).toBe(true);
    });
  });

  describe('when someone is not listed', () => {
    it('treats them as elevhälsa: they ask questions and book konsultationer', () => {
      const roles = parseRoles('roles.yaml', { people: [{ role: 'rektor', aadObjectId: OID, upn: 'a@b.se' }] });
      expect(roles.roleOf({ aadObjectId: '00000000-0000-0000-0000-000000000002' })).toEqual({ role: 'elevhalsa' });
      expect(roles.roleOf({})).toEqual({ role: 'elevhalsa' });
      expect(roles.roleOf({ aadObjectId: OID })).toEqual({ role: 'rektor' });
    });
  });

  describe('when a lookup carries the sign-in name of a listed person but another object id', () => {
    it('gives no role: the UPN in the file is only a label, since a sign-in name can be renamed and reused', () => {
      const roles = parseRoles('roles.yaml', { people: [{ role: 'rektor', school: 'Broängsskolan', aadObjectId: OID, upn: 'rektor@botkyrka.se' }] });
      const impostor = { aadObjectId: '00000000-0000-0000-0000-000000000009', upn: 'rektor@botkyrka.se' } as RoleLookup;
      expect(roles.roleOf(impostor)).toEqual({ role: 'elevhalsa' });
      expect(roles.roleOf({ upn: 'rektor@botkyrka.se' } as RoleLookup)).toEqual({ role: 'elevhalsa' });
    });
  });

  describe('when the file names the organisation\'s tenant', () => {
    const roles = parseRoles('roles.yaml', { tenantId: TENANT.toUpperCase(), people: [{ role: 'socialsekreterare', area: 'sodra', aadObjectId: OID }] });

    it('recognises the object id only in that tenant, in any case', () => {
      expect(roles.tenantId).toBe(TENANT);
      expect(roles.roleOf({ tenantId: TENANT, aadObjectId: OID.toUpperCase() })).toEqual({ role: 'socialsekreterare', area: 'sodra' });
    });

    it('gives no role to the same object id from another tenant, or from no tenant', () => {
      expect(roles.roleOf({ tenantId: OTHER_TENANT, aadObjectId: OID })).toEqual({ role: 'elevhalsa' });
      expect(roles.roleOf({ aadObjectId: OID })).toEqual({ role: 'elevhalsa' });
    });

    it('refuses a tenant id with a space', () => {
      expect(problemOf({ tenantId: 'botkyrka kommun', people: [] }).field).toBe('tenantId');
    });
  });

  describe('when a user id is not a GUID (the Agents Playground\'s users)', () => {
    it('recognises them by that id, so a local test can make a Playground user socialsekreterare', () => {
      const roles = parseRoles('roles.yaml', { people: [{ role: 'socialsekreterare', area: 'norr', aadObjectId: '00000000-0000-0000-0000-0000000000020' }, { role: 'rektor', aadObjectId: 'user-id-1' }] });
      expect(roles.roleOf({ aadObjectId: '00000000-0000-0000-0000-0000000000020' })).toEqual({ role: 'socialsekreterare', area: 'norr' });
      expect(roles.roleOf({ aadObjectId: 'user-id-1' })).toEqual({ role: 'rektor' });
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

    it('refuses an entry with only a sign-in name, saying that it gives no role', () => {
      const error = problemOf({ people: [{ role: 'rektor', aadObjectId: OID }, { role: 'rektor', school: 'Broängsskolan', upn: 'rektor@botkyrka.se' }] });
      expect(error.field).toBe('people.1.aadObjectId');
      expect(error.message).toContain('upn ensam ger ingen roll');
    });

    it('names an unknown area, role or extra field', () => {
      expect(problemOf({ people: [{ role: 'socialsekreterare', area: 'Väst', aadObjectId: OID }] }).field).toBe('people.0.area');
      expect(parseRolesError({ people: [{ role: 'socialsekreterare', area: 'vast', aadObjectId: OID }] }, { knownAreas: ['norr', 'sodra'] }).field).toBe('people.0.area');
      expect(problemOf({ people: [{ role: 'chef', aadObjectId: OID }] }).field).toBe('people.0.role');
      expect(problemOf({ people: [{ role: 'elevhalsa', aadObjectId: OID, name: 'Kim' }] }).field).toBe('people.0');
      expect(problemOf({ tenant: TENANT, people: [] }).field).toBe('(fil)');
    });

    it('refuses a person listed twice and a school that is not in contacts.yaml', () => {
      expect(problemOf({ people: [{ role: 'elevhalsa', aadObjectId: OID }, { role: 'rektor', aadObjectId: OID.toUpperCase() }] }).field).toBe('people.1.aadObjectId');
      expect(problemOf({ people: [{ role: 'elevhalsa', aadObjectId: OID, upn: 'a@b.se' }, { role: 'rektor', aadObjectId: 'b-2', upn: 'A@b.se' }] }).field).toBe('people.1.upn');
      expect(problemOf({ people: [{ role: 'rektor', school: 'Okända skolan', aadObjectId: OID }] }, ['Broängsskolan']).field).toBe('people.0.school');
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
