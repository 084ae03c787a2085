/** A user record as stored by the demo service. */
export interface User {
  readonly name: string;
  readonly passwordHash: string;
}

/** Looks a user up and checks a password hash. No rate limiting yet: a task for Strata. */
export function login(users: ReadonlyMap<string, User>, name: string, passwordHash: string): User | undefined {
  const user = users.get(name);
  return user && user.passwordHash === passwordHash ? user : undefined;
}
