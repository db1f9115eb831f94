/**
 * What a fresh simulated UMP knows besides its users, taken from the seed's examples: license,
 * system information, registrar pools, SIP domains, call pickup groups, number ranges, and the
 * policies and dial plans `/script` may assign (the seed has no call that lists those).
 */

/** The `/script` attributes whose value must name an existing policy (dial plans included). */
export const POLICY_ATTRIBUTES = [
  "ClientPolicy",
  "ConferencingPolicy",
  "PinPolicy",
  "ExternalAccessPolicy",
  "HostedVoicemailPolicy",
  "MobilityPolicy",
  "VoicePolicy",
  "DialPlan",
] as const;

export type PolicyAttribute = (typeof POLICY_ATTRIBUTES)[number];

export type PolicyCatalogue = Record<PolicyAttribute, string[]>;

export function defaultPolicies(): PolicyCatalogue {
  return {
    ClientPolicy: ["AbsWebSearchOnly", "DisableEmoticons"],
    ConferencingPolicy: ["Conf-EnterpriseCAL", "Conf-Standard"],
    PinPolicy: ["Pin-Standard"],
    ExternalAccessPolicy: ["FederationAndPICDefault", "NoFederation"],
    HostedVoicemailPolicy: ["ACS-O365UM"],
    MobilityPolicy: ["Mobility-Standard"],
    VoicePolicy: ["International", "National", "Local"],
    DialPlan: ["LyncAlmere.activevoice.lan", "NL-Amsterdam", "NL-Rotterdam"],
  };
}

export interface NumberRangeRecord {
  Identity: string;
  AnnouncementServerFqdn: string;
  AnnouncementName: string;
  AnnouncementServiceId: string;
  AnnouncementId: string;
  /** `tel:+E164`; empty for ranges made of uploaded numbers (MsPhoneSystem). */
  NumberRangeStart: string;
  NumberRangeEnd: string;
  Priority: string;
  ReplicationTicks: number;
  NumberRangeType: string;
  /** E.164 numbers (`+3120...`) of a range without bounds. */
  numbers?: string[];
}

export function defaultNumberRanges(): NumberRangeRecord[] {
  return [
    {
      Identity: "MsPhoneSystem(EMEA-NL-ALL-FL_AL)",
      AnnouncementServerFqdn: "",
      AnnouncementName: "",
      AnnouncementServiceId: "",
      AnnouncementId: "",
      NumberRangeStart: "",
      NumberRangeEnd: "",
      Priority: "0",
      ReplicationTicks: 0,
      NumberRangeType: "MsPhoneSystem",
      numbers: Array.from({ length: 10 }, (_, i) => `+3120200010${i}`),
    },
    {
      Identity: "Service:ApplicationServer:m800-fe.ocshost.nl/41258",
      AnnouncementServerFqdn: "m800-fe.ocshost.nl",
      AnnouncementName: "test12345",
      AnnouncementServiceId: "ApplicationServer:m800-fe.ocshost.nl",
      AnnouncementId: "412583fd-238b-4536-bff4-e5d49e0b275e",
      NumberRangeStart: "tel:+311111120",
      NumberRangeEnd: "tel:+311111140",
      Priority: "0",
      ReplicationTicks: 0,
      NumberRangeType: "SkypeOnPrem",
    },
  ];
}

export const REGISTRAR_POOLS = ["acs-s4b.ocshost.nl", "m800-fe.ocshost.nl", "sfb-ws2019-fe1.ocshost.nl"];

export const SIGN_IN_DOMAINS = ["audiocodes.com", "hostlync.com"];

export const CALL_PICKUP_GROUPS = [{ Id: 1, Num: "#409", Identity: "training", Value: "409_test" }];

export const SYSTEM_INFO = {
  ServerName: "UMP-QA.ocshost.nl",
  Domain: "ocshost.nl",
  LastBootTime: "29/01/2020 18:07",
  OSVersion: "Microsoft Windows Server 2016 Standard",
  WebAdminVersion: "8.0.0.413",
  SBAConfigVersion: "SBAConfigVersion",
};

/** The license document; `CBUsers` is the number of licensed voice users, `InUseCceUsers` is computed. */
export const LICENSE = {
  Customer: "QA001",
  PoNum: "",
  OrderNum: "",
  ProductKey: "",
  Expired: "2030-03-31",
  VMMailBox: 0,
  CBSTDSys: 0,
  CBSTDSysPair: 0,
  CBProSys: 0,
  CBProSysPair: 0,
  CBENTSys: 0,
  CBENTSysPair: 0,
  MachineID: "ff480e9e-9eec-4f63-9acc-cad12df3f7fd",
};

export const DEFAULT_LICENSED_USERS = 1000;
