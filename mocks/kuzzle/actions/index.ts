import type { ActionHandler } from '../context.ts';
import { checkToken, getCurrentUser, login, logout } from './auth-session.ts';
import { createProfile, deleteProfile, getProfile, searchProfiles } from './security-profiles.ts';
import { createRole, deleteRole, getRole } from './security-roles.ts';
import { createFirstAdmin, createUser, deleteUser, getUser, searchUsers } from './security-users.ts';
import { info, now, publicApi, serverAdminExists } from './server.ts';
import { collectionExists, createCollection, createIndex, deleteIndex, indexExists } from './storage.ts';
import { updateProfile } from './update-profile.ts';
import { updateSelf } from './update-self.ts';

/**
 * The actions the mock serves, by "controller:action". Other native actions exist (the route table and
 * server:publicApi list them) but answer 404 api.process.action_not_found.
 */
export const ACTIONS: Record<string, ActionHandler> = {
  'auth:login': login,
  'auth:logout': logout,
  'auth:checkToken': checkToken,
  'auth:getCurrentUser': getCurrentUser,
  'auth:updateSelf': updateSelf,
  'security:createUser': createUser,
  'security:getUser': getUser,
  'security:deleteUser': deleteUser,
  'security:searchUsers': searchUsers,
  'security:createFirstAdmin': createFirstAdmin,
  'security:createRole': createRole,
  'security:getRole': getRole,
  'security:deleteRole': deleteRole,
  'security:createProfile': createProfile,
  'security:getProfile': getProfile,
  'security:deleteProfile': deleteProfile,
  'security:searchProfiles': searchProfiles,
  'security:updateProfile': updateProfile,
  'index:create': createIndex,
  'index:delete': deleteIndex,
  'index:exists': indexExists,
  'collection:create': createCollection,
  'collection:exists': collectionExists,
  'server:now': now,
  'server:info': info,
  'server:publicApi': publicApi,
  'server:adminExists': serverAdminExists,
};
