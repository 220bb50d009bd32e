/** Passwords: argon2id (OWASP parameters: m=19 MiB, t=2, p=1). */
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

const OPTS = { algorithm: 2 /* Algorithm.Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTS);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** a one-time password that is easy to type: 4 groups of 4 from an unambiguous alphabet */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  let s = '';
  for (let i = 0; i < 16; i++) {
    s += alphabet[bytes[i] % alphabet.length];
    if (i % 4 === 3 && i < 15) s += '-';
  }
  return s;
}

export function validatePasswordStrength(pw: string): string | null {
  if (pw.length < 10) return '密码至少 10 位 / password must be at least 10 characters';
  return null;
}
