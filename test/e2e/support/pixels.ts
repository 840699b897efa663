// Counts the pixels of a PNG screenshot that are painted in a colour, so a test can tell
// whether something was highlighted. The page's own image decoder reads the PNG.
import type { Page } from 'playwright-core';

/** How many pixels of `png` are this colour (within a small tolerance), decoded in `page`. */
export function countColour(
  page: Page,
  png: Buffer,
  colour: [number, number, number],
): Promise<number> {
  return page.evaluate(
    async ({ base64, colour: [r, g, b] }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }), {
        colorSpaceConversion: 'none',
        premultiplyAlpha: 'none',
      });
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
      if (!context) throw new Error('no 2D canvas to read the screenshot with');
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        const near = (value: number | undefined, wanted: number) =>
          Math.abs((value ?? 0) - wanted) <= 3;
        if (near(data[i], r) && near(data[i + 1], g) && near(data[i + 2], b)) count++;
      }
      return count;
    },
    { base64: png.toString('base64'), colour },
  );
}
