import { createServer } from 'node:http';
import { login, type User } from './auth/login';

const users = new Map<string, User>([['ada', { name: 'ada', passwordHash: 'x1' }]]);

/** The demo service: POST /login with {name, passwordHash}. */
export const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/login') {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const { name, passwordHash } = JSON.parse(body) as { name: string; passwordHash: string };
    res.writeHead(login(users, name, passwordHash) ? 200 : 401).end();
  });
});
