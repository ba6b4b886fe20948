export const ROLES = ['owner', 'manager', 'agent', 'gated_agent'] as const;
export type Role = (typeof ROLES)[number];

export interface Member {
  id: string;
  name: string;
  email: string | null;
  role: Role;
}

export interface Workspace {
  id: string;
  name: string;
  /** ISO 3166 region used to read phone numbers written without a country code. */
  defaultRegion: string;
  isDemo: boolean;
}
