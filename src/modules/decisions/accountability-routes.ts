import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, withErrors } from '../../core/http/schemas.ts';
import { Row, Rows } from './contract.ts';
import { AccountabilityIn, TraceOut } from './accountability-contract.ts';
import { AccountabilityQuery } from './decision-contract.ts';
import { listAccountability, recordAccountability, traceDecision } from './accountability.ts';

/** 终身责任追究及责任倒查 (seed 002 #27): accountability actions and the reverse trace of a decision. */
export const accountabilityRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  const tags = ['decisions'];
  app.get('/decisions/accountability', { config: { permission: 'decisions.read' }, schema: { tags, summary: '决策问责登记（数据范围内）', querystring: AccountabilityQuery, response: withErrors({ 200: Rows }) } }, async (req) => listAccountability(s, req.actor!, req.query));
  app.get('/decisions/:id/trace', { config: { permission: 'decisions.read', resource: 'decision' }, schema: { tags, summary: '责任倒查：决策的每一环节、每一参与人及其意见、审查情况、问责情况和审计链校验', params: IdParams, response: withErrors({ 200: TraceOut }) } }, async (req) => traceDecision(s, req.actor!, req.params.id));
  app.post('/decisions/:id/accountability', { config: { permission: 'decisions.accountability', resource: 'decision' }, schema: { tags, summary: '登记问责（诫勉谈话、通报批评、责令辞职等，seed 002 #40）', params: IdParams, body: AccountabilityIn, response: withErrors({ 200: Row }) } }, async (req) => recordAccountability(s, req.actor!, req.params.id, req.body));
};
