// Checks the API contract, docs/api/openapi.yaml, against the code and the mock backend, so the three cannot drift:
//
// - the contract itself: OpenAPI 3.1, every `$ref` resolves, every schema compiles (JSON Schema 2020-12, strict), and
//   every operation answers as the contract's own rules say (a read has an ETag; a write takes If-Match, answers 412
//   with the current document, and 401, 422, 428, 429);
// - the code: every document src/api/endpoint.rs names is a path with a read, and every document path is one it
//   names; every enumeration the domain decodes (`from_json_enum!` in src/domain/) has a schema of the same name with
//   exactly its values;
// - the mock backend: every file in public/api/ validates against the schema its path answers with, and every demo
//   user has every document about the user.
//
// Usage: node tests/e2e/contract.mjs. Prints what it checked; exits non-zero with every mismatch listed.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contractFile, loadContract, root } from './contract-lib.mjs';

const { contract, resolve, deref, validator, answerSchema } = loadContract();
const problems = [];
const problem = (text) => problems.push(text);

// The contract itself.
if (!/^3\.1\.\d+$/.test(String(contract.openapi))) problem(`openapi is ${contract.openapi}, not 3.1.x`);

(function visit(node, where) {
  if (Array.isArray(node)) node.forEach((item, i) => visit(item, `${where}/${i}`));
  else if (node && typeof node === 'object') {
    if (typeof node.$ref === 'string' && resolve(node.$ref) === undefined) problem(`${where}: $ref ${node.$ref} does not resolve`);
    for (const [key, value] of Object.entries(node)) visit(value, `${where}/${key}`);
  }
})(contract, '#');

for (const name of Object.keys(contract.components.schemas)) {
  try {
    validator(name);
  } catch (error) {
    problem(`schema ${name} does not compile: ${error.message}`);
  }
}

const operations = [];
for (const [path, item] of Object.entries(contract.paths)) {
  for (const method of ['get', 'put', 'post', 'patch', 'delete']) {
    if (item[method]) operations.push({ path, method, operation: item[method] });
  }
}
const ids = new Set();
for (const { path, method, operation } of operations) {
  const at = `${method.toUpperCase()} ${path}`;
  if (!operation.operationId || ids.has(operation.operationId)) problem(`${at}: no operationId, or one used twice`);
  ids.add(operation.operationId);
  const answers = operation.responses ?? {};
  const mockOnly = operation['x-mock-only'] === true;
  const document = path.endsWith('.json');
  if (method === 'get' && document && !mockOnly) {
    if (!answerSchema(answers['200'])) problem(`${at}: 200 has no JSON schema`);
    if (!deref(answers['200'])?.headers?.ETag) problem(`${at}: 200 has no ETag`);
    for (const status of ['304', '429', '5XX']) if (!answers[status]) problem(`${at}: no ${status} answer`);
    if (operation.security?.length !== 0 && !answers['401']) problem(`${at}: no 401 answer`);
  }
  if (method === 'put' && document) {
    const parameters = (operation.parameters ?? []).map(deref);
    if (!parameters.some((p) => p?.in === 'header' && p.name === 'If-Match' && p.required)) problem(`${at}: no If-Match`);
    const body = operation.requestBody?.content?.['application/json']?.schema?.$ref;
    const read = contract.paths[path].get ? answerSchema(contract.paths[path].get.responses['200']) : undefined;
    if (!body || body !== `#/components/schemas/${read}`) problem(`${at}: the body is not the document GET answers with`);
    if (answerSchema(answers['412']) !== read) problem(`${at}: 412 does not answer with the current document`);
    for (const status of ['200', '401', '403', '409', '422', '428', '429', '5XX']) {
      if (!answers[status]) problem(`${at}: no ${status} answer`);
    }
  }
}

// The code.
const endpointSource = readFileSync(join(root, 'src', 'api', 'endpoint.rs'), 'utf8');
const endpointFiles = new Set([...endpointSource.matchAll(/Endpoint::\w+ => "([a-z_]+\.json)"/g)].map((m) => m[1]));
if (endpointFiles.size === 0) problem('src/api/endpoint.rs: no document file names found');
const documentPaths = new Set(Object.keys(contract.paths).filter((path) => path.endsWith('.json')));
for (const file of endpointFiles) {
  if (!contract.paths[`/${file}`]?.get) problem(`src/api/endpoint.rs names ${file}; the contract has no GET /${file}`);
}
for (const path of documentPaths) {
  if (!endpointFiles.has(path.slice(1))) problem(`the contract has ${path}; src/api/endpoint.rs does not name it`);
}

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}
let enums = 0;
for (const file of files(join(root, 'src', 'domain'))) {
  if (!file.endsWith('.rs')) continue;
  // Only the macro at the start of a line: those in test modules are indented.
  for (const [, name, body] of readFileSync(file, 'utf8').matchAll(/^crate::from_json_enum!\((\w+) \{([^}]*)\}\);/gm)) {
    enums += 1;
    const values = [...body.matchAll(/"([^"]*)"/g)].map((m) => m[1]).sort();
    const schema = contract.components.schemas[name];
    const listed = (schema?.enum ?? []).filter((v) => v !== null).map(String).sort();
    if (!schema) problem(`${relative(root, file)}: enum ${name} has no schema in the contract`);
    else if (values.join() !== listed.join()) {
      problem(`${relative(root, file)}: enum ${name} is [${values}] in the code, [${listed}] in the contract`);
    }
  }
}

// The mock backend.
const mockDir = join(root, 'public', 'api');
const personas = JSON.parse(readFileSync(join(mockDir, 'personas.json'), 'utf8')).personas.map((p) => p.id);
let checked = 0;
for (const file of files(mockDir)) {
  const path = relative(mockDir, file).split('/');
  const name = path.at(-1);
  const where = relative(root, file);
  if (!(path.length === 1 || (path.length === 3 && path[0] === 'personas' && personas.includes(path[1])))) {
    problem(`${where}: not a company document nor a demo user's`);
    continue;
  }
  const schema = answerSchema(contract.paths[`/${name}`]?.get?.responses?.['200']);
  if (!schema) {
    problem(`${where}: the contract has no document ${name}`);
    continue;
  }
  const validate = validator(schema);
  if (!validate) continue;
  let json;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problem(`${where}: not JSON (${error.message})`);
    continue;
  }
  if (!validate(json)) {
    for (const error of validate.errors.slice(0, 5)) {
      problem(`${where}${error.instancePath}: ${error.message} (${error.schemaPath})`);
    }
  }
  checked += 1;
}
const userDocuments = [...documentPaths].filter((path) => contract.paths[path].get.tags?.includes('user'));
for (const id of personas) {
  for (const path of userDocuments) {
    try {
      statSync(join(mockDir, 'personas', id, path.slice(1)));
    } catch {
      problem(`demo user ${id} has no ${path.slice(1)}`);
    }
  }
}

console.log(
  `contract: ${operations.length} operations, ${Object.keys(contract.components.schemas).length} schemas; ` +
    `${endpointFiles.size} documents and ${enums} enumerations of the code; ${checked} mock files validated`,
);
if (problems.length > 0) {
  console.error(`${problems.length} mismatch(es) between ${relative(root, contractFile)}, the code and the mock:`);
  for (const text of problems) console.error(`  - ${text}`);
  process.exit(1);
}
