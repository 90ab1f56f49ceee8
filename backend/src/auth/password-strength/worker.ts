// The password-strength worker thread: zxcvbn's dictionaries live here, not in the server's heap,
// and a check (up to a tenth of a second for a hard 32-character password) does not hold up the
// server's event loop. Started and ended by checker.ts.
import { parentPort } from 'node:worker_threads';
import { passwordStrength } from '@tutor/shared/password-strength';
import type { StrengthReply, StrengthRequest } from './protocol';

parentPort!.on('message', ({ id, password, personal }: StrengthRequest) => {
  let reply: StrengthReply;
  try {
    reply = { id, strength: passwordStrength(password, personal) };
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
