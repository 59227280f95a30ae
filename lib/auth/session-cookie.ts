/**
 * next-auth names its cookies `__Secure-…` on https. The auth options and proxy.ts must agree on
 * the name, so both derive it from APP_URL here (rather than from NEXTAUTH_URL, which next-auth
 * would read on its own).
 */
export function usesSecureCookies(appUrl: string): boolean {
  return appUrl.startsWith("https://");
}
