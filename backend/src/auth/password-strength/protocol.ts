import type { PasswordStrength } from '@tutor/shared/password-policy';

export interface StrengthRequest {
  id: number;
  password: string;
  personal: string[];
}

export type StrengthReply =
  | { id: number; strength: PasswordStrength }
  | { id: number; error: string };
