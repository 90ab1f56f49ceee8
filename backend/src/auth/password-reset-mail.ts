import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import { PASSWORD_RESET_TTL_MINUTES } from '@tutor/shared/account';
import type { Env } from '../config/env';

/** Delivers a password-reset link to the account's email. */
export interface ResetMailer {
  send(to: string, link: string): Promise<void>;
  close(): void;
}

const SUBJECT = 'Reset your Numerical Tutor password';

const bodyOf = (link: string) =>
  [
    'Someone, hopefully you, asked to reset the password of your Numerical Tutor account.',
    '',
    `Open this link within ${PASSWORD_RESET_TTL_MINUTES} minutes to choose a new password:`,
    '',
    link,
    '',
    'The link works once. If you did not ask for it, ignore this email: your password stays as it is.',
  ].join('\n');

/**
 * Mails over SMTP_URL; without it, logs the link at info level so a local install works. That log
 * line is the one place a token is ever logged (only when no SMTP server is configured: with one,
 * the link goes into the mail and nowhere else).
 */
export function createResetMailer(
  env: Pick<Env, 'SMTP_URL' | 'SMTP_FROM'>,
  log: FastifyBaseLogger,
): ResetMailer {
  if (!env.SMTP_URL) {
    return {
      async send(_to, link) {
        log.info(
          { reset_link: link },
          'password reset link (SMTP_URL is not set: logged, not mailed)',
        );
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(
    // A server that does not answer must not hold the reset queue for minutes (defaults: 2-10 min).
    {
      url: env.SMTP_URL,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    },
    { from: env.SMTP_FROM },
  );
  return {
    async send(to, link) {
      await transport.sendMail({ to, subject: SUBJECT, text: bodyOf(link) });
    },
    close: () => transport.close(),
  };
}
