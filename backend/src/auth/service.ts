import type {
  LoginRequest,
  PasswordChangeRequest,
  Profile,
  ProfileUpdateRequest,
  RegisterRequest,
} from '@tutor/shared/auth';
import { personalWords, weakPasswordMessage } from '@tutor/shared/password-policy';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { badRequest, unauthorized } from '../errors/app-error';
import { uniqueViolationConstraint, withoutParameters } from '../db/errors';
import { passwordStrengthChecker } from './password-strength/checker';
import { hashPassword, verifyPassword } from './passwords';
import type { RefreshSessions } from './refresh-sessions';
import { type User, users } from './schema';
import type { AccessTokens } from './authenticate';

/** What a successful register, login, refresh or password change hands to the route. */
export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
}

const INCORRECT_CREDENTIALS = 'Incorrect email or password';

const emailTaken = () => badRequest('Email already registered', { fields: ['email'] });
const usernameTaken = () => badRequest('Username already taken', { fields: ['username'] });

/** Refuses a password the shared estimator calls guessable (the browser's meter uses the same). */
export async function requireStrongPassword(
  field: string,
  label: string,
  password: string,
  personal: string[],
): Promise<void> {
  const strength = await passwordStrengthChecker.check(password, personal);
  if (!strength.acceptable)
    throw badRequest(weakPasswordMessage(label, strength), { fields: [field] });
}

// Logins for unknown emails verify against this hash, so they cost as much as real ones and the
// response time does not reveal whether an account exists.
let dummyHash: Promise<string> | undefined;
const timingDummyHash = () => (dummyHash ??= hashPassword('timing-equaliser-not-a-password'));

/** The columns a profile shows (never the password hash or the hidden levels). */
export const profileColumns = {
  id: users.id,
  email: users.email,
  username: users.username,
  programmingLevel: users.programmingLevel,
  mathsLevel: users.mathsLevel,
  role: users.role,
  createdAt: users.createdAt,
};

export function toProfile(user: Pick<User, keyof typeof profileColumns>): Profile {
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    programming_level: user.programmingLevel,
    maths_level: user.mathsLevel,
    role: user.role,
    created_at: user.createdAt.toISOString(),
  };
}

export class AuthService {
  /** GET /me is the hot path (every page load): one prepared statement, planned once. */
  private readonly profileById;

  constructor(
    private readonly db: Database,
    private readonly tokens: AccessTokens,
    private readonly sessions: RefreshSessions,
  ) {
    this.profileById = db
      .select(profileColumns)
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare('auth_profile_by_id');
    // Compute the timing dummy now rather than during the first unknown-email login.
    void timingDummyHash();
  }

  async register(input: RegisterRequest): Promise<IssuedSession> {
    if (await this.emailExists(input.email)) throw emailTaken();
    if (await this.usernameTaken(input.username)) throw usernameTaken();
    const personal = personalWords(input.email, input.username);
    await requireStrongPassword('password', 'Password', input.password, personal);
    const passwordHash = await hashPassword(input.password);
    let user: User | undefined;
    try {
      [user] = await this.db
        .insert(users)
        .values({
          email: input.email,
          username: input.username,
          passwordHash,
          programmingLevel: input.programming_level,
          mathsLevel: input.maths_level,
          // The hidden levels start from the self-assessment (foundation §2, rule 4).
          effectiveProgrammingLevel: input.programming_level,
          effectiveMathsLevel: input.maths_level,
        })
        .returning();
    } catch (error) {
      // Two registrations racing past the checks above: the unique indexes decide.
      throw this.uniqueViolationToError(error) ?? withoutParameters(error, 'Creating the user');
    }
    return this.startSession(user!.id, user!.tokenGeneration);
  }

  async login(input: LoginRequest): Promise<IssuedSession> {
    const [user] = await this.db.select().from(users).where(eq(users.email, input.email));
    if (!user) {
      await verifyPassword(await timingDummyHash(), input.password);
      throw unauthorized(INCORRECT_CREDENTIALS);
    }
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      throw unauthorized(INCORRECT_CREDENTIALS);
    }
    return this.startSession(user.id, user.tokenGeneration);
  }

  /**
   * Rotates the refresh token. A reused one revokes its family and ends the user's access tokens
   * (whoever replayed it may hold one of them) before this throws.
   */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const rotation = await this.sessions.rotate(refreshToken);
    if (!rotation.ok) {
      if (rotation.reason === 'reused') await this.tokens.revokeAccessTokens(rotation.userId);
      throw unauthorized(
        rotation.reason === 'expired'
          ? 'Session expired, please sign in again'
          : 'Invalid session, please sign in again',
      );
    }
    const [user] = await this.db
      .select({ id: users.id, tokenGeneration: users.tokenGeneration })
      .from(users)
      .where(eq(users.id, rotation.userId));
    if (!user) {
      await this.sessions.revokeFamily(rotation.familyId);
      throw unauthorized('Account no longer exists');
    }
    const issued = await this.sessions.issue(user.id, rotation.familyId);
    return {
      accessToken: await this.tokens.createAccessToken(user.id, user.tokenGeneration),
      refreshToken: issued.token,
    };
  }

  /** Revokes the session of the refresh token and ends the user's access tokens. */
  async logout(refreshToken: string): Promise<void> {
    const userId = await this.sessions.revokeFamilyOf(refreshToken);
    if (userId) await this.tokens.revokeAccessTokens(userId);
  }

  async profile(userId: string): Promise<Profile> {
    const [user] = await this.profileById.execute({ id: userId });
    if (!user) throw unauthorized('Account no longer exists');
    return toProfile(user);
  }

  /** Updates username and levels; a changed self-assessed level resets its effective level. */
  async updateProfile(userId: string, input: ProfileUpdateRequest): Promise<Profile> {
    const current = await this.requireUser(userId);
    const changes: Partial<typeof users.$inferInsert> = {};
    if (input.username !== undefined && input.username !== current.username) {
      if (await this.usernameTaken(input.username, userId)) throw usernameTaken();
      changes.username = input.username;
    }
    if (
      input.programming_level !== undefined &&
      input.programming_level !== current.programmingLevel
    ) {
      changes.programmingLevel = input.programming_level;
      changes.effectiveProgrammingLevel = input.programming_level;
    }
    if (input.maths_level !== undefined && input.maths_level !== current.mathsLevel) {
      changes.mathsLevel = input.maths_level;
      changes.effectiveMathsLevel = input.maths_level;
    }
    if (Object.keys(changes).length === 0) return toProfile(current);
    try {
      const [updated] = await this.db
        .update(users)
        .set(changes)
        .where(eq(users.id, userId))
        .returning();
      if (!updated) throw unauthorized('Account no longer exists');
      return toProfile(updated);
    } catch (error) {
      throw this.uniqueViolationToError(error) ?? error;
    }
  }

  /**
   * Verifies the current password, stores the new hash and signs the user out everywhere else:
   * every refresh family and access token is revoked and this client gets a fresh pair.
   */
  async changePassword(userId: string, input: PasswordChangeRequest): Promise<IssuedSession> {
    const user = await this.requireUser(userId);
    if (!(await verifyPassword(user.passwordHash, input.current_password))) {
      throw badRequest('Current password is incorrect', { fields: ['current_password'] });
    }
    const personal = personalWords(user.email, user.username);
    await requireStrongPassword('new_password', 'New password', input.new_password, personal);
    const passwordHash = await hashPassword(input.new_password);
    try {
      await this.db.update(users).set({ passwordHash }).where(eq(users.id, userId));
    } catch (error) {
      throw withoutParameters(error, 'Changing the password');
    }
    await this.sessions.revokeAllForUser(userId);
    const generation = await this.tokens.revokeAccessTokens(userId);
    if (generation === undefined) throw unauthorized('Account no longer exists');
    return this.startSession(userId, generation);
  }

  private async startSession(userId: string, generation: number): Promise<IssuedSession> {
    const [accessToken, issued] = await Promise.all([
      this.tokens.createAccessToken(userId, generation),
      this.sessions.issue(userId),
    ]);
    return { accessToken, refreshToken: issued.token };
  }

  /** The user behind a valid access token; a deleted account answers 401 so clients sign out. */
  private async requireUser(userId: string): Promise<User> {
    const [user] = await this.db.select().from(users).where(eq(users.id, userId));
    if (!user) throw unauthorized('Account no longer exists');
    return user;
  }

  private async emailExists(email: string): Promise<boolean> {
    const rows = await this.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return rows.length > 0;
  }

  private async usernameTaken(username: string, exceptUserId?: string): Promise<boolean> {
    const sameName = sql`lower(${users.username}) = lower(${username})`;
    const rows = await this.db
      .select({ id: users.id })
      .from(users)
      .where(exceptUserId ? and(sameName, ne(users.id, exceptUserId)) : sameName);
    return rows.length > 0;
  }

  private uniqueViolationToError(error: unknown) {
    const constraint = uniqueViolationConstraint(error);
    if (constraint === undefined) return undefined;
    return constraint.includes('username') ? usernameTaken() : emailTaken();
  }
}
