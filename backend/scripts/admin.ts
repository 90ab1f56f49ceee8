// `npm run admin -- grant-admin <email> | revoke-admin <email> | list-admins` (see
// src/courses/cli/admin-cli.ts).
import { adminCli } from '../src/courses/cli/admin-cli';

const result = await adminCli(process.argv.slice(2));
(result.ok ? console.log : console.error)(result.message);
process.exit(result.ok ? 0 : 1);
