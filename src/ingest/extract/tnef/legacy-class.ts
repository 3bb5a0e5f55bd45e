/** TNEF's legacy message classes (attMessageClass) and their MAPI equivalents. */
const LEGACY_CLASSES: Record<string, string> = {
  "IPM.Microsoft Mail.Note": "IPM.Note",
  "IPM.Microsoft Mail.Read Receipt": "Report.IPM.Note.IPNRN",
  "IPM.Microsoft Mail.Non-Delivery": "Report.IPM.Note.NDR",
  "IPM.Microsoft Schedule.MtgReq": "IPM.Schedule.Meeting.Request",
  "IPM.Microsoft Schedule.MtgRespP": "IPM.Schedule.Meeting.Resp.Pos",
  "IPM.Microsoft Schedule.MtgRespN": "IPM.Schedule.Meeting.Resp.Neg",
  "IPM.Microsoft Schedule.MtgRespA": "IPM.Schedule.Meeting.Resp.Tent",
  "IPM.Microsoft Schedule.MtgCncl": "IPM.Schedule.Meeting.Canceled",
};

export function mapiClassOfLegacy(legacy: string): string {
  return LEGACY_CLASSES[legacy] ?? legacy;
}
