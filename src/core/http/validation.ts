import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Request validation with two Ajv instances. Query strings and path parameters arrive as
 * text, so they are coerced to the declared types ("7" → 7). A JSON body already carries
 * types: coercing there would accept `{"name": 42}` as the name "42", so bodies are
 * checked strictly.
 */
const common: Options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false };
const coercing = addFormats.default(new Ajv({ ...common, coerceTypes: 'array' }));
const strict = addFormats.default(new Ajv({ ...common, coerceTypes: false }));

/**
 * Each route's validator is compiled on its first request rather than at start: compiling
 * every schema of every route took about a tenth of the embedded start (issue 8's warm-start
 * target). The route-enumerating authorization test calls every route, so a schema that
 * does not compile still fails the test suite.
 */
export const validatorCompiler: FastifySchemaCompiler<any> = ({ schema, httpPart }) => {
  let compiled: ValidateFunction | undefined;
  const validate = (data: unknown) => {
    compiled ??= (httpPart === 'body' ? strict : coercing).compile(schema as object);
    const valid = compiled(data);
    validate.errors = compiled.errors;
    return valid;
  };
  validate.errors = null as ValidateFunction['errors'];
  return validate;
};
