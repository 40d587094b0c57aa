import { Ajv, type Options } from 'ajv';
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

export const validatorCompiler: FastifySchemaCompiler<any> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strict : coercing).compile(schema as object);
