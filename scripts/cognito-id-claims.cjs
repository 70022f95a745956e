// Preloaded into cognito-local (`node --require`) so that its ID tokens carry the claims
// Cognito's do, the ones the pages decide whose account it is by.
//
// cognito-local 5.3 writes `email_verified` as `Boolean(attribute)`, so an address whose
// attribute says "false" reads as verified, and it leaves out `phone_number`,
// `phone_number_verified` and `preferred_username`. Cognito puts each of these into the ID
// token from the user's attributes, the two `_verified` claims as booleans. The claims are
// added through cognito-local's own PreTokenGeneration step (its claimsToAddOrOverride),
// which runs after the token's claims are gathered and before it is signed; a pool's own
// PreTokenGeneration trigger, when it has one, still runs first and its overrides are kept.
const Module = require('node:module');

/** The claims Cognito derives from `attributes` (a user's [{ Name, Value }] list). */
function cognitoClaims(attributes = []) {
  const value = (name) => attributes.find((attribute) => attribute.Name === name)?.Value;
  const claims = {};
  for (const name of ['email', 'phone_number']) {
    if (value(name) === undefined) continue;
    claims[name] = value(name);
    claims[`${name}_verified`] = value(`${name}_verified`) === 'true';
  }
  if (value('preferred_username') !== undefined) claims.preferred_username = value('preferred_username');
  return claims;
}

const load = Module._load;
Module._load = function loadWithCognitoClaims(request, ...rest) {
  const loaded = load.call(this, request, ...rest);
  const generator = loaded?.JwtTokenGenerator?.prototype;
  if (!generator || generator.cognitoClaims) return loaded;
  const generate = generator.generate;
  generator.cognitoClaims = true;
  generator.generate = function generateWithCognitoClaims(...args) {
    const triggers = this.triggers;
    const faithful = {
      enabled: (name) => name === 'PreTokenGeneration' || triggers.enabled(name),
      preTokenGeneration: async (ctx, event) => {
        const own = triggers.enabled('PreTokenGeneration') ? await triggers.preTokenGeneration(ctx, event) : {};
        const details = own?.claimsOverrideDetails ?? {};
        const added = { ...cognitoClaims(event.userAttributes), ...details.claimsToAddOrOverride };
        return { ...own, claimsOverrideDetails: { ...details, claimsToAddOrOverride: added } };
      },
    };
    return generate.apply(Object.create(this, { triggers: { value: faithful } }), args);
  };
  return loaded;
};
