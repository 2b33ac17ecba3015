// Generated from specs/profiles/: do not edit, run `npm run generate`.

export const PROFILE_DEVIATIONS: Record<string, readonly string[]> = {
  "devicehive-4": ["devicehive.updateUser.auth.update-current-user-token","devicehive.updateCurrent.default.omitted-fields-unchanged","devicehive.updateCurrent.role-restriction.client-introreviewed","devicehive.all.validation.role-enum","devicehive.all.validation.status-enum","devicehive.updateUser.role-restriction.client-other-user","devicehive.all.envelope.http-error","devicehive.updateCurrent.validation.types"],
  "kuzzle-2.56": ["kuzzle.updateProfile.envelope.result-version","kuzzle.updateProfile.default.force-false"],
  "userapi-laravel": ["userapi.update.auth.bearer-scheme","userapi.update.validation.name-required","userapi.update.validation.name-alphabetic","userapi.update.validation.surname-required","userapi.update.validation.surname-alphabetic","userapi.update.validation.email-required","userapi.update.validation.email-format","userapi.update.validation.email-unique","userapi.update.validation.json-invalid","userapi.update.validation.unknown-field","userapi.update.validation.error-status-400"],
};
