/**
 * The seven built-in roles of PortSIP v22.0–22.2. The seed gives names and one-line descriptions
 * but not their permissions; these grants are plausible readings of those descriptions.
 */
import { permissionsFrom, type Grants, type Permissions } from "./permissions";

export interface BuiltInRole {
  name: string;
  description: string;
  permissions: Permissions;
}

const standardUser: Grants = {
  general: ["voicemail_full_access", "meeting"],
  user_call_log: ["call_log_view_only", "call_recording_view_only"],
  policies: ["internal_calls", "domestic_calls"],
};

const tenantAdmin: Grants = {
  general: ["voicemail_full_access", "meeting"],
  trunk: ["view_only"],
  company: ["full_access"],
  company_call_log: ["call_log_full_access", "call_recording_full_access"],
  phone_system: ["full_access"],
  user_management: ["roles", "users"],
  user_call_log: ["call_log_full_access", "call_recording_full_access"],
  policies: ["internal_calls", "domestic_calls", "international_calls"],
  analytics: ["call_report_full_access"],
  billing: ["view_only"],
};

export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  {
    name: "SystemAdmin",
    description: "The system administrator has almost all permissions.",
    permissions: permissionsFrom("all"),
  },
  {
    name: "Replicator",
    description: "The application permissions collection.",
    permissions: permissionsFrom({
      system: ["information"],
      company: ["view_only"],
      phone_system: ["view_only"],
      user_management: ["users"],
      company_call_log: ["call_log_view_only"],
    }),
  },
  {
    name: "Dealer",
    description: "The sales manager has all sold tenant resource permissions.",
    permissions: permissionsFrom({
      system: ["information", "dealer", "tenant"],
      company: ["view_only"],
      analytics: ["call_report_view_only"],
      billing: ["full_access"],
    }),
  },
  { name: "Admin", description: "The admin has all tenant-wide resource permissions.", permissions: permissionsFrom(tenantAdmin) },
  {
    name: "StandardUser",
    description: "The user has all user-wide resource permissions.",
    permissions: permissionsFrom(standardUser),
  },
  {
    name: "StandardInternationalUser",
    description: "The user has all user-wide resource permissions with international call permissions.",
    permissions: permissionsFrom({ ...standardUser, policies: ["internal_calls", "domestic_calls", "international_calls"] }),
  },
  {
    name: "QueueManager",
    description: "The call queue manager.",
    permissions: permissionsFrom({
      ...standardUser,
      company_call_log: ["call_log_view_only"],
      analytics: ["call_report_view_only"],
    }),
  },
];

export function isBuiltInRoleName(name: string): boolean {
  return BUILT_IN_ROLES.some((role) => role.name.toLowerCase() === name.toLowerCase());
}
