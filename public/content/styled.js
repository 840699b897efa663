// Runs just before the content script on the sites scanned automatically, in the same
// isolated world: tells it that highlights.css is already in the page, so it does not adopt
// a stylesheet of its own (adopting one late restyles the whole document).
globalThis.renewalScoutDocumentStyled = true;
