/** A DNS name (a leading "*." allowed), or an IP address: anything else is refused before a key is made. */
const DNS_NAME =
  /^(\*\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

export function isDnsName(name: string): boolean {
  return DNS_NAME.test(name) && name.length <= 253;
}
