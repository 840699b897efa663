import { detector } from '@/lib/scan/detector';
import { extensionPort } from '@/lib/scan/extension-port';
import { claimFrame } from '@/lib/scan/frame-guard';
import { startFrameScout } from '@/lib/scan/frame-scout';

// Not listed in the manifest: the background injects it on demand (scripting.executeScript
// when the popup opens) and registers it for the sites the user granted
// (scripting.registerContentScripts, all frames, document_idle, after content/styled.js and
// with content/highlights.css). No `matches`, so the build adds no host permission for it.
export default defineContentScript({
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main() {
    // Set by content/styled.js, registered before this script with the highlight stylesheet.
    const documentStyled =
      (globalThis as { renewalScoutDocumentStyled?: unknown }).renewalScoutDocumentStyled === true;
    claimFrame(() => startFrameScout(document, extensionPort(), { detector, documentStyled }));
  },
});
