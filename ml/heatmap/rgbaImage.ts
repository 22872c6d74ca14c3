/**
 * Image as tightly packed RGBA, 8 bits a channel, row-major with no row
 * padding, so `data.length === width * height * 4`. Alpha is straight, not
 * premultiplied.
 */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Returns an error message when the image's buffer does not match its size, or undefined when it does. */
export function describeRgbaImageProblem(image: RgbaImage): string | undefined {
  if (!Number.isInteger(image.width) || !Number.isInteger(image.height) || image.width < 1 || image.height < 1) {
    return `RGBA image size ${image.width}×${image.height} is invalid. Width and height must be whole numbers of 1 or more.`;
  }
  if (image.data.length !== image.width * image.height * 4) {
    return `RGBA image ${image.width}×${image.height} has ${image.data.length} bytes, expected ${image.width * image.height * 4}.`;
  }
  return undefined;
}
