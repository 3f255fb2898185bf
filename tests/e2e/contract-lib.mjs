// The API contract (docs/api/openapi.yaml) as validators: shared by contract.mjs (the contract against the code and
// the mock) and the reference server's end-to-end tests (its answers and the portal's writes against the contract).

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export const root = process.env.PORTAL_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const contractFile = join(root, 'docs', 'api', 'openapi.yaml');

/** The contract, parsed, with `resolve(ref)`, `deref(node)`, `validator(schemaName)` and `answerSchema(response)`. */
export function loadContract() {
  const contract = parse(readFileSync(contractFile, 'utf8'));

  /** The value a local `$ref` (`#/a/b`) points at, or undefined. */
  const resolve = (ref) => {
    if (!ref.startsWith('#/')) return undefined;
    let node = contract;
    for (const token of ref.slice(2).split('/')) {
      const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
      if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
      node = node[key];
    }
    return node;
  };
  const deref = (node) => (node && typeof node.$ref === 'string' ? resolve(node.$ref) : node);

  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  // The schemas refer to each other as `#/components/schemas/…`, as in the contract.
  ajv.addKeyword({ keyword: 'components' });
  ajv.addSchema({ $id: 'contract', components: { schemas: contract.components.schemas } });
  const validators = new Map();
  /** A validator for the schema `name` in components/schemas (throws if it does not compile). */
  const validator = (name) => {
    if (!validators.has(name)) validators.set(name, ajv.getSchema(`contract#/components/schemas/${name}`));
    return validators.get(name);
  };

  /** The schema name a JSON answer refers to. */
  const answerSchema = (response) => {
    const ref = deref(response)?.content?.['application/json']?.schema?.$ref ??
      deref(response)?.content?.['application/problem+json']?.schema?.$ref;
    return ref?.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : undefined;
  };

  /** What is wrong with `value` as the schema `name` (empty: nothing). */
  const problems = (name, value) => {
    const validate = validator(name);
    if (!validate) return [`no schema ${name}`];
    return validate(value) ? [] : validate.errors.map((e) => `${e.instancePath || '/'}: ${e.message} (${e.schemaPath})`);
  };

  return { contract, resolve, deref, validator, answerSchema, problems };
}
