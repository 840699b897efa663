export { hasSiteAccess, releaseSiteAccess, requestSiteAccess } from './access';
export { describeSiteError, type SiteError, type SiteResult } from './errors';
export { grantAutoScan, originsInUse, revokeAutoScan } from './grant';
export { matchPatternFor, parseSiteOrigin } from './origin';
export { registeredAutoScanOrigins } from './registration';
export { type AutoScanSyncReport, keepAutoScanInSync, syncAutoScan } from './sync';
