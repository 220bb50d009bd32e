import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../audit/audit';
import { userOf } from '../app';

export const actorOf = (req: FastifyRequest): AuditActor => ({ user: userOf(req), ip: req.ip });
