/** Formats a mailbox as RFC 5322 would show it: `Name <addr>`, quoting names that need it. */
export function formatAddress(name: string | undefined, address: string | undefined): string | undefined {
  if (!address) return name;
  if (!name || name === address || name === `'${address}'`) return address;
  const quoted = /[,;:<>"@()[\]\\]/.test(name) ? `"${name.replace(/(["\\])/g, "\\$1")}"` : name;
  return `${quoted} <${address}>`;
}

/** Splits Outlook's display lists ("A; B; C") into names. */
export function splitDisplayList(list: string | undefined): string[] {
  if (!list) return [];
  return list
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** True for an Internet (SMTP) address, as opposed to an Exchange DN or X.400 address. */
export function looksLikeSmtp(address: string | undefined): address is string {
  return address !== undefined && /^[^\s@<>]+@[^\s@<>]+$/.test(address);
}
