import { csvField } from "./csv.js";
import type { Random } from "./random.js";

/** One account the attacker took over, and when. */
export interface Compromise {
  user: string;
  upn: string;
  windowStart: number;
  windowEnd: number;
  /** Times at which the attacker's client synchronised whole folders. */
  syncs: { folder: string; at: number }[];
  attackerIps: string[];
  forwardTo: string;
  ruleName: string;
  /** When the forwarding rule was created: mail arriving after it went to `forwardTo`. */
  ruleAt: number;
}

export interface AccessedItem {
  user: string;
  folder: string;
  messageId: string;
  sizeBytes: number;
  at: number;
}

export interface AuditInput {
  rng: Random;
  organizationId: string;
  users: { upn: string }[];
  hospitalIps: string[];
  compromises: Compromise[];
  /** Message-level Bind accesses; Sync accesses are logged per folder. */
  binds: AccessedItem[];
  /** First and last day (ms) of normal sign-ins to log. */
  from: number;
  to: number;
}

interface Row {
  at: number;
  recordType: string;
  operation: string;
  userId: string;
  data: Record<string, unknown>;
}

const HEADER = "RecordId,CreationDate,RecordType,Operation,UserId,AuditData";
const STAFF_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
  "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17126; Pro)",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
];
const ATTACKER_AGENTS = [
  "python-requests/2.31.0",
  "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0",
  "axios/1.6.2",
];

export function guid(rng: Random): string {
  const h = () => rng.u32().toString(16).padStart(8, "0");
  const a = h() + h() + h() + h();
  return `${a.slice(0, 8)}-${a.slice(8, 12)}-4${a.slice(13, 16)}-${"89ab"[rng.int(0, 3)]}${a.slice(17, 20)}-${a.slice(20, 32)}`;
}

function creationTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** The Microsoft Purview audit export: one CSV row per record, AuditData as a JSON string, newest first. */
export function renderAuditLog(input: AuditInput): string {
  const { rng } = input;
  const rows: Row[] = [];
  const base = (at: number, operation: string, recordType: number, workload: string, userId: string) => ({
    CreationTime: creationTime(at),
    Id: guid(rng),
    Operation: operation,
    OrganizationId: input.organizationId,
    RecordType: recordType,
    ResultStatus: "Succeeded",
    UserKey: userId,
    UserType: 0,
    Version: 1,
    Workload: workload,
    UserId: userId,
  });
  const login = (at: number, upn: string, ip: string, agent: string, ok: boolean) => {
    rows.push({
      at,
      recordType: "AzureActiveDirectoryStsLogon",
      operation: ok ? "UserLoggedIn" : "UserLoginFailed",
      userId: upn,
      data: {
        ...base(at, ok ? "UserLoggedIn" : "UserLoginFailed", 15, "AzureActiveDirectory", upn),
        ResultStatus: ok ? "Success" : "Failed",
        AzureActiveDirectoryEventType: 1,
        ClientIP: ip,
        ObjectId: "00000002-0000-0ff1-ce00-000000000000",
        ApplicationId: "00000002-0000-0ff1-ce00-000000000000",
        ExtendedProperties: [
          { Name: "ResultStatusDetail", Value: ok ? "Success" : "InvalidUserNameOrPassword" },
          { Name: "UserAgent", Value: agent },
          { Name: "RequestType", Value: "OAuth2:Authorize" },
        ],
        ErrorNumber: ok ? "0" : "50126",
      },
    });
  };

  const day = 86_400_000;
  for (const u of input.users) {
    const agent = rng.pick(STAFF_AGENTS);
    for (let t = input.from; t < input.to; t += day) {
      const weekday = new Date(t).getUTCDay();
      if (weekday === 0 || weekday === 6 || rng.chance(0.1)) continue;
      login(
        t + (11 + rng.int(0, 3)) * 3_600_000 + rng.int(0, 3_599_999),
        u.upn,
        rng.pick(input.hospitalIps),
        agent,
        true,
      );
    }
  }

  for (const c of input.compromises) {
    const agent = rng.pick(ATTACKER_AGENTS);
    for (let i = 0; i < rng.int(2, 5); i++)
      login(c.windowStart - rng.int(60_000, 3_600_000), c.upn, rng.pick(c.attackerIps), agent, false);
    login(c.windowStart, c.upn, c.attackerIps[0]!, agent, true);
    for (let t = c.windowStart + day; t < c.windowEnd; t += day)
      login(t + rng.int(0, 3_600_000), c.upn, rng.pick(c.attackerIps), agent, true);
    const ruleAt = c.ruleAt;
    rows.push({
      at: ruleAt,
      recordType: "ExchangeAdmin",
      operation: "New-InboxRule",
      userId: c.upn,
      data: {
        ...base(ruleAt, "New-InboxRule", 1, "Exchange", c.upn),
        ResultStatus: "True",
        ClientIP: `${c.attackerIps[0]}:${rng.int(30000, 65000)}`,
        ObjectId: `${c.upn}\\${c.ruleName}`,
        Parameters: [
          { Name: "AlwaysDeleteOutlookRulesBlob", Value: "False" },
          { Name: "Force", Value: "False" },
          { Name: "Name", Value: c.ruleName },
          { Name: "ForwardTo", Value: c.forwardTo },
          { Name: "MarkAsRead", Value: "True" },
          { Name: "MoveToFolder", Value: "RSS Subscriptions" },
          { Name: "StopProcessingRules", Value: "True" },
        ],
        ExternalAccess: false,
        OriginatingServer: "BN8PR04MB1234 (15.20.7270.000)",
      },
    });
    const session = guid(rng);
    const mailboxGuid = guid(rng);
    const access = (at: number, type: "Bind" | "Sync", folders: unknown[], count: number, item?: unknown) => {
      rows.push({
        at,
        recordType: "ExchangeItemAggregated",
        operation: "MailItemsAccessed",
        userId: c.upn,
        data: {
          ...base(at, "MailItemsAccessed", 50, "Exchange", c.upn),
          ResultStatus: "Succeeded",
          AppId: "00000002-0000-0ff1-ce00-000000000000",
          ClientAppId: "",
          ClientIPAddress: rng.pick(c.attackerIps),
          ClientInfoString: "Client=OWA;Action=ViaProxy",
          ExternalAccess: false,
          InternalLogonType: 0,
          LogonType: 0,
          LogonUserSid: `S-1-5-21-${rng.u32()}-${rng.u32()}-${rng.u32()}-${rng.int(1000, 99999)}`,
          MailboxGuid: mailboxGuid,
          MailboxOwnerUPN: c.upn,
          OperationProperties: [
            { Name: "MailAccessType", Value: type },
            { Name: "IsThrottled", Value: "False" },
          ],
          OperationCount: count,
          SessionId: session,
          ...(folders.length ? { Folders: folders } : {}),
          ...(item ? { Item: item } : {}),
        },
      });
    };
    for (const s of c.syncs) {
      access(s.at, "Sync", [], 1, {
        Id: folderId(rng),
        ParentFolder: { Id: folderId(rng), Path: `\\${s.folder}` },
      });
    }
    // Bind records aggregate the items opened within a couple of minutes, grouped by folder.
    const mine = input.binds.filter((b) => b.user === c.user).sort((a, b) => a.at - b.at);
    for (let i = 0; i < mine.length; ) {
      const batch = mine.slice(i, i + rng.int(1, 8));
      i += batch.length;
      const byFolder = new Map<string, AccessedItem[]>();
      for (const b of batch) byFolder.set(b.folder, [...(byFolder.get(b.folder) ?? []), b]);
      const folders = [...byFolder.entries()].map(([folder, items]) => ({
        FolderItems: items.map((it) => ({ InternetMessageId: it.messageId, SizeInBytes: it.sizeBytes })),
        Id: folderId(rng),
        Path: `\\${folder}`,
      }));
      access(batch[batch.length - 1]!.at, "Bind", folders, batch.length);
    }
  }

  rows.sort((a, b) => b.at - a.at);
  const lines = [HEADER];
  for (const r of rows) {
    const iso = `${new Date(r.at).toISOString().slice(0, 19)}.0000000Z`;
    lines.push(
      [guid(rng), iso, r.recordType, r.operation, r.userId, JSON.stringify(r.data)].map(csvField).join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

function folderId(rng: Random): string {
  let s = "LgAAAAB";
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (let i = 0; i < 40; i++) s += chars[rng.int(0, chars.length - 1)];
  return `${s}AAAB`;
}
